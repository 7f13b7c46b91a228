package dev.vigil.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.daemon.Main;
import dev.vigil.daemon.control.ControlClient;
import dev.vigil.daemon.lab.LabAssumptions;
import dev.vigil.daemon.lab.LabProcess;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.daemon.lab.VigilProcess;
import dev.vigil.daemon.lab.Wait;
import dev.vigil.kernel.unix.UnixDatagramSocket;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code vigil run} as the systemd unit runs it: as an unprivileged user (nobody) holding only
 * CAP_NET_ADMIN and CAP_NET_RAW as ambient capabilities (setpriv), telling a service manager's
 * {@code $NOTIFY_SOCKET} (a real AF_UNIX datagram socket here) READY=1, RELOADING=1 and STOPPING=1.
 * It must become master and place its VIP; without the capabilities it must refuse to start with a
 * clear error.
 */
class ServiceIT {
    private static final String VIP = "10.83.0.50";
    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void runsAsNobodyWithTwoCapabilitiesAndNotifiesTheServiceManager() throws Exception {
        assumeSetpriv();
        try (NetLab lab = LabAssumptions.netLab("vsv")) {
            lab.addNode("a", "10.83.0.1/24", null);
            Path svc = serviceDir(lab);
            Path notifyPath = svc.resolve("notify.sock");
            List<String> messages = Collections.synchronizedList(new ArrayList<>());
            try (UnixDatagramSocket manager = UnixDatagramSocket.bind(notifyPath.toString())) {
                Files.setPosixFilePermissions(notifyPath, PosixFilePermissions.fromString("rw-rw-rw-"));
                Thread receiver = receive(manager, messages);
                List<String> cmd = new ArrayList<>(setpriv(true));
                cmd.addAll(List.of("env", "NOTIFY_SOCKET=" + notifyPath));
                cmd.addAll(java(lab, svc, "run", "-f", config(svc).toString(), "--pid-file", svc.resolve("a.pid").toString(),
                        "--control-socket", svc.resolve("a.sock").toString(), "--state-dir", svc.toString()));
                LabProcess vigil = LabProcess.start(lab, "a", "nonroot", cmd.toArray(String[]::new));

                Wait.until("READY=1 on the notify socket [" + vigil.logFile() + "]", START,
                        () -> List.copyOf(messages).stream().anyMatch(m -> m.startsWith("READY=1")));
                Wait.until("MASTER with " + VIP + " [" + vigil.logFile() + "]", START,
                        () -> state(svc.resolve("a.sock")).equals("MASTER") && holds(lab));
                String proc = Files.readString(Path.of("/proc", Long.toString(vigil.pid()), "status"));
                assertThat(line(proc, "Uid:")).as("the daemon's user ids").matches("Uid:\\s+65534\\s+65534\\s+65534\\s+65534");
                assertThat(Long.parseUnsignedLong(line(proc, "CapEff:").substring(7).strip(), 16))
                        .as("effective capabilities: CAP_NET_ADMIN and CAP_NET_RAW only").isEqualTo((1L << 12) | (1L << 13));
                Path record = svc.resolve("a.vips.json");
                Wait.until("the record of placed addresses, written by nobody, lists " + VIP, Duration.ofSeconds(10),
                        () -> Files.exists(record) && read(record).contains(VIP));

                int before = messages.size();
                Commands.kill("-HUP", vigil.pid());
                Wait.until("RELOADING=1 then READY=1 after SIGHUP", START, () -> {
                    List<String> all = List.copyOf(messages);
                    List<String> after = all.subList(before, all.size());
                    int reloading = indexOf(after, "RELOADING=1");
                    return reloading >= 0 && indexOf(after.subList(reloading, after.size()), "READY=1") >= 0;
                });

                vigil.terminate();
                assertThat(vigil.waitFor(Duration.ofSeconds(60))).as("exit status after SIGTERM [%s]", vigil.log()).isZero();
                Wait.until("STOPPING=1", Duration.ofSeconds(10), () -> List.copyOf(messages).stream().anyMatch(m -> m.startsWith("STOPPING=1")));
                assertThat(holds(lab)).as("VIP after stop").isFalse();
                System.out.println("sd_notify messages: " + List.copyOf(messages).stream().map(m -> m.replace('\n', ' ')).toList());
                receiver.interrupt();
            }
        }
    }

