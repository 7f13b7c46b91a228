/** Time for the VRRP engine: a scheduler interface, a single-threaded event loop and a virtual clock for tests. */
package dev.vigil.vrrp.time;
