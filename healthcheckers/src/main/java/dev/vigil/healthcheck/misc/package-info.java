/** MISC_CHECK: run a program; its exit code is the result (and, with misc_dynamic, the weight). */
package dev.vigil.healthcheck.misc;
