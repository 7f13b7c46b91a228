/** Prometheus text exposition format 0.0.4: the writer every subsystem's {@code metrics()} uses. */
package dev.vigil.daemon.metrics;
