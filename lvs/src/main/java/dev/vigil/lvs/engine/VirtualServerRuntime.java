package dev.vigil.lvs.engine;

import dev.vigil.kernel.ipvs.Service;
import dev.vigil.lvs.check.CheckRunner;
import dev.vigil.lvs.check.RealServerChecks;
import dev.vigil.lvs.reconcile.DesiredTable;
import dev.vigil.lvs.vs.RealServerSpec;
import dev.vigil.lvs.vs.VirtualServerState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One running virtual server: its {@link VirtualServerState}, the checks of each real server and
 * the scripts and events their transitions cause. Confined to the loop.
 */
final class VirtualServerRuntime implements AutoCloseable {
    private final VirtualServerPlan plan;
    private final VirtualServerState state;
    private final List<RealServerChecks> checks = new ArrayList<>();
    private final ScriptLauncher scripts;
    private final LvsEvents events;
    private final Runnable changed;
    private boolean suspended;

    VirtualServerRuntime(VirtualServerPlan plan, RealServerChecks.RunnerFactory runners, ScriptLauncher scripts,
                         LvsEvents events, Runnable changed) {
        this.plan = plan;
        this.state = new VirtualServerState(plan.spec());
        this.scripts = scripts;
        this.events = events;
        this.changed = changed;
        for (int i = 0; i < plan.realServers().size(); i++) {
            int index = i;
            checks.add(new RealServerChecks(plan.realServers().get(i).checks(), !plan.spec().alpha(), runners,
                    (up, weight, reason) -> health(index, up, weight, reason)));
        }
    }

    VirtualServerPlan plan() {
        return plan;
    }

    void start() {
        checks.forEach(RealServerChecks::start);
    }

    /** ha_suspend: checks stop while none of the addresses is here, and resume when one is. */
    void addressesPresent(boolean present) {
        if (!plan.haSuspend() || plan.addresses().isEmpty() || suspended == !present) {
            return;
        }
        suspended = !present;
        checks.forEach(present ? RealServerChecks::resume : RealServerChecks::suspend);
    }

    private void health(int index, boolean up, OptionalInt weight, String reason) {
        for (VirtualServerState.Change c : state.realServerHealth(index, up, weight, reason)) {
            if (c instanceof VirtualServerState.Change.RealServer rs) {
                RealServerPlan p = plan.realServers().get(index);
                launch(rs.up() ? p.notifyUp() : p.notifyDown());
                events.realServer(plan.name(), rs.realServer(), rs.up(), rs.reason());
            } else if (c instanceof VirtualServerState.Change.Quorum q) {
                launch(q.up() ? plan.quorumUp() : plan.quorumDown());
                events.quorum(plan.name(), q.up(), q.liveWeight());
            }
        }
        changed.run();
    }

    private void launch(String commandLine) {
        if (commandLine != null && !commandLine.isBlank()) {
            scripts.launch(commandLine);
        }
    }

    /** The entries of every service of this virtual server. */
    List<DesiredTable.Entry> desired() {
        DesiredTable.Entry first = state.desired();
        List<DesiredTable.Entry> all = new ArrayList<>(List.of(first));
        for (Service s : plan.services().subList(1, plan.services().size())) {
            all.add(new DesiredTable.Entry(s, first.destinations()));
        }
        return all;
    }

    /** omega: the down scripts for what is up now, as if everything went down. */
    void omegaScripts() {
        if (!plan.omega()) {
            return;
        }
        for (int i = 0; i < plan.realServers().size(); i++) {
            if (state.isUp(i)) {
                launch(plan.realServers().get(i).notifyDown());
            }
        }
        if (state.quorumUp()) {
            launch(plan.quorumDown());
        }
    }

    Map<String, Object> row() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("virtual_server", plan.name());
        m.put("services", plan.services().stream().map(s -> s.key().describe()).toList());
        m.put("scheduler", plan.spec().service().scheduler());
        m.put("quorum", state.quorumUp() ? "up" : "down");
        m.put("live_weight", state.liveWeight());
        m.put("real_servers", plan.spec().realServers().size());
        m.put("suspended", suspended);
        return m;
    }

    List<Map<String, Object>> realServerRows() {
        List<dev.vigil.kernel.ipvs.Destination> inTable = state.desired().destinations();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < plan.spec().realServers().size(); i++) {
            RealServerSpec rs = plan.spec().realServers().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("virtual_server", plan.name());
            m.put("real_server", rs.name());
            m.put("state", state.isUp(i) ? "up" : "down");
            m.put("weight_configured", rs.destination().weight());
            var wanted = inTable.stream().filter(d -> d.address().equals(rs.destination().address())
                    && d.port() == rs.destination().port()).findFirst();
            m.put("weight", wanted.map(d -> (Object) d.weight()).orElse(null));
            m.put("in_ipvs", wanted.isPresent());
            List<String> checkText = new ArrayList<>();
            long faults = 0;
            for (CheckRunner r : checks.get(i).runners()) {
                checkText.add(r.plan().type() + "=" + (r.up() ? "up" : "down") + " (" + r.lastMessage() + ")");
                faults += r.counters().pluginFaults();
            }
            m.put("checks", checkText);
            m.put("checker_faults", faults);
            rows.add(m);
        }
        return rows;
    }

    /** Every checker of every real server. */
    List<CheckStatus> checkStatuses() {
        List<CheckStatus> all = new ArrayList<>();
        for (int i = 0; i < plan.spec().realServers().size(); i++) {
            String rs = plan.spec().realServers().get(i).name();
            for (CheckRunner r : checks.get(i).runners()) {
                all.add(new CheckStatus(plan.name(), rs, r.plan().type(), r.up(), r.counters(), r.latency()));
            }
        }
        return all;
    }

    @Override
    public void close() {
        checks.forEach(RealServerChecks::close);
    }
}
