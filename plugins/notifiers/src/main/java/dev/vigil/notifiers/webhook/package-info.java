/** The {@code webhook} notifier: every event as JSON POSTed to a URL, with retries. */
package dev.vigil.notifiers.webhook;
