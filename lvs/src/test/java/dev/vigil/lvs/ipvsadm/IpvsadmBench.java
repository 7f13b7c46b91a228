package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.NetlinkIpvs;

import java.util.List;

/**
 * Times the Java side of {@code vigil ipvs restore} and {@code save} without a kernel: rules
 * parsing plus request encoding against a transport that acknowledges every datagram, and a save
 * formatted from canned dump replies (the kernels of {@link IpvsadmTraining}). Not a test; run
 * its {@code main} with the launcher's JVM options to see where the time goes:
 * {@code java -cp ... dev.vigil.lvs.ipvsadm.IpvsadmBench restore|save [SERVICES] [DESTS] [ROUNDS]}.
 */
public final class IpvsadmBench {
    private IpvsadmBench() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "restore";
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int dests = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String rules = IpvsRestorePerfIT.rules(services, dests);
        String expected = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            String what;
            if (mode.equals("restore")) {
                NetlinkIpvs ipvs = IpvsadmTraining.ipvs(new IpvsadmTraining.AckingKernel());
                IpvsRestore.Result res = new IpvsRestore(ipvs).restore(rules, false);
                what = res.applied() + " rules applied";
            } else {
                List<IpvsadmRules.Rule> parsed = IpvsadmRules.parse(rules);
                NetlinkIpvs ipvs = IpvsadmTraining.ipvs(new IpvsadmTraining.DumpingKernel(parsed));
                long t1 = System.nanoTime();
                String text = IpvsadmSave.save(ipvs);
                t0 = t1;
                expected = expected == null ? text : expected;
                what = text.length() + " chars, stable: " + text.equals(expected);
            }
            System.out.printf("%s round %d: %d ms (%s)%n", mode, r + 1, (System.nanoTime() - t0) / 1_000_000, what);
        }
    }
}
