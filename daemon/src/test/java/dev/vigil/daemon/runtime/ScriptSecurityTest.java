package dev.vigil.daemon.runtime;

import dev.vigil.conf.ConfigLoader;
import dev.vigil.conf.model.VigilConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** enable_script_security over real paths, with owners and modes from a fake stat. */
class ScriptSecurityTest {
    @TempDir
    Path dir;

    private final Map<Path, ScriptSecurity.Attrs> attrs = new HashMap<>();

    private ScriptSecurity check(boolean root) throws Exception {
        return new ScriptSecurity(root, p -> Optional.of(attrs.getOrDefault(p, new ScriptSecurity.Attrs(0, 0, 0755,
                Files.isDirectory(p)))), List.of(dir.toRealPath()));
    }

    private Path script(String name) throws Exception {
        Path s = dir.resolve(name);
        Files.writeString(s, "#!/bin/sh\n");
        s.toFile().setExecutable(true);
        return s.toRealPath();
    }

    private VigilConfig keepalived(String text) throws Exception {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        return ConfigLoader.builtin().load(f, null).orThrow();
    }

    private String conf(boolean security, String notify, String scriptUser) {
        return "global_defs {\n" + (security ? "    enable_script_security\n" : "")
                + (scriptUser == null ? "" : "    script_user " + scriptUser + "\n") + "}\n"
                + "vrrp_script chk {\n    script \"" + dir.resolve("chk.sh") + " --quick\"\n}\n"
                + "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n"
                + "    virtual_ipaddress {\n        10.0.0.100/24\n    }\n    notify_master \"" + notify + " master\"\n}\n"
                + "virtual_server 10.0.0.1 80 {\n    real_server 192.168.1.2 80 {\n"
                + "        MISC_CHECK {\n            misc_path \"" + dir.resolve("misc.sh") + " 192.168.1.2\"\n        }\n"
                + "    }\n}\n";
    }

    @Test
    void safeScriptsPass() throws Exception {
        script("chk.sh");
        script("misc.sh");
        Path n = script("notify.sh");
        assertThat(check(true).problems(keepalived(conf(true, n.toString(), null)))).isEmpty();
    }

    @Test
    void aScriptOrADirectoryANonRootUserCouldChangeIsRefusedWithKeepalivedsRules() throws Exception {
        script("chk.sh");
        script("misc.sh");
        Path n = script("notify.sh");
        attrs.put(n, new ScriptSecurity.Attrs(1000, 1000, 0755, false));
        attrs.put(dir.resolve("misc.sh").toRealPath(), new ScriptSecurity.Attrs(0, 50, 0775, false));
        attrs.put(dir.toRealPath(), new ScriptSecurity.Attrs(0, 0, 0777, true));
        List<String> problems = check(true).problems(keepalived(conf(true, n.toString(), null)));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("vrrp_script chk (").contains("keepalived.conf:")
                .contains(dir.toRealPath() + " is writable by everyone");
        assertThat(problems.get(1)).startsWith("vrrp_instance VI_1 notify_master")
                .contains(n + " is owned by uid 1000", "enable_script_security");
        assertThat(problems.get(2)).contains("MISC_CHECK", dir.resolve("misc.sh").toRealPath() + " is writable by group 50");
    }

    @Test
    void aStickyWorldWritableDirectoryLikeTmpIsAccepted() throws Exception {
        script("chk.sh");
        script("misc.sh");
        Path n = script("notify.sh");
        attrs.put(dir.toRealPath(), new ScriptSecurity.Attrs(0, 0, 01777, true));
        assertThat(check(true).problems(keepalived(conf(true, n.toString(), null)))).isEmpty();
    }

    @Test
    void aMissingScriptIsNamedAndAScriptFoundOnThePathIsChecked() throws Exception {
        script("chk.sh");
        script("misc.sh");
        Path n = script("notify.sh");
        attrs.put(n, new ScriptSecurity.Attrs(1000, 1000, 0755, false));
        List<String> problems = check(true).problems(keepalived(conf(true, "notify.sh", null)
                .replace(dir.resolve("chk.sh").toString(), "/nonexistent/chk.sh")));
        assertThat(problems).containsExactly(
                problems.get(0).substring(0, problems.get(0).indexOf("/nonexistent")) + "/nonexistent/chk.sh not found (enable_script_security)",
                problems.get(1));
        assertThat(problems.get(1)).contains("notify.sh is not secure: " + n + " is owned by uid 1000");
    }

    @Test
    void nothingIsCheckedWithoutTheOptionOrWhenNotRootOrForScriptsRunAsAnotherUser() throws Exception {
        Path n = script("notify.sh");
        attrs.put(n, new ScriptSecurity.Attrs(1000, 1000, 0777, false));
        assertThat(check(true).problems(keepalived(conf(false, n.toString(), null)))).isEmpty();
        assertThat(check(false).problems(keepalived(conf(true, n.toString(), null)))).isEmpty();
        assertThat(check(true).problems(keepalived(conf(true, n.toString(), "nobody nogroup")))).isEmpty();
    }
}
