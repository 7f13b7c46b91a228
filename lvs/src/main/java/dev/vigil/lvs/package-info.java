/** Linux Virtual Server: virtual and real server model, health-driven state and the IPVS reconciler. */
package dev.vigil.lvs;
