/** FILE_CHECK: a number read from a tracked file decides the real server's state. */
package dev.vigil.healthcheck.file;
