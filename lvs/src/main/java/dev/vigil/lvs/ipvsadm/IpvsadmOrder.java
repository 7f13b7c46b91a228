package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which ipvsadm 1.31 lists services and destinations. ipvsadm sorts the kernel's
 * dump with glibc {@code qsort} (a top-down merge sort in glibc 2.36) and comparators that
 * subtract 32-bit values: fwmark, then address family, protocol, address (as host-order 32-bit
 * words) and port. The subtractions wrap, so addresses more than 2^31 apart compare "backwards"
 * and the order is not even transitive; the result then depends on the dump order. Both the
 * comparators and the merge sort are reproduced here so the output matches ipvsadm's exactly.
 */
final class IpvsadmOrder {
    private IpvsadmOrder() {
    }

    /** The service comparator: fwmark, af, protocol, address words, port, each by wrapping subtraction. */
    static final Comparator<Service> SERVICES = (a, b) -> {
        ServiceKey x = a.key();
        ServiceKey y = b.key();
        int r = fwmark(x) - fwmark(y);
        if (r != 0) {
            return r;
        }
        r = x.family().af() - y.family().af();
        if (r != 0) {
            return r;
        }
        r = protocol(x) - protocol(y);
        if (r != 0) {
            return r;
        }
        r = addressDiff(x.family(), words(x), words(y));
        return r != 0 ? r : port(x) - port(y);
    };

    /** The destination comparator: address words (as many as the first one's family has), then port. */
    static final Comparator<Destination> DESTINATIONS = (a, b) -> {
        int r = addressDiff(a.family(), words(IpAddresses.union(a.address())), words(IpAddresses.union(b.address())));
        return r != 0 ? r : a.port() - b.port();
    };

    private static int addressDiff(IpFamily family, int[] x, int[] y) {
        int n = family == IpFamily.V6 ? 4 : 1;
        int r = 0;
        for (int i = 0; r == 0 && i < n; i++) {
            r = x[i] - y[i];
        }
        return r;
    }

    private static int fwmark(ServiceKey k) {
        return k instanceof ServiceKey.Fwmark f ? f.mark() : 0;
    }

    private static int protocol(ServiceKey k) {
        return k instanceof ServiceKey.Inet i ? i.protocol().number() : 0;
    }

    private static int port(ServiceKey k) {
        return k instanceof ServiceKey.Inet i ? i.port() : 0;
    }

    private static int[] words(ServiceKey k) {
        return k instanceof ServiceKey.Inet i ? words(IpAddresses.union(i.address())) : new int[4];
    }

    /** The 16-byte address union as four host-order (ntohl) words. */
    private static int[] words(byte[] union) {
        ByteBuffer b = ByteBuffer.wrap(union);
        return new int[] {b.getInt(0), b.getInt(4), b.getInt(8), b.getInt(12)};
    }

    /** Sorts like glibc's merge sort: halves of n/2 and n - n/2, ties (cmp <= 0) taken from the left. */
    static <T> List<T> sort(List<T> in, Comparator<? super T> cmp) {
        List<T> list = new ArrayList<>(in);
        mergeSort(list, 0, list.size(), cmp, new ArrayList<>(list));
        return list;
    }

    private static <T> void mergeSort(List<T> b, int from, int n, Comparator<? super T> cmp, List<T> tmp) {
        if (n <= 1) {
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        mergeSort(b, from, n1, cmp, tmp);
        mergeSort(b, from + n1, n2, cmp, tmp);
        int i = from;
        int j = from + n1;
        int end1 = from + n1;
        int end2 = from + n;
        int k = from;
        while (i < end1 && j < end2) {
            tmp.set(k++, cmp.compare(b.get(i), b.get(j)) <= 0 ? b.get(i++) : b.get(j++));
        }
        while (i < end1) {
            tmp.set(k++, b.get(i++));
        }
        while (j < end2) {
            tmp.set(k++, b.get(j++));
        }
        for (int x = from; x < end2; x++) {
            b.set(x, tmp.get(x));
        }
    }
}
