/** keepalived-style notifications of instance and sync group state changes: notify scripts and the notify FIFO. */
package dev.vigil.vrrp.notify;
