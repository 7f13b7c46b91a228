/** Reading keepalived.conf (includes, conditionals, parameters, sequences) into the same tree as YAML. */
package dev.vigil.conf.keepalived;
