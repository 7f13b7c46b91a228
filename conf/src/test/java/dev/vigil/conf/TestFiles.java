package dev.vigil.conf;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test resources as paths. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource " + name, e);
        }
    }
}
