/** DNS_CHECK: one query over UDP, answered with the same id and NOERROR (RFC 1035 section 4.1.1). */
package dev.vigil.healthcheck.dns;
