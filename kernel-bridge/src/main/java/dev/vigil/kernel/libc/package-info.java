/** The thin jnr-ffi binding to libc: the only code in Vigil that makes native calls. */
package dev.vigil.kernel.libc;
