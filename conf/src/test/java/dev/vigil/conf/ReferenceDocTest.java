package dev.vigil.conf;

import dev.vigil.conf.bind.SchemaReference;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md lists every key the model reads (regenerate with -Dvigil.writeDocs=true). */
class ReferenceDocTest {
    private static final String MARK = "<!-- generated reference: do not edit below -->\n";

    @Test
    void referenceIsUpToDate() throws IOException {
        Path doc = Path.of("../docs/configuration.md");
        String text = Files.readString(doc);
        String expected = text.substring(0, text.indexOf(MARK) + MARK.length()) + "\n" + SchemaReference.markdown();
        if (Boolean.getBoolean("vigil.writeDocs")) {
            Files.writeString(doc, expected);
        }
        assertThat(Files.readString(doc)).isEqualTo(expected);
    }
}
