package dev.vigil.daemon.lvs;

import dev.vigil.daemon.lab.LabSession;
import dev.vigil.daemon.runtime.FileTrees;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code vigil lab} where the kernel has IPVS (the IPVS VM): the pair runs an LVS-DR virtual server
 * on the VIP with a TCP_CHECK per backend, and the client's GETs through the VIP are answered by
 * every backend; a killed backend leaves (Vigil's checker says down, only the others answer), and
 * after the master is killed the other load balancer carries the traffic. The lab's daemons load
 * the health checkers plugin from {@code vigil.home}'s {@code plugins/}, as a distribution would.
 */
@Tag("ipvs-vm")
class LabIpvsIT {
    private static final Pattern CLIENT = Pattern.compile("client: GET \\S+ every 100 ms: (\\S+) ok over the last \\d+ s(?:, answered by ([a-z0-9 ]+))?");

    private static boolean checker(String frame, String name, String verdict) {
        return Pattern.compile(name + "\\s+\\S+\\s+\\S+\\s+lab GET: \\S+\\s+vigil checker: " + verdict + "\\b")
                .matcher(frame).find();
    }

    /** The client line says every GET in the window was answered, by exactly {@code names}. */
    private static boolean clientAnsweredBy(String frame, String names) {
        Matcher m = CLIENT.matcher(frame);
        return m.find() && "100%".equals(m.group(1)) && names.equals(m.group(2));
    }

    @Test
    void trafficThroughTheVipFollowsChecksAndFailover() throws Exception {
        Path home = Files.createTempDirectory("vigil-lab-home-");
        Path plugins = LvsLab.pluginsDir(home);
        if (plugins == null && System.getenv("IPVS_VM") != null) {
            fail("IPVS_VM is set but healthcheckers/target holds no plugin zip (build it first)");
        }
        assumeTrue(plugins != null, "skipped: no healthcheckers/target/vigil-healthcheckers-*.zip (mvn package)");
        long pid;
        try (LabSession lab = LabSession.start("-Dvigil.home=" + home)) {
            pid = lab.process.pid();
            lab.await("the lab runs with IPVS", Duration.ofSeconds(60), f -> lab.text.toString().contains("IPVS: LVS-DR"));
            lab.await("lb1 master, every checker up, GETs answered by all three", Duration.ofSeconds(600),
                    f -> f.contains("master: lb1 ") && checker(f, "web1", "up") && checker(f, "web2", "up")
                            && checker(f, "web3", "up") && clientAnsweredBy(f, "web1 web2 web3"));
            System.out.println("all up:\n" + lab.frame());
            lab.press("1");
            lab.await("web1 out: its checker down, GETs answered by web2 and web3 only", Duration.ofSeconds(90),
                    f -> checker(f, "web1", "down") && clientAnsweredBy(f, "web2 web3"));
            System.out.println("web1 killed:\n" + lab.frame());
            lab.press("k");
            lab.await("lb2 master, GETs through it answered by web2 and web3", Duration.ofSeconds(120),
                    f -> f.contains("master: lb2 ") && checker(f, "web2", "up") && clientAnsweredBy(f, "web2 web3"));
            System.out.println("lb1 killed:\n" + lab.frame());
            lab.press("1");
            lab.await("web1 back behind lb2", Duration.ofSeconds(120),
                    f -> checker(f, "web1", "up") && clientAnsweredBy(f, "web1 web2 web3"));
            lab.press("q");
            assertThat(lab.process.waitFor(120, TimeUnit.SECONDS)).as(lab.tail()).isTrue();
            lab.reader.join(10_000);
            assertThat(lab.process.exitValue()).as(lab.tail()).isZero();
            assertThat(lab.text.toString()).contains("lab removed");
        } finally {
            FileTrees.delete(home);
        }
        assertThat(LabSession.namespaces(pid)).isEmpty();
    }
}
