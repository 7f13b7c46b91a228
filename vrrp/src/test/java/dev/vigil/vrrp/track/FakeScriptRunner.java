package dev.vigil.vrrp.track;

import dev.vigil.vrrp.script.ScriptResult;
import dev.vigil.vrrp.script.ScriptRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link ScriptRunner} whose runs end when the test says so. */
final class FakeScriptRunner implements ScriptRunner {
    record Call(List<String> argv, Duration timeout, String user, CompletableFuture<ScriptResult> result) {
    }

    final List<Call> calls = new ArrayList<>();

    @Override
    public CompletableFuture<ScriptResult> run(List<String> argv, Duration timeout, String user) {
        Call c = new Call(argv, timeout, user, new CompletableFuture<>());
        calls.add(c);
        return c.result();
    }

    /** Ends the oldest run still going with {@code result}. */
    void finish(ScriptResult result) {
        calls.stream().filter(c -> !c.result().isDone()).findFirst()
                .orElseThrow(() -> new AssertionError("no run in progress")).result().complete(result);
    }

    long pending() {
        return calls.stream().filter(c -> !c.result().isDone()).count();
    }
}
