/** What changes a VRRP instance's priority or puts it in FAULT: tracked scripts, interfaces, files and processes, and keepalived's priority rule. */
package dev.vigil.vrrp.track;
