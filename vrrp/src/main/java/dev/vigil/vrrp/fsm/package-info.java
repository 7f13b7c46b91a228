/** The VRRP state machine of RFC 5798 section 6 (plus keepalived's FAULT) as a pure object: inputs in, actions out. */
package dev.vigil.vrrp.fsm;
