package dev.vigil.daemon.lvs;

import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.kernel.testing.IpvsTestNet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The template plugin on a real IPVS table: {@code vigil run -f lvs/redis-role.conf} with a plugins
 * directory holding only the redis-role-check example's zip
 * ({@code plugins/examples/redis-role-check/target/redis-role-check-*.zip}). Two Redis-protocol
 * servers ({@code lvs/fake-redis.py}, the role read from a file on every ROLE) on 10.20.0.11 and .12
 * behind a NAT service whose REDIS_ROLE checkers want a master: the master is in {@code ipvsadm -Sn}
 * and the replica is not (or, with inhibit_on_failure, has weight 0); when the roles swap, so does
 * the table.
 */
@Tag("ipvs-vm")
class RedisRolePluginIT {
    private static final Duration FIRST = Duration.ofSeconds(300);
    private static final Duration CHANGE = Duration.ofSeconds(120);
    /** Each poll starts processes in namespaces, which the emulated VM does slowly. */
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String RS1 = "-a -t 10.10.0.100:6379 -r 10.20.0.11:6379 -m -w 1\n";
    private static final String RS2_UP = "-a -t 10.10.0.100:6379 -r 10.20.0.12:6379 -m -w 2\n";
    private static final String RS2_INHIBITED = "-a -t 10.10.0.100:6379 -r 10.20.0.12:6379 -m -w 0\n";

    @Test
    void onlyTheMasterTakesTraffic() throws IOException {
        IpvsTestNet.requireIpvs();
        Path zip = pluginZip();
        if (zip == null && System.getenv("IPVS_VM") != null) {
            fail("IPVS_VM is set but plugins/examples/redis-role-check/target holds no plugin zip (build it first)");
        }
        assumeTrue(zip != null, "skipped: no plugins/examples/redis-role-check/target/redis-role-check-*.zip (mvn package)");
        List<Process> servers = new ArrayList<>();
        try (NetLab lab = NetLab.create("lvsredis")) {
            Path plugins = Files.createDirectories(lab.dir().resolve("plugins"));
            Files.copy(zip, plugins.resolve(zip.getFileName()));
            Path script = LvsLab.copyResource(lab.dir(), "fake-redis.py");
            Path config = LvsLab.copyResource(lab.dir(), "redis-role.conf");
            String lb = lab.addNode("lb", "10.20.0.1/24", null).ns();
            String rs = lab.addNode("rs", "10.20.0.11/24", null).ns();
            lab.exec(rs, "ip", "addr", "add", "10.20.0.12/24", "dev", "eth0");
            lab.exec(rs, "ip", "route", "add", "default", "via", "10.20.0.1");
            Path role1 = Files.writeString(lab.dir().resolve("rs1.role"), "master\n");
            Path role2 = Files.writeString(lab.dir().resolve("rs2.role"), "slave\n");
            try {
                servers.add(start(lab, rs, script, "10.20.0.11", role1));
                servers.add(start(lab, rs, script, "10.20.0.12", role2));
                VigilProcess vigil = VigilProcess.start(lab, "lb", "vigil", config, "--plugins-dir", plugins.toString());
                String t = await(lab, lb, vigil, "rs1 (master) in, rs2 (replica) inhibited", FIRST,
                        x -> x.contains(RS1) && x.contains(RS2_INHIBITED));
                System.out.println("rs1 master, rs2 replica:\n" + t);
                Files.writeString(role1, "slave\n");
                Files.writeString(role2, "master\n");
                t = await(lab, lb, vigil, "rs1 (now a replica) out, rs2 (now the master) at weight 2", CHANGE,
                        x -> !x.contains("-r 10.20.0.11:") && x.contains(RS2_UP));
                System.out.println("roles swapped:\n" + t);
                if (!vigil.log().contains("redis-role-check")) {
                    fail("the daemon did not log the plugin loaded from " + plugins + ":\n" + vigil.log());
                }
            } finally {
                servers.forEach(Process::destroyForcibly);
            }
        }
    }

    private static Process start(NetLab lab, String ns, Path script, String address, Path roleFile) throws IOException {
        return new ProcessBuilder("ip", "netns", "exec", ns, "python3", script.toString(), address, "6379",
                roleFile.toString()).redirectErrorStream(true)
                .redirectOutput(lab.dir().resolve("redis-" + address + ".log").toFile()).start();
    }

    private static String await(NetLab lab, String lb, VigilProcess vigil, String what, Duration deadline,
                                Predicate<String> wanted) {
        String[] last = {null};
        try {
            LvsLab.poll(what, deadline, POLL, () -> wanted.test(last[0] = lab.exec(lb, "ipvsadm", "-Sn")));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlast table:\n" + last[0] + "\nvigil (" + (vigil.alive() ? "running"
                    : "exited") + ") log:\n" + vigil.log() + "\nredis logs:\n" + logs(lab), e);
        }
        return last[0];
    }

    private static String logs(NetLab lab) {
        StringBuilder b = new StringBuilder();
        for (String a : List.of("10.20.0.11", "10.20.0.12")) {
            try {
                b.append(a).append(": ").append(Files.readString(lab.dir().resolve("redis-" + a + ".log"))).append('\n');
            } catch (IOException e) {
                b.append(a).append(": no log\n");
            }
        }
        return b.toString();
    }

    /** The example plugin's zip, looked up from the working directory and its parent; null when not built. */
    private static Path pluginZip() throws IOException {
        for (Path base : List.of(Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath().getParent())) {
            Path target = base.resolve("plugins/examples/redis-role-check/target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    Path zip = s.filter(p -> p.getFileName().toString().matches("redis-role-check-.*\\.zip"))
                            .findFirst().orElse(null);
                    if (zip != null) {
                        return zip;
                    }
                }
            }
        }
        return null;
    }
}
