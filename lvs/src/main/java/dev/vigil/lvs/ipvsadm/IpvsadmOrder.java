package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceKey;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** Service keys compared as ipvsadm does: fwmark, af, protocol, address words, port, each by wrapping subtraction. */
    private static final Comparator<Key<?>> SERVICE_KEYS = new Comparator<>() {
        @Override
        public int compare(Key<?> x, Key<?> y) {
            return compareServices(x, y);
        }
    };

    /** Destination keys compared as ipvsadm does: address words (as many as the first one's family has), then port. */
    private static final Comparator<Key<?>> DESTINATION_KEYS = new Comparator<>() {
        @Override
        public int compare(Key<?> x, Key<?> y) {
            return compareDestinations(x, y);
        }
    };

    /** Services in ipvsadm's order: {@link #sort} by {@link #SERVICE_KEYS}, each key computed once. */
    static List<Service> sortServices(List<Service> in) {
        List<Key<Service>> keys = new ArrayList<>(in.size());
        for (Service s : in) {
            keys.add(key(s));
        }
        return items(sort(keys, SERVICE_KEYS));
    }

    /** Destinations in ipvsadm's order: {@link #sort} by {@link #DESTINATION_KEYS}, each key computed once. */
    static List<Destination> sortDestinations(List<Destination> in) {
        List<Key<Destination>> keys = new ArrayList<>(in.size());
        for (Destination d : in) {
            keys.add(key(d));
        }
        return items(sort(keys, DESTINATION_KEYS));
    }

    /** The fields ipvsadm compares; the address as four host-order (ntohl) words of the 16-byte union. */
    private record Key<T>(T item, int fwmark, int af, int protocol, boolean v6, int[] words, int port) {
    }

    private static Key<Service> key(Service s) {
        ServiceKey k = s.key();
        if (k instanceof ServiceKey.Inet i) {
            return new Key<>(s, 0, k.family().af(), i.protocol().number(), k.family() == IpFamily.V6,
                    words(i.address().getAddress()), i.port());
        }
        return new Key<>(s, ((ServiceKey.Fwmark) k).mark(), k.family().af(), 0, k.family() == IpFamily.V6,
                new int[4], 0);
    }

    private static Key<Destination> key(Destination d) {
        return new Key<>(d, 0, 0, 0, d.family() == IpFamily.V6, words(d.address().getAddress()), d.port());
    }

    private static int compareServices(Key<?> x, Key<?> y) {
        int r = x.fwmark - y.fwmark;
        if (r != 0) {
            return r;
        }
        r = x.af - y.af;
        if (r != 0) {
            return r;
        }
        r = x.protocol - y.protocol;
        if (r != 0) {
            return r;
        }
        r = addressDiff(x, y);
        return r != 0 ? r : x.port - y.port;
    }

    private static int compareDestinations(Key<?> x, Key<?> y) {
        int r = addressDiff(x, y);
        return r != 0 ? r : x.port - y.port;
    }

    /** Word by word, as many words as {@code x}'s family has. */
    private static int addressDiff(Key<?> x, Key<?> y) {
        int n = x.v6 ? 4 : 1;
        int r = 0;
        for (int i = 0; r == 0 && i < n; i++) {
            r = x.words[i] - y.words[i];
        }
        return r;
    }

    /** An address (4 or 16 bytes) as the four host-order words of the zero-padded 16-byte union. */
    private static int[] words(byte[] a) {
        int[] w = new int[4];
        for (int i = 0; i < a.length; i++) {
            w[i >> 2] |= (a[i] & 0xff) << (24 - 8 * (i & 3));
        }
        return w;
    }

    private static <T> List<T> items(List<Key<T>> keys) {
        List<T> out = new ArrayList<>(keys.size());
        for (Key<T> k : keys) {
            out.add(k.item());
        }
        return out;
    }

    /** Sorts like glibc's merge sort: halves of n/2 and n - n/2, ties (cmp <= 0) taken from the left. */
    @SuppressWarnings("unchecked")
    static <T> List<T> sort(List<T> in, Comparator<? super T> cmp) {
        Object[] a = in.toArray();
        mergeSort(a, 0, a.length, (Comparator<Object>) cmp, new Object[a.length]);
        return (List<T>) Arrays.asList(a);
    }

    /** Over arrays: a save sorts 10,000 lists, and list accessors cost more than the comparisons until compiled. */
    private static void mergeSort(Object[] b, int from, int n, Comparator<Object> cmp, Object[] tmp) {
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
            tmp[k++] = cmp.compare(b[i], b[j]) <= 0 ? b[i++] : b[j++];
        }
        while (i < end1) {
            tmp[k++] = b[i++];
        }
        while (j < end2) {
            tmp[k++] = b[j++];
        }
        System.arraycopy(tmp, from, b, from, n);
    }
}
