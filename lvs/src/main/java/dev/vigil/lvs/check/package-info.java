/** Check scheduling: keepalived's shared timers, retries and up/down transitions around plugin health checkers. */
package dev.vigil.lvs.check;
