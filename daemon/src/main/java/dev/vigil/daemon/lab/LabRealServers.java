package dev.vigil.daemon.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The LVS half of {@code vigil lab}: two real servers for LVS-DR (the VIP on their loopback, ARP
 * for it neither answered nor announced) running {@link LabHttpServer}, and a client that fetches
 * the VIP's page with bash's {@code /dev/tcp} (no curl needed).
 */
public final class LabRealServers {
    private final NetLab lab;
    private final List<String> names = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();

    private LabRealServers(NetLab lab) {
        this.lab = Objects.requireNonNull(lab, "lab");
    }

    /** Adds real servers {@code rs1} and {@code rs2} to {@code lab} and starts their web servers. */
    public static LabRealServers start(NetLab lab) {
        LabRealServers rs = new LabRealServers(lab);
        rs.add("rs1", LabConfigs.SUBNET + "11");
        rs.add("rs2", LabConfigs.SUBNET + "12");
        return rs;
    }

    private void add(String name, String address) {
        String ns = lab.addNode(name, address + "/24", null).ns();
        lab.exec(ns, "sysctl", "-qw", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2",
                "net.ipv4.conf.eth0.arp_ignore=1", "net.ipv4.conf.eth0.arp_announce=2");
        lab.exec(ns, "ip", "addr", "add", LabConfigs.VIP + "/32", "dev", "lo");
        List<String> cmd = NetLab.inNs(ns, VigilProcess.javaMain(LabHttpServer.class.getName(),
                Integer.toString(LabConfigs.HTTP_PORT), name).toArray(String[]::new));
        LabProcess web = lab.own(new LabProcess("web " + name, cmd, lab.dir().resolve(name + ".web.log")));
        Wait.until("web server on " + name + " (log " + web.logFile() + ")", java.time.Duration.ofSeconds(60),
                () -> web.log().contains("serving"));
        names.add(name);
        addresses.add(address);
    }

    /** The real servers' addresses. */
    public List<String> addresses() {
        return List.copyOf(addresses);
    }

    /** The real server names that answered {@code n} fetches of {@code http://VIP/} from {@code client}, in order. */
    public List<String> fetch(String client, int n) {
        String script = "exec 3<>/dev/tcp/" + LabConfigs.VIP + "/" + LabConfigs.HTTP_PORT
                + " && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && timeout 5 cat <&3";
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ExecResult r = lab.run(lab.node(client).ns(), "timeout", "5", "bash", "-c", script);
            List<String> lines = r.out().lines().toList();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
            answers.add(r.ok() && names.contains(last) ? last : "no answer");
        }
        return answers;
    }
}
