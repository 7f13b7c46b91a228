package dev.vigil.daemon.runtime;

import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.model.NotifyScripts;
import dev.vigil.conf.model.RealServer;
import dev.vigil.conf.model.Section;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VirtualServer;
import dev.vigil.conf.model.VrrpInstance;
import dev.vigil.conf.model.VrrpScript;
import dev.vigil.conf.model.VrrpSyncGroup;
import dev.vigil.conf.tree.ScalarNode;
import dev.vigil.vrrp.script.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * keepalived's {@code enable_script_security}: when it is set and Vigil runs as root, every script
 * that would run as root ({@code vrrp_script}, the {@code notify*} scripts of instances and sync
 * groups, {@code notify_up} / {@code notify_down}, {@code quorum_up} / {@code quorum_down},
 * {@code MISC_CHECK}, {@code script} notifiers) must exist and be safe: the file and every
 * directory above it (symbolic links resolved) owned by root, not writable by a group other than
 * root's, and not writable by others (a world-writable directory only with the sticky bit, like
 * {@code /tmp}). A script run as another user ({@code script_user}, {@code user}) is not checked,
 * as in keepalived. An unsafe script is an error at start and reload (keepalived disables it
 * instead, silently for the operator).
 */
public final class ScriptSecurity implements ConfigCheck {
    /** Owner, group and permission bits of a path (following links); empty when it does not exist. */
    @FunctionalInterface
    public interface Stat {
        Optional<Attrs> of(Path p) throws IOException;
    }

    public record Attrs(int uid, int gid, int mode, boolean directory) {
    }

    private static final int S_IWGRP = 0020;
    private static final int S_IWOTH = 0002;
    private static final int S_ISVTX = 01000;

    private final boolean root;
    private final Stat stat;
    private final List<Path> searchPath;

    public ScriptSecurity(boolean root, Stat stat, List<Path> searchPath) {
        this.root = root;
        this.stat = stat;
        this.searchPath = List.copyOf(searchPath);
    }

    /** The real file system, for this process (root when its user name is root). */
    public static ScriptSecurity system() {
        List<Path> path = new ArrayList<>();
        for (String p : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (!p.isBlank()) {
                path.add(Path.of(p));
            }
        }
        return new ScriptSecurity("root".equals(System.getProperty("user.name")), ScriptSecurity::unixStat, path);
    }

    private static Optional<Attrs> unixStat(Path p) throws IOException {
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        return Optional.of(new Attrs((Integer) Files.getAttribute(p, "unix:uid"), (Integer) Files.getAttribute(p, "unix:gid"),
                (Integer) Files.getAttribute(p, "unix:mode"), Files.isDirectory(p)));
    }

    /** A script as configured: what names it, its command line and the user it runs as (null: the daemon's). */
    private record Script(String what, SourcePosition where, String commandLine, String user) {
    }

