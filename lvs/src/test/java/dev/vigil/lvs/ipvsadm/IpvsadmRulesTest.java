package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.Destination;
import dev.vigil.kernel.ipvs.ForwardMethod;
import dev.vigil.kernel.ipvs.IpAddresses;
import dev.vigil.kernel.IpFamily;
import dev.vigil.kernel.ipvs.IpvsConstants;
import dev.vigil.kernel.ipvs.IpvsOp;
import dev.vigil.kernel.ipvs.Service;
import dev.vigil.kernel.ipvs.ServiceFlag;
import dev.vigil.kernel.ipvs.ServiceKey;
import dev.vigil.kernel.ipvs.SyncDaemon;
import dev.vigil.kernel.ipvs.SyncState;
import dev.vigil.kernel.ipvs.Timeouts;
import dev.vigil.kernel.ipvs.TunnelType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpvsadmRulesTest {
    private static final ServiceKey WEB = ServiceKey.tcp(IpAddresses.parse("10.0.0.1"), 80);

    private static IpvsOp op(String line) {
        List<IpvsadmRules.Rule> rules = IpvsadmRules.parse(line);
        assertThat(rules).hasSize(1);
        return rules.get(0).op();
    }

    private static Destination dest(String addr, int port, ForwardMethod fwd, int weight) {
        return Destination.of(IpAddresses.parse(addr), port, fwd, weight);
    }

    @Test
    void shortAndLongFormsMeanTheSame() {
        IpvsOp s = op("-A -t 10.0.0.1:80 -s rr -p 300 -M 255.255.255.0");
        assertThat(op("--add-service --tcp-service 10.0.0.1:80 --scheduler rr --persistent 300 --netmask 255.255.255.0"))
                .isEqualTo(s);
        assertThat(op("ipvsadm -A -t 10.0.0.1:80 --scheduler=rr -p300 -M255.255.255.0")).isEqualTo(s);
        assertThat(s).isEqualTo(new IpvsOp.AddService(Service.of(WEB, "rr").persistent(300).withNetmask(0xffffff00)));
        IpvsOp d = op("-a -t 10.0.0.1:80 -r 10.0.0.2:8080 -m -w 3 -x 10 -y 2");
        assertThat(op("--add-server --tcp-service 10.0.0.1:80 --real-server 10.0.0.2:8080 --masquerading"
                + " --weight 3 --u-threshold 10 --l-threshold 2")).isEqualTo(d);
        assertThat(d).isEqualTo(new IpvsOp.AddDestination(WEB,
                dest("10.0.0.2", 8080, ForwardMethod.NAT, 3).withThresholds(10, 2)));
    }

    @Test
    void ipvsadmDefaults() {
        assertThat(op("-A -t 10.0.0.1:80")).isEqualTo(new IpvsOp.AddService(Service.of(WEB, "wlc")));
        assertThat(op("-A -t 10.0.0.1:80 -p")).isEqualTo(new IpvsOp.AddService(Service.of(WEB, "wlc").persistent(360)));
        assertThat(op("-a -t 10.0.0.1:80 -r 10.0.0.2"))
                .isEqualTo(new IpvsOp.AddDestination(WEB, dest("10.0.0.2", 80, ForwardMethod.DIRECT_ROUTE, 1)));
        ServiceKey fw6 = ServiceKey.fwmark(IpFamily.V6, 8);
        assertThat(op("-a -f 8 -6 -r 2001:db8::2 -i")).isEqualTo(
                new IpvsOp.AddDestination(fw6, dest("2001:db8::2", 0, ForwardMethod.TUNNEL, 1)));
        assertThat(op("-A -t 10.0.0.1:0 -p 50")).isInstanceOf(IpvsOp.AddService.class);
    }

    @Test
    void everyCommand() {
        assertThat(op("-E -t 10.0.0.1:80 -s sh -b sh-port")).isEqualTo(
                new IpvsOp.EditService(Service.of(WEB, "sh").withFlag(ServiceFlag.SH_PORT, true)));
        assertThat(op("-D -t 10.0.0.1:80")).isEqualTo(new IpvsOp.DeleteService(WEB));
        assertThat(op("-e -t 10.0.0.1:80 -r 10.0.0.2 -w 0")).isEqualTo(
                new IpvsOp.EditDestination(WEB, dest("10.0.0.2", 80, ForwardMethod.DIRECT_ROUTE, 0)));
        assertThat(op("-d -t 10.0.0.1:80 -r 10.0.0.2:80")).isEqualTo(
                new IpvsOp.DeleteDestination(WEB, dest("10.0.0.2", 80, ForwardMethod.DIRECT_ROUTE, 1)));
        assertThat(op("-C")).isEqualTo(new IpvsOp.Flush());
        assertThat(op("--clear")).isEqualTo(new IpvsOp.Flush());
        assertThat(op("-Z")).isEqualTo(new IpvsOp.Zero(null));
        assertThat(op("-Z -t 10.0.0.1:80")).isEqualTo(new IpvsOp.Zero(WEB));
        assertThat(op("--set 900 120 300")).isEqualTo(new IpvsOp.SetTimeouts(new Timeouts(900, 120, 300)));
        assertThat(op("--start-daemon backup --mcast-interface eth0 --syncid 9 --sync-maxlen 1400"
                + " --mcast-group 239.1.2.3 --mcast-port 9000 --mcast-ttl 2")).isEqualTo(new IpvsOp.StartDaemon(
                new SyncDaemon(SyncState.BACKUP, "eth0", 9, 1400, IpAddresses.parse("239.1.2.3"), 9000, 2)));
        assertThat(op("--stop-daemon master")).isEqualTo(new IpvsOp.StopDaemon(SyncState.MASTER));
    }

    @Test
    void addressesMasksTunnelsAndFlags() {
        ServiceKey v6 = ServiceKey.udp(IpAddresses.parse("2001:db8::1"), 53);
        assertThat(op("-A -u [2001:db8::1]:53 -s mh -b mh-fallback,mh-port -p 60 -M 64 --pe sip")).isEqualTo(
                new IpvsOp.AddService(Service.of(v6, "mh").persistent(60).withNetmask(64).withPeName("sip")
                        .withFlag(ServiceFlag.SCHED1, true).withFlag(ServiceFlag.SCHED2, true)));
        assertThat(op("-A -u 10.0.0.1:53 -p -M 24 -o")).isEqualTo(new IpvsOp.AddService(
                Service.of(ServiceKey.udp(IpAddresses.parse("10.0.0.1"), 53), "wlc").persistent(360).withNetmask(24)
                        .withFlag(ServiceFlag.ONEPACKET, true)));
        assertThat(op("-a -t 10.0.0.1:80 -r [10.0.0.2]:81 -i --tun-type gue --tun-port 6080 --tun-remcsum")).isEqualTo(
                // a tunnelled real server takes the service's port (as ipvsadm does), not 81
                new IpvsOp.AddDestination(WEB, dest("10.0.0.2", 80, ForwardMethod.TUNNEL, 1)
                        .withTunnel(TunnelType.GUE, 6080, IpvsConstants.TUNNEL_ENCAP_FLAG_REMCSUM)));
        assertThat(op("-a -t 10.0.0.1:80 -r [2001:db8::9]:80 -i --tun-type gre --tun-csum")).isEqualTo(
                new IpvsOp.AddDestination(WEB, dest("2001:db8::9", 80, ForwardMethod.TUNNEL, 1)
                        .withTunnel(TunnelType.GRE, 0, IpvsConstants.TUNNEL_ENCAP_FLAG_CSUM)));
        assertThat(op("-A -f 4294967295 -s rr")).isEqualTo(
                new IpvsOp.AddService(Service.of(ServiceKey.fwmark(IpFamily.V4, -1), "rr")));
        assertThat(op("-A --sctp-service [::ffff:10.0.0.1]:9 -s rr"))
                .satisfies(o -> assertThat(((IpvsOp.AddService) o).service().family()).isEqualTo(IpFamily.V6));
    }

    @Test
    void blankLinesCommentsAndWhitespace() {
        List<IpvsadmRules.Rule> rules = IpvsadmRules.parse("\n# saved by hand\n\t-A  -t 10.0.0.1:80\t-s rr  \n   \n"
                + "  # indented comment\n-a -t 10.0.0.1:80 -r 10.0.0.2\n");
        assertThat(rules).extracting(IpvsadmRules.Rule::line).containsExactly(3, 6);
        assertThat(rules.get(0).text()).isEqualTo("\t-A  -t 10.0.0.1:80\t-s rr  ");
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndNothingIsReturned() {
        String text = "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.0.2 -w lots\n-A -t 10.0.0.1:81\n"
                + "\n-a -t 10.0.0.1:80 -r 10.0.0.3 -m -g\n-A -t 10.0.0.1:82 # trailing comment\n";
        assertThatThrownBy(() -> IpvsadmRules.parse(text))
                .isInstanceOf(IpvsadmException.class)
                .hasMessageStartingWith("3 malformed rules: line 2: illegal weight specified: -a -t 10.0.0.1:80")
                .satisfies(e -> assertThat(((IpvsadmException) e).errors())
                        .extracting(IpvsadmException.LineError::line, IpvsadmException.LineError::reason)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(2, "illegal weight specified"),
                                org.assertj.core.groups.Tuple.tuple(5, "multiple 'forwarding-method' options specified"),
                                org.assertj.core.groups.Tuple.tuple(6, "unexpected argument #")));
    }

    /** As measured with ipvsadm on kernel 6.1: only NAT keeps a real server port of its own. */
    @org.junit.jupiter.api.Test
    void directRoutingAndTunnelRealServersTakeTheServicePortLikeIpvsadm() {
        var rules = IpvsadmRules.parse(String.join("\n",
                "-a -t 10.9.0.10:80 -r 10.9.0.21:8080 -g",
                "-a -t 10.9.0.10:80 -r 10.9.0.22:8080 -i",
                "-a -t 10.9.0.10:80 -r 10.9.0.23:8080 -m",
                "-a -t 10.9.0.10:80 -r 10.9.0.24 -m",
                "-a -f 5 -r 10.9.0.25:8080 -g",
                "-a -f 5 -r 10.9.0.26:8080 -m"));
        org.assertj.core.api.Assertions.assertThat(rules).extracting(
                r -> ((IpvsOp.AddDestination) r.op()).destination().port())
                .containsExactly(80, 80, 8080, 80, 8080, 8080);
    }
}
