package dev.vigil.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nft scripts NftVipFilter writes, captured by a stand-in for the nft command. */
class NftVipFilterTest {
    @TempDir
    Path dir;

    /** A fake nft that appends its standard input, then a separator, to {@code log}, and exits {@code rc}. */
    private Path fakeNft(Path log, int rc) throws IOException {
        Path p = dir.resolve("nft-" + rc);
        Files.writeString(p, "#!/bin/sh\n[ \"$1 $2\" = \"-f -\" ] || exit 9\ncat >> '" + log + "'\necho ---- >> '" + log
                + "'\necho 'Error: no such table' >&2\nexit " + rc + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static InetAddress ip(String s) throws IOException {
        return InetAddress.getByName(s);
    }

    @Test
    void theFirstAddressCreatesTheTableThenOnlyElementsChangeAndCloseDeletesIt() throws IOException {
        Path log = dir.resolve("log");
        NftVipFilter f = new NftVipFilter(fakeNft(log, 0).toString(), "vt");
        f.set("VI_1", List.of(ip("10.0.0.5"), ip("fd00::5")));
        f.set("VI_2", List.of(ip("10.0.0.5"), ip("10.0.0.6")));
        f.set("VI_1", List.of());
        f.set("VI_3", List.of());
        f.close();
        String[] runs = Files.readString(log).split("----\n");
        assertThat(runs).hasSize(4);
        assertThat(runs[0]).startsWith("table inet vt\ndelete table inet vt\ntable inet vt {\n")
                .contains("type filter hook input priority filter - 1; policy accept;")
                .contains("ip daddr @vips4 drop").contains("ip6 saddr @vips6 drop")
                .contains("icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert } accept")
                .endsWith("add element inet vt vips4 { 10.0.0.5 }\nadd element inet vt vips6 { fd00:0:0:0:0:0:0:5 }\n");
        assertThat(runs[1]).as("10.0.0.5 is already dropped").isEqualTo("add element inet vt vips4 { 10.0.0.6 }\n");
        assertThat(runs[2]).as("10.0.0.5 stays for VI_2").isEqualTo("delete element inet vt vips6 { fd00:0:0:0:0:0:0:5 }\n");
        assertThat(runs[3]).isEqualTo("delete table inet vt\n");
    }

    @Test
    void aFailureNamesTheOwnerAndNftsErrorAndChangesNothing() throws IOException {
        Path log = dir.resolve("log");
        NftVipFilter f = new NftVipFilter(fakeNft(log, 1).toString(), "vt");
        assertThatThrownBy(() -> f.set("VI_1", List.of(ip("10.0.0.5")))).isInstanceOf(NftException.class)
                .hasMessageContaining("VI_1").hasMessageContaining("exit 1").hasMessageContaining("no such table");
        f.close();
        assertThat(Files.readString(log).split("----\n")).as("close has no table to delete").hasSize(1);
    }

    @Test
    void aMissingCommandSaysSo() throws IOException {
        NftVipFilter f = new NftVipFilter(dir.resolve("absent").toString(), "vt");
        assertThatThrownBy(() -> f.set("VI_1", List.of(ip("10.0.0.5")))).isInstanceOf(NftException.class)
                .hasMessageContaining("is nftables installed?");
    }

    @Test
    void theFakeKeepsTheUnionOfItsOwners() throws IOException {
        FakeVipFilter f = new FakeVipFilter();
        f.set("a", List.of(ip("10.0.0.5")));
        f.set("b", List.of(ip("10.0.0.6")));
        f.set("a", List.of());
        assertThat(f.dropped()).containsExactly(ip("10.0.0.6"));
    }
}