    @Override
    public List<String> problems(VigilConfig config) {
        if (!config.globalDefs().enableScriptSecurity() || !root) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Script s : scripts(config)) {
            if (runsAsRoot(s.user())) {
                check(s).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static boolean runsAsRoot(String user) {
        if (user == null || user.isBlank()) {
            return true;
        }
        String name = CommandLine.split(user).get(0);
        return name.equals("root") || name.equals("0");
    }

    private Optional<String> check(Script s) {
        List<String> argv = CommandLine.split(s.commandLine());
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        String prefix = s.what() + " (" + where(s.where()) + "): script " + argv.get(0);
        try {
            Optional<Path> file = locate(argv.get(0));
            if (file.isEmpty()) {
                return Optional.of(prefix + " not found (enable_script_security)");
            }
            Path real = file.get().toRealPath();
            for (Path p = real; p != null; p = p.getParent()) {
                Optional<Attrs> a = stat.of(p);
                if (a.isEmpty()) {
                    return Optional.of(prefix + " not found (enable_script_security)");
                }
                Optional<String> why = unsafe(p, a.get());
                if (why.isPresent()) {
                    return Optional.of(prefix + " is not secure: " + why.get()
                            + " (enable_script_security refuses scripts run as root that a non-root user could change)");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(prefix + " cannot be checked: " + e);
        }
    }

    private static Optional<String> unsafe(Path p, Attrs a) {
        if (a.uid() != 0) {
            return Optional.of(p + " is owned by uid " + a.uid());
        }
        if ((a.mode() & S_IWGRP) != 0 && a.gid() != 0) {
            return Optional.of(p + " is writable by group " + a.gid());
        }
        if ((a.mode() & S_IWOTH) != 0 && !(a.directory() && (a.mode() & S_ISVTX) != 0)) {
            return Optional.of(p + " is writable by everyone");
        }
        return Optional.empty();
    }

    private Optional<Path> locate(String command) throws IOException {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && Files.exists(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : searchPath) {
            Path p = dir.resolve(command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<Script> scripts(VigilConfig config) {
        String dflt = config.globalDefs().scriptUser();
        List<Script> out = new ArrayList<>();
        for (VrrpScript s : config.vrrpScript()) {
            out.add(new Script("vrrp_script " + s.name(), s.position(), s.script(), s.user() != null ? s.user() : dflt));
        }
        for (VrrpInstance i : config.vrrpInstance()) {
            notify(out, "vrrp_instance " + i.name(), i.notifyScripts(), i.position(), dflt);
        }
        for (VrrpSyncGroup g : config.vrrpSyncGroup()) {
            notify(out, "vrrp_sync_group " + g.name(), g.notifyScripts(), g.position(), dflt);
        }
        for (VirtualServer vs : config.virtualServer()) {
            String name = "virtual_server " + dev.vigil.daemon.lvs.CheckerLabels.virtualServer(vs);
            add(out, name + " quorum_up", vs.position(), vs.quorumUp(), dflt);
            add(out, name + " quorum_down", vs.position(), vs.quorumDown(), dflt);
            for (RealServer rs : vs.realServer()) {
                String rname = name + " real_server " + rs.ip().text();
                add(out, rname + " notify_up", rs.position(), rs.notifyUp(), dflt);
                add(out, rname + " notify_down", rs.position(), rs.notifyDown(), dflt);
                for (Section c : rs.checkers()) {
                    if (c.type().equals("MISC_CHECK")) {
                        add(out, rname + " MISC_CHECK", c.position(), text(c, "misc_path"), text(c, "user").orElse(dflt));
                    }
                }
            }
        }
        for (Section n : config.notifiers()) {
            if (n.type().equals("script")) {
                add(out, "notifier script", n.position(), text(n, "command"), text(n, "user").orElse(dflt));
            }
        }
        return out;
    }

    private static void notify(List<Script> out, String what, NotifyScripts n, SourcePosition p, String user) {
        SourcePosition where = n.position() != null ? n.position() : p;
        add(out, what + " notify_master", where, n.notifyMaster(), user);
        add(out, what + " notify_backup", where, n.notifyBackup(), user);
        add(out, what + " notify_fault", where, n.notifyFault(), user);
        add(out, what + " notify_stop", where, n.notifyStop(), user);
        add(out, what + " notify", where, n.notifyAny(), user);
        add(out, what + " notify_master_rx_lower_pri", where, n.notifyMasterRxLowerPri(), user);
    }

    private static void add(List<Script> out, String what, SourcePosition p, String commandLine, String user) {
        if (commandLine != null && !commandLine.isBlank()) {
            out.add(new Script(what, p, commandLine, user));
        }
    }

    private static void add(List<Script> out, String what, SourcePosition p, Optional<String> commandLine, String user) {
        commandLine.ifPresent(c -> add(out, what, p, c, user));
    }

    private static Optional<String> text(Section s, String key) {
        return s.params().get(key).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).value().trim());
    }

    private static String where(SourcePosition p) {
        return p == null ? "?" : p.file() + ":" + p.line();
    }
}
