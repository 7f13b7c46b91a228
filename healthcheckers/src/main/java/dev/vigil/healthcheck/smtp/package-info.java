/** SMTP_CHECK: greeting, EHLO (HELO when refused) and QUIT must be answered with success codes (RFC 5321). */
package dev.vigil.healthcheck.smtp;
