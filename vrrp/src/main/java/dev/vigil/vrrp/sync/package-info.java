/** Sync groups: VRRP instances that change state together, as keepalived's {@code vrrp_sync_group}. */
package dev.vigil.vrrp.sync;
