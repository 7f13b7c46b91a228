package dev.vigil.conf.validate;

/** The kinds of plugin-provided sections, named as their list's key. */
public enum SectionKind {
    CHECKER("checker"), NOTIFIER("notifier"), VIP_BACKEND("vip_backend");

    private final String label;

    SectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
