package dev.vigil.daemon.cli;

import dev.vigil.kernel.netns.NetNamespace;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil ipvs save|restore} against a real IPVS table, compared with ipvsadm's. */
@Tag("ipvs-vm")
class IpvsCommandIT {
    private static final String RULES = String.join("\n",
            "-A -t 10.9.0.10:80 -s wrr -p 600 -M 255.255.255.0",
            "-a -t 10.9.0.10:80 -r 10.9.0.20:8080 -m -w 3 -x 100 -y 10",
            "-a -t 10.9.0.10:80 -r 10.9.0.21:8080 -g -w 0",
            "-A -u [2001:db8::10]:53 -s sh -b sh-port,sh-fallback -o",
            "-a -u [2001:db8::10]:53 -r [2001:db8::20]:53 -i --tun-type gue --tun-port 6080 --tun-csum",
            "-A --sctp-service 10.9.0.11:3868 -s mh -b mh-port",
            "-A -f 42 -6 -s lc",
            "-a -f 42 -6 -r [2001:db8::21]:0 -g -w 5",
            "");

    @TempDir
    Path dir;
    private IpvsTestNet net;

    @BeforeEach
    void setUp() {
        net = IpvsTestNet.create("ipvscli");
    }

    @AfterEach
    void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run vigil(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = NetNamespace.named(net.namespace()).call(() -> VigilCommand.commandLine()
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void restoreThenSaveMatchesIpvsadmExactly() throws Exception {
        IpvsTestNet.Run loaded = net.ipvsadmWithInput(RULES, "-R");
        assertThat(loaded.exit()).as(loaded.output()).isZero();
        String expected = net.ipvsadm("-Sn");
        net.ipvsadm("-C");

        Run restore = vigil("ipvs", "restore", "--file", file("rules", RULES).toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(net.ipvsadm("-Sn")).isEqualTo(expected);

        Run save = vigil("ipvs", "save");
        assertThat(save.exit()).as(save.err()).isZero();
        assertThat(save.out()).isEqualTo(expected);
    }

    @Test
    void malformedLineIsNamedAndNothingChanges() throws Exception {
        Run good = vigil("ipvs", "restore", "--file", file("good", RULES).toString());
        assertThat(good.exit()).as(good.err()).isZero();
        String before = net.ipvsadm("-Sn");
        Path bad = file("bad", "-A -t 10.9.0.12:80 -s rr\n\n-a -t 10.9.0.12:80 -r 10.9.0.30:80 -w lots\n");

        Run r = vigil("ipvs", "restore", "--flush", "--file", bad.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(bad + ":3: ").contains("weight").contains("nothing applied");
        assertThat(net.ipvsadm("-Sn")).as("flush not done either").isEqualTo(before);
    }

    @Test
    void kernelRefusalNamesTheLineAndTheErrno() throws Exception {
        Path rules = file("rules", "-A -t 10.9.0.13:80 -s rr\n-a -t 10.9.0.99:80 -r 10.9.0.31:80 -m\n");

        Run r = vigil("ipvs", "restore", "--file", rules.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(rules + ":2: ESRCH").contains("1 of 2 rules refused");
        assertThat(net.ipvsadm("-Sn")).isEqualTo("-A -t 10.9.0.13:80 -s rr\n");
    }

    @Test
    void flushClearsWhatWasThere() throws Exception {
        Run all = vigil("ipvs", "restore", "--file", file("all", RULES).toString());
        assertThat(all.exit()).as(all.err()).isZero();
        Run r = vigil("ipvs", "restore", "--flush", "--file", file("one", "-A -t 10.9.0.14:443 -s rr\n").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(net.ipvsadm("-Sn")).isEqualTo("-A -t 10.9.0.14:443 -s rr\n");
    }
}
