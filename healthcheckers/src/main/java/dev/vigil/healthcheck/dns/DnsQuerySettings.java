package dev.vigil.healthcheck.dns;

import io.netty.handler.codec.dns.DnsRecordType;

import java.util.Objects;

/**
 * One DNS_CHECK section.
 *
 * @param type the query type ({@code query_type}; keepalived.conf's {@code type}), SOA by default
 * @param name the name to query, {@code .} by default
 */
public record DnsQuerySettings(DnsRecordType type, String name) {
    public DnsQuerySettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
