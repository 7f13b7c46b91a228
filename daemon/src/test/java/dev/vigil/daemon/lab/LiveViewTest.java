package dev.vigil.daemon.lab;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live view's text. */
class LiveViewTest {
    @Test
    void namesTheVipHolderAndEachBackend() {
        LiveView.Frame f = new LiveView.Frame("12:00:00",
                List.of(new LiveView.Lb("lb1", "killed (kill -9, link cut)", "-", "", false),
                        new LiveView.Lb("lb2", "vigil pid 42", "MASTER", "priority 100 (eff. 100)", true)),
                List.of(new LiveView.Backend("web1", "192.0.2.11", false, false, "down"),
                        new LiveView.Backend("web2", "192.0.2.12", true, true, "up")),
                "pings to 192.0.2.50 every 5 ms: 99.0% answered over the last 3 s", null, List.of("12:00:00 k: lb1 killed"));
        String text = LiveView.render(f);
        assertThat(text).startsWith("vigil lab  12:00:00   keys: k kill master")
                .contains("master: lb2   VIP 192.0.2.50\n")
                .containsPattern("lb2\\s+vigil pid 42\\s+MASTER\\s+priority 100 \\(eff. 100\\)\\s+holds the VIP")
                .containsPattern("web1\\s+192.0.2.11\\s+killed\\s+lab GET: DOWN\\s+vigil checker: down")
                .contains("client: pings to 192.0.2.50")
                .contains("events:\n  12:00:00 k: lb1 killed\n");
    }

    @Test
    void twoHoldersAreCalledOut() {
        LiveView.Frame f = new LiveView.Frame("12:00:00",
                List.of(new LiveView.Lb("lb1", "x", "MASTER", "", true), new LiveView.Lb("lb2", "y", "MASTER", "", true)),
                List.of(), "-", "no IPVS", List.of());
        assertThat(LiveView.render(f)).contains("master: lb1+lb2 (both hold the VIP!)").contains("(no IPVS)");
    }
}
