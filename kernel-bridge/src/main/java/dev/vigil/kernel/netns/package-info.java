/** Running code inside a named network namespace (setns on a dedicated thread). */
package dev.vigil.kernel.netns;
