/** The immutable configuration model: records named with keepalived's vocabulary, and its schema annotations. */
package dev.vigil.conf.model;
