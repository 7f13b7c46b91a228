/** Virtual servers with keepalived's health semantics: alpha, inhibit_on_failure, quorum with hysteresis, sorry server. */
package dev.vigil.lvs.vs;
