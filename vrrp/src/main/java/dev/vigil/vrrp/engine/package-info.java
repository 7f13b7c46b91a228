/** The VRRP engine: every instance, sync group and tracked object of a configuration on one event loop, with reload by difference. */
package dev.vigil.vrrp.engine;
