/** Running external scripts off the event loop: bounded concurrency, timeouts that kill the whole process tree. */
package dev.vigil.vrrp.script;
