/** Brings the kernel's IPVS table to a desired one with the fewest writes, leaving what Vigil does not manage alone. */
package dev.vigil.lvs.reconcile;
