package dev.vigil.daemon.runtime;

import dev.vigil.conf.SourcePosition;
import dev.vigil.conf.model.VigilConfig;
import dev.vigil.conf.model.VrrpInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Every interface a vrrp_instance names must exist in this network namespace. */
public final class InterfaceCheck implements ConfigCheck {
    private final Predicate<String> exists;

    /** A check using {@code exists} to tell whether an interface is present. */
    public InterfaceCheck(Predicate<String> exists) {
        this.exists = Objects.requireNonNull(exists, "exists");
    }

    /**
     * A check reading {@code /sys/class/net}, which shows the interfaces of the namespace sysfs was
     * mounted in (the process's own, under {@code ip netns exec}).
     */
    public static InterfaceCheck sysfs() {
        return new InterfaceCheck(name -> !name.contains("/") && Files.exists(Path.of("/sys/class/net", name)));
    }

    @Override
    public List<String> problems(VigilConfig config) {
        List<String> problems = new ArrayList<>();
        for (VrrpInstance vi : config.vrrpInstance()) {
            String name = vi.interfaceName();
            if (name != null && !exists.test(name)) {
                problems.add("vrrp_instance " + vi.name() + " (" + where(vi.position()) + "): interface "
                        + name + " does not exist");
            }
        }
        return problems;
    }

    private static String where(SourcePosition p) {
        return p == null ? "?" : p.file() + ":" + p.line();
    }
}
