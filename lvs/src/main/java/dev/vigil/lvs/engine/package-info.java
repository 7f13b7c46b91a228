/** The LVS engine: virtual servers with their health checks, notify scripts and the reconciled IPVS table, on one loop. */
package dev.vigil.lvs.engine;
