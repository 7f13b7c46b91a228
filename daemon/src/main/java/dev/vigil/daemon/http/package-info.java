/** The optional HTTP endpoint: {@code GET /status} (JSON) and {@code GET /metrics} (Prometheus text). */
package dev.vigil.daemon.http;
