/** The VIP-backend extension point: where virtual addresses live when an instance is master. */
package dev.vigil.plugin.vip;
