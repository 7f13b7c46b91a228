/** LVS in the daemon: configuration to virtual server plans, the LVS subsystem and its ties to VRRP and plugins. */
package dev.vigil.daemon.lvs;
