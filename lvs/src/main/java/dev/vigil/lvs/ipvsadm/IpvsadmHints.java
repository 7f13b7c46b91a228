package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.libc.Errno;

/** What the kernel's errno means for each IPVS operation, in the words users know from ipvsadm. */
final class IpvsadmHints {
    private IpvsadmHints() {
    }

    /** A hint for a failure of kernel operation {@code op} (e.g. {@code IPVS_CMD_NEW_DEST(...)}), or {@code null}. */
    static String hint(String op, int errno) {
        String cmd = op.indexOf('(') > 0 ? op.substring(0, op.indexOf('(')) : op;
        return switch (cmd) {
            case "IPVS_CMD_NEW_SERVICE" -> errno == Errno.EEXIST ? "service already exists"
                    : errno == Errno.ENOENT ? "scheduler or persistence engine not found" : null;
            case "IPVS_CMD_SET_SERVICE" -> errno == Errno.ESRCH ? "no such service"
                    : errno == Errno.ENOENT ? "scheduler or persistence engine not found" : null;
            case "IPVS_CMD_DEL_SERVICE", "IPVS_CMD_ZERO" -> errno == Errno.ESRCH ? "no such service" : null;
            case "IPVS_CMD_NEW_DEST" -> errno == Errno.ESRCH ? "service not defined"
                    : errno == Errno.EEXIST ? "destination already exists" : destHint(errno);
            case "IPVS_CMD_SET_DEST", "IPVS_CMD_DEL_DEST" -> errno == Errno.ESRCH ? "service not defined"
                    : errno == Errno.ENOENT ? "no such destination" : destHint(errno);
            case "IPVS_CMD_NEW_DAEMON" -> errno == Errno.EEXIST ? "daemon is already running" : null;
            case "IPVS_CMD_DEL_DAEMON" -> errno == Errno.ESRCH ? "no daemon is running" : null;
            default -> null;
        };
    }

    private static String destHint(int errno) {
        return errno == Errno.ERANGE ? "weight below 0 or lower threshold above upper threshold" : null;
    }
}
