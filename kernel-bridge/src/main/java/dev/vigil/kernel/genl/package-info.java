/** Generic netlink: family resolution and message framing (genlmsghdr). */
package dev.vigil.kernel.genl;
