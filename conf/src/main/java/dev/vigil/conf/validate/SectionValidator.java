package dev.vigil.conf.validate;

import dev.vigil.conf.Diagnostics;
import dev.vigil.conf.model.Section;

/**
 * Validates the parameters of one type of plugin section (a checker, a notifier, a VIP backend).
 * The plugin that runs a type provides its validator, so {@code check-config} reports the section's
 * problems with their positions before anything runs. Report every problem; never throw for one.
 */
public interface SectionValidator {
    SectionKind kind();

    /** The section's {@code type}, e.g. {@code HTTP_GET}. */
    String type();

    /** Reports every problem of {@code section} to {@code diagnostics}. */
    void validate(Section section, Diagnostics diagnostics);
}
