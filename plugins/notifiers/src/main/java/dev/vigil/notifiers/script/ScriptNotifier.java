package dev.vigil.notifiers.script;

import dev.vigil.notifiers.KeepalivedText;
import dev.vigil.plugin.notify.Event;
import dev.vigil.plugin.notify.Notifier;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command once per event with keepalived's arguments appended ({@code INSTANCE VI_1 MASTER
 * 150}; {@code RS REAL VIRTUAL UP|DOWN}; {@code VS VIRTUAL UP|DOWN}) and waits for it, so runs
 * follow the events' order. A run past the timeout is killed with its descendants; a non-zero exit
 * or a kill fails the delivery (the host counts it). Output goes nowhere, input is empty.
 */
final class ScriptNotifier implements Notifier {
    private final ScriptSettings settings;
    private final boolean root;

    ScriptNotifier(ScriptSettings settings, boolean root) {
        this.settings = settings;
        this.root = root;
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void deliver(Event event) throws IOException, InterruptedException {
        if (!settings.events().accepts(event)) {
            return;
        }
        List<String> argv = new ArrayList<>(settings.command());
        argv.addAll(KeepalivedText.scriptArguments(event));
        Process p = new ProcessBuilder(command(argv)).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new IOException(argv + " killed after " + settings.timeout().toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        if (p.exitValue() != 0) {
            throw new IOException(argv + " exited with status " + p.exitValue());
        }
    }

    /** {@code argv}, through {@code runuser} when a user is set and this process is root. */
    List<String> command(List<String> argv) {
        String user = settings.user();
        if (user == null || user.isBlank() || !root) {
            return argv;
        }
        List<String> words = CommandWords.split(user);
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", words.get(0)));
        if (words.size() > 1) {
            cmd.addAll(List.of("-g", words.get(1)));
        }
        cmd.add("--");
        cmd.addAll(argv);
        return cmd;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
