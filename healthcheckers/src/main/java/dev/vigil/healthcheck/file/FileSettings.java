package dev.vigil.healthcheck.file;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One FILE_CHECK section.
 *
 * @param file    the file to read ({@code file}, or {@code track_file} when it is a path)
 * @param weight  the multiplier of the value read; 0 makes the value a status (0 up, else down)
 * @param reverse negate the product ({@code weight N reverse})
 */
public record FileSettings(Path file, long weight, boolean reverse) {
    public FileSettings {
        Objects.requireNonNull(file, "file");
    }
}
