/** Configuration: the YAML model, its loader and validation, and the keepalived.conf importer. */
package dev.vigil.conf;
