/** The health-checker extension point: one check of one real server, answered with a result value. */
package dev.vigil.plugin.check;
