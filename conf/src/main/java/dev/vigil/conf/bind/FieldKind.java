package dev.vigil.conf.bind;

/** How a record component is written in a configuration tree. */
public enum FieldKind {
    /** The map key a named record is written under. */
    NAME,
    /** The record's source position, never written. */
    POSITION,
    SCALAR,
    SCALAR_LIST,
    RECORD,
    /** A record whose keys are written in the enclosing map. */
    INLINE,
    RECORD_LIST,
    /** A list of records written as a map from name to body. */
    NAMED_LIST,
    SECTION,
    SECTION_LIST,
    /** A map kept as written (plugin settings). */
    TREE
}
