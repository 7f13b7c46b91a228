/** Test fixtures: network namespaces and the IPVS VM assumptions. */
package dev.vigil.kernel.testing;
