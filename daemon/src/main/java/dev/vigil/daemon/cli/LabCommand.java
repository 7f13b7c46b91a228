package dev.vigil.daemon.cli;

import dev.vigil.daemon.lab.KeepalivedProcess;
import dev.vigil.daemon.lab.KeyInput;
import dev.vigil.daemon.lab.LiveLab;
import dev.vigil.daemon.lab.LabCleanup;
import dev.vigil.daemon.lab.LabScenario;
import dev.vigil.daemon.lab.NetLab;
import dev.vigil.kernel.ipvs.NetlinkIpvs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code vigil lab}: Vigil's job, for real, in network namespaces on this machine, then cleaned up. */
@Command(name = "lab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Build a small network in namespaces (vigil-lab-*): two load balancers running Vigil in a VRRP pair,",
                "web backends and a client. On a terminal the lab is interactive: a live view (master, VIP, backend",
                "health, client success rate) refreshed every second, and keys: k kills the master, r restarts it,",
                "1 2 3 kill or revive a backend, q quits. With --script (or when standard input is not a terminal)",
                "it runs a scripted scenario instead: one master, kill -9 while the client pings the VIP every 5 ms,",
                "restart (preemption), a reload with no change, then a summary of what was measured.",
                "Everything is removed at the end, also on Ctrl-C or SIGTERM. Needs root and iproute2."})
public final class LabCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--keep", description = "Leave the lab running at the end, and print how to explore and clean it.")
    boolean keep;

    @Option(names = "--peer", paramLabel = "vigil|keepalived",
            description = "What runs on lb2: vigil (default) or keepalived (2.2.7); with keepalived both nodes read "
                    + "keepalived.conf.")
    String peer = "vigil";

    @Option(names = "--script", description = "Run the scripted scenario, not the interactive lab.")
    boolean script;

    @Option(names = "--interactive",
            description = "Run the interactive lab even when standard input is not a terminal (keys are read as they come).")
    boolean interactive;

    @Option(names = "--clean", description = "Stop and remove every lab left running (by --keep), then exit.")
    boolean clean;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> cause = NetLab.unavailabilityCause();
        if (cause.isPresent()) {
            return fail("cannot build the lab: " + cause.get());
        }
        if (clean) {
            List<String> gone = LabCleanup.all(LabScenario.BASE);
            out.println(gone.isEmpty() ? "vigil lab: nothing to clean" : "vigil lab: removed " + String.join(", ", gone));
            out.flush();
            return 0;
        }
        if (!peer.equals("vigil") && !peer.equals("keepalived")) {
            return fail("--peer must be vigil or keepalived, not " + peer);
        }
        boolean keepalived = peer.equals("keepalived");
        if (keepalived && !KeepalivedProcess.installed()) {
            return fail("--peer keepalived: keepalived is not installed (apt-get install keepalived)");
        }
        LabCleanup.stale(LabScenario.BASE);
        boolean terminal = System.console() != null;
        if (interactive || (terminal && !script && !keep && !keepalived)) {
            if (script || keep || keepalived) {
                return fail("--script, --keep and --peer keepalived belong to the scripted scenario, not --interactive");
            }
            return live(out, terminal);
        }
        return run(out, keepalived);
    }

    private int live(PrintWriter out, boolean terminal) {
        Optional<String> ipvsCause = Optional.ofNullable(NetlinkIpvs.unavailabilityCause())
                .map(t -> t.getMessage() == null ? t.toString() : t.getMessage());
        NetLab lab = NetLab.create(LabScenario.BASE);
        KeyInput keys = KeyInput.terminal(terminal);
        Thread hook = new Thread(() -> {
            keys.close();
            lab.close();
        }, "vigil-lab-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (terminal && !keys.immediate()) {
                out.println("(the terminal could not be switched to single keys: press Enter after each key)");
            }
            new LiveLab(lab, out, keys, terminal, ipvsCause).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            keys.close();
            lab.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                return 130; // Ctrl-C or SIGTERM: the hook is cleaning up
            }
        }
        out.println("lab removed (namespaces, daemons, files)");
        out.flush();
        return 0;
    }

    private int run(PrintWriter out, boolean keepalived) {
        Throwable noIpvs = NetlinkIpvs.unavailabilityCause();
        Optional<String> ipvsCause = Optional.ofNullable(noIpvs).map(t -> t.getMessage() == null ? t.toString() : t.getMessage());
        NetLab lab = NetLab.create(LabScenario.BASE);
        Thread hook = new Thread(lab::close, "vigil-lab-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        LabScenario scenario = new LabScenario(lab, out, keepalived, ipvsCause);
        boolean done = false;
        try {
            out.println("vigil lab: VRRP failover between lb1 (vigil) and lb2 (" + peer + ") in network namespaces");
            scenario.run();
            done = true;
        } finally {
            if (!(done && keep)) {
                lab.close();
            }
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        out.println();
        out.println("summary");
        out.print(scenario.summary().render());
        out.println(keep ? kept(lab, scenario) : "lab removed (namespaces, daemons, files)");
        out.flush();
        return 0;
    }

    private static String kept(NetLab lab, LabScenario scenario) {
        StringBuilder b = new StringBuilder("lab kept running; explore it with:\n");
        for (String node : List.of("lb1", "lb2")) {
            scenario.controlSocket(node).ifPresent(s -> b.append("  vigil status --control-socket ").append(s).append('\n'));
        }
        return b + String.join("\n",
                "  ip netns exec " + lab.node("lb1").ns() + " ip addr show eth0",
                "  ip netns exec " + lab.node("client").ns() + " ping " + dev.vigil.daemon.lab.LabConfigs.VIP,
                "  less " + lab.dir() + "/*.log",
                "remove it with:",
                "  vigil lab --clean");
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("vigil lab: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
