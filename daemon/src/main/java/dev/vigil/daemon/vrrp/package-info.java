/** The VRRP subsystem of the daemon: configuration resolved into running instances. */
package dev.vigil.daemon.vrrp;
