/** Linux IPVS: domain types, the generic netlink codec, and the {@link dev.vigil.kernel.ipvs.IpvsTable} API with real and fake implementations. */
package dev.vigil.kernel.ipvs;
