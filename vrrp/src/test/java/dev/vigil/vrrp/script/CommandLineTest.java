package dev.vigil.vrrp.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void splitsOnBlanks() {
        assertThat(CommandLine.split("  /usr/bin/check   -a\tb\n c ")).containsExactly("/usr/bin/check", "-a", "b", "c");
        assertThat(CommandLine.split("   ")).isEmpty();
    }

    @Test
    void quotesKeepBlanksAndJoinWithNeighbours() {
        assertThat(CommandLine.split("'/tmp/a b' \"x y\" pre'mid'post \"\" ''"))
                .containsExactly("/tmp/a b", "x y", "premidpost", "", "");
    }

    @Test
    void singleQuotesAreLiteralDoubleQuotesEscapeSome() {
        assertThat(CommandLine.split("'a\\b' \"c\\\"d\\\\e\\n$HOME\"")).containsExactly("a\\b", "c\"d\\e\\n$HOME");
    }

    @Test
    void backslashOutsideQuotesEscapesAnyCharacter() {
        assertThat(CommandLine.split("a\\ b c\\'d \\\"")).containsExactly("a b", "c'd", "\"");
    }

    @Test
    void rejectsUnterminatedQuotesAndTrailingBackslash() {
        assertThatThrownBy(() -> CommandLine.split("echo 'x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandLine.split("echo \"x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandLine.split("echo x\\")).isInstanceOf(IllegalArgumentException.class);
    }
}
