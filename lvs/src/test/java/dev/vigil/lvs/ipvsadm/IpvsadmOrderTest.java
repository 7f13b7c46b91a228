package dev.vigil.lvs.ipvsadm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IpvsadmOrderTest {
    @Test
    void sortsLikeAnyStableSortWhenTheOrderIsTotal() {
        Random r = new Random(7);
        for (int n = 0; n < 60; n++) {
            List<int[]> l = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                l.add(new int[] {r.nextInt(5), i});
            }
            List<int[]> want = new ArrayList<>(l);
            want.sort(Comparator.comparingInt(a -> a[0]));
            assertThat(IpvsadmOrder.sort(l, Comparator.comparingInt(a -> a[0]))).containsExactlyElementsOf(want);
        }
    }

    @Test
    void wrappingSubtractionIsReproduced() {
        // 0 - 0x80000000 and 0x80000000 - 0 both wrap to negative ints: each "less" than the other.
        Comparator<Integer> wrapping = (a, b) -> a - b;
        assertThat(IpvsadmOrder.sort(List.of(0, 0x80000000), wrapping)).containsExactly(0, 0x80000000);
        assertThat(IpvsadmOrder.sort(List.of(0x80000000, 0), wrapping)).containsExactly(0x80000000, 0);
        // A non-transitive cycle (10.x < 100.x < 200.x < 10.x): the result depends on the input order.
        int a = 0x0a000000;
        int b = 0x64000000;
        int c = 0xc8000000;
        assertThat(IpvsadmOrder.sort(List.of(a, b, c), wrapping)).containsExactly(a, b, c);
        assertThat(IpvsadmOrder.sort(List.of(c, a, b), wrapping)).containsExactly(c, a, b);
        assertThat(IpvsadmOrder.sort(List.of(b, c, a), wrapping)).containsExactly(b, c, a);
    }
}
