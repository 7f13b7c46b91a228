/** The {@code email} notifier: keepalived's SMTP alerts over a plain SMTP client. */
package dev.vigil.notifiers.email;
