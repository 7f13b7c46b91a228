/** REDIS_ROLE, the template plugin: a health checker that asks a Redis server for its replication role. */
package dev.vigil.example.redis;
