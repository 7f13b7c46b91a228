/** A generic, position-carrying tree of scalars, lists and maps: what both file formats read into. */
package dev.vigil.conf.tree;
