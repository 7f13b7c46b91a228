/** Running VRRP instances: the state machine bound to its socket, addresses, announcements, tracking and notifications. */
package dev.vigil.vrrp.instance;
