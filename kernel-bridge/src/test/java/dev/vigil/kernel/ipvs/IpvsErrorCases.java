package dev.vigil.kernel.ipvs;

import dev.vigil.kernel.libc.Errno;

import java.util.List;

import static dev.vigil.kernel.ipvs.ForwardMethod.*;
import static dev.vigil.kernel.ipvs.GoldenSupport.*;

/**
 * Mistakes and the errno Linux 6.1 answers them with. The VM integration test checks these
 * against the real kernel and FakeIpvsTableTest against the fake, so the two stay alike.
 */
public final class IpvsErrorCases {
    /** After {@code setup} succeeded, {@code op} fails with {@code errno}. */
    public record Case(String name, List<IpvsOp> setup, IpvsOp op, int errno) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final ServiceKey WEB = tcp("10.9.0.1", 80);
    static final ServiceKey MISSING = tcp("10.9.0.1", 99);
    static final Destination REAL = dest("10.9.0.10", 80, NAT, 1);
    static final SyncDaemon MASTER = SyncDaemon.of(SyncState.MASTER, "dummy0", 1);

    private IpvsErrorCases() {
    }

    private static IpvsOp addWeb() {
        return new IpvsOp.AddService(svc(WEB, "rr"));
    }

    private static Case c(String name, List<IpvsOp> setup, IpvsOp op, int errno) {
        return new Case(name, setup, op, errno);
    }

    public static List<Case> all() {
        ServiceKey v6 = tcp("2001:db8::1", 80);
        return List.of(
                c("duplicate service", List.of(addWeb()), addWeb(), Errno.EEXIST),
                c("unknown scheduler", List.of(), new IpvsOp.AddService(svc(WEB, "bogus")), Errno.ENOENT),
                c("unknown persistence engine", List.of(),
                        new IpvsOp.AddService(svc(WEB, "rr").persistent(60).withPeName("bogus")), Errno.ENOENT),
                c("edit missing service", List.of(), new IpvsOp.EditService(svc(MISSING, "rr")), Errno.ESRCH),
                c("delete missing service", List.of(), new IpvsOp.DeleteService(MISSING), Errno.ESRCH),
                c("zero missing service", List.of(), new IpvsOp.Zero(MISSING), Errno.ESRCH),
                c("dest of missing service", List.of(), new IpvsOp.AddDestination(MISSING, REAL), Errno.ESRCH),
                c("edit dest of missing service", List.of(), new IpvsOp.EditDestination(MISSING, REAL), Errno.ESRCH),
                c("delete dest of missing service", List.of(), new IpvsOp.DeleteDestination(MISSING, REAL),
                        Errno.ESRCH),
                c("duplicate dest", List.of(addWeb(), new IpvsOp.AddDestination(WEB, REAL)),
                        new IpvsOp.AddDestination(WEB, REAL.withWeight(3)), Errno.EEXIST),
                c("edit missing dest", List.of(addWeb()), new IpvsOp.EditDestination(WEB, REAL), Errno.ENOENT),
                c("delete missing dest", List.of(addWeb()), new IpvsOp.DeleteDestination(WEB, REAL), Errno.ENOENT),
                c("lower threshold above upper", List.of(addWeb()),
                        new IpvsOp.AddDestination(WEB, REAL.withThresholds(5, 10)), Errno.ERANGE),
                c("negative weight", List.of(addWeb()), new IpvsOp.AddDestination(WEB, REAL.withWeight(-1)),
                        Errno.ERANGE),
                c("ipv6 prefix 0", List.of(), new IpvsOp.AddService(svc(v6, "rr").persistent(60).withNetmask(0)),
                        Errno.EINVAL),
                c("ipv6 prefix 129", List.of(), new IpvsOp.AddService(svc(v6, "rr").persistent(60).withNetmask(129)),
                        Errno.EINVAL),
                c("ipv6 dest of ipv4 service by NAT", List.of(addWeb()),
                        new IpvsOp.AddDestination(WEB, dest("2001:db8::10", 80, NAT, 1)), Errno.EINVAL),
                c("duplicate daemon", List.of(new IpvsOp.StartDaemon(MASTER)), new IpvsOp.StartDaemon(MASTER),
                        Errno.EEXIST),
                c("stop daemon not running", List.of(), new IpvsOp.StopDaemon(SyncState.BACKUP), Errno.ESRCH),
                c("daemon while a dest has another family", List.of(addWeb(),
                        new IpvsOp.AddDestination(WEB, dest("2001:db8::10", 80, TUNNEL, 1))),
                        new IpvsOp.StartDaemon(MASTER), Errno.EINVAL),
                c("dest of another family while a daemon runs", List.of(addWeb(), new IpvsOp.StartDaemon(MASTER)),
                        new IpvsOp.AddDestination(WEB, dest("2001:db8::10", 80, TUNNEL, 1)), Errno.EINVAL),
                c("link-local IPv6 dest", List.of(new IpvsOp.AddService(svc(v6, "rr"))),
                        new IpvsOp.AddDestination(v6, dest("fe80::1", 80, NAT, 1)), Errno.EINVAL),
                c("multicast IPv4 dest", List.of(addWeb()),
                        new IpvsOp.AddDestination(WEB, dest("224.0.0.9", 80, NAT, 1)), Errno.EINVAL),
                c("negative timeout", List.of(), new IpvsOp.SetTimeouts(new Timeouts(-1, 0, 0)), Errno.EINVAL));
    }
}
