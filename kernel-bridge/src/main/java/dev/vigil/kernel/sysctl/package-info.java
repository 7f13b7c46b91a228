/** Kernel parameters under {@code /proc/sys}, read and written through the {@link dev.vigil.kernel.sysctl.Sysctl} interface. */
package dev.vigil.kernel.sysctl;
