/** The built-in health checkers, shipped as a plugin. */
package dev.vigil.healthcheck;