    @Test
    void withoutTheCapabilitiesItRefusesToStartAndSaysWhy() throws IOException {
        assumeSetpriv();
        try (NetLab lab = LabAssumptions.netLab("vsn")) {
            lab.addNode("a", "10.84.0.1/24", null);
            Path svc = serviceDir(lab);
            List<String> cmd = new ArrayList<>(setpriv(false));
            cmd.addAll(java(lab, svc, "run", "-f", config(svc).toString(), "--pid-file", svc.resolve("a.pid").toString(),
                    "--control-socket", svc.resolve("a.sock").toString()));
            LabProcess vigil = LabProcess.start(lab, "a", "nocaps", cmd.toArray(String[]::new));
            assertThat(vigil.waitFor(START)).as("exit status [%s]", vigil.log()).isEqualTo(1);
            assertThat(vigil.log()).contains("vigil run: missing CAP_NET_ADMIN and CAP_NET_RAW");
            assertThat(svc.resolve("a.pid")).doesNotExist();
        }
    }

    private static void assumeSetpriv() {
        assumeTrue(new File("/usr/bin/setpriv").canExecute(), "skipped: setpriv (util-linux) is not installed");
    }

    private static List<String> setpriv(boolean caps) {
        List<String> c = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        if (caps) {
            c.addAll(List.of("--inh-caps=+net_admin,+net_raw", "--ambient-caps=+net_admin,+net_raw"));
        }
        return c;
    }

    /** A directory nobody may write (pid file, control socket, state), in a lab directory nobody may enter. */
    private static Path serviceDir(NetLab lab) throws IOException {
        Files.setPosixFilePermissions(lab.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path svc = Files.createDirectory(lab.dir().resolve("svc"));
        Files.setPosixFilePermissions(svc, PosixFilePermissions.fromString("rwxrwxrwx"));
        return svc;
    }

    private static Path config(Path svc) throws IOException {
        Path conf = svc.resolve("vigil.yaml");
        Files.writeString(conf, """
                vrrp_instance:
                  VI_1:
                    interface: eth0
                    virtual_router_id: 71
                    version: 3
                    advert_int: 0.5
                    priority: 100
                    virtual_ipaddress:
                      - %s/24
                """.formatted(VIP));
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
        return conf;
    }

    /**
     * The java command of {@link VigilProcess#javaMain} with its class path copied where nobody can
     * read it (the build's own class path may be under root's home, mode 0700).
     */
    private static List<String> java(NetLab lab, Path svc, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(VigilProcess.javaMain(Main.class.getName(), args));
        int cp = cmd.indexOf("-cp") + 1;
        Path dir = Files.createDirectories(lab.dir().resolve("cp"));
        List<String> copied = new ArrayList<>();
        int n = 0;
        for (String entry : cmd.get(cp).split(File.pathSeparator)) {
            Path src = Path.of(entry);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = dir.resolve(String.format("%03d-%s", n++, src.getFileName()));
            copyTree(src, dst);
            copied.add(dst.toString());
        }
        try (Stream<Path> all = Files.walk(lab.dir().resolve("cp"))) {
            all.forEach(p -> p.toFile().setReadable(true, false));
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            dirs.filter(Files::isDirectory).forEach(p -> p.toFile().setExecutable(true, false));
        }
        cmd.set(cp, String.join(File.pathSeparator, copied));
        return cmd;
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        if (!Files.isDirectory(src)) {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Thread receive(UnixDatagramSocket socket, List<String> into) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    byte[] b = socket.receive(200);
                    if (b != null) {
                        into.add(new String(b, StandardCharsets.UTF_8));
                    }
                } catch (RuntimeException e) {
                    return;
                }
            }
        }, "notify-receiver");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static int indexOf(List<String> messages, String prefix) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    private static boolean holds(NetLab lab) {
        return lab.addresses(lab.node("a").ns(), "eth0").stream().anyMatch(a -> a.startsWith(VIP + "/"));
    }

    @SuppressWarnings("unchecked")
    private static String state(Path socket) {
        try {
            Map<String, Object> reply = new ControlClient(socket).call("status");
            Object status = reply.getOrDefault("status", reply);
            Map<String, Object> subs = (Map<String, Object>) ((Map<String, Object>) status).get("subsystems");
            List<Map<String, Object>> instances = (List<Map<String, Object>>) ((Map<String, Object>) subs.get("vrrp")).get("instances");
            return instances.isEmpty() ? "" : String.valueOf(instances.get(0).get("state"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@code kill SIGNAL PID} for a process this test started. */
    private static final class Commands {
        static void kill(String signal, long pid) {
            try {
                Process p = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("kill " + signal + " " + pid + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
