/** keepalived's health checkers (TCP, HTTP, SSL, SMTP, DNS, UDP, PING, MISC, FILE), shipped as a PF4J plugin. */
package dev.vigil.healthcheck;
