package dev.vigil.lvs.ipvsadm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed lines and the reason given, worded like ipvsadm's own messages where it has one. */
class IpvsadmRulesErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        -A -t 10.0.0.1:80 -s rr -s wrr                  | multiple 'scheduler' options specified
        -A -t 10.0.0.1:80 -t 10.0.0.1:81                | multiple 'service-address' options specified
        -A -t 10.0.0.1:80 -a                            | multiple commands specified
        -t 10.0.0.1:80                                  | no command (such as -A or -a) given
        -A -t 10.0.0.1:80 extra                         | unexpected argument extra
        -A -t 10.0.0.1:80 --frobnicate                  | unknown option --frobnicate
        -A -t 10.0.0.1:80 -s                            | option --scheduler needs a value
        -L -n                                           | the 'list' command is not allowed in rules
        -S                                              | the 'save' command is not allowed in rules
        -A -t 10.0.0.1:80 -r 10.0.0.2                   | Illegal 'real-server' option with the 'add-service' command
        -a -t 10.0.0.1:80 -r 10.0.0.2 -s rr             | Illegal 'scheduler' option with the 'add-server' command
        -a -t 10.0.0.1:80 -r 10.0.0.2 -p 5              | Illegal 'persistent' option with the 'add-server' command
        -A -s rr                                        | no virtual service given (-t, -u, --sctp-service or -f)
        -a -t 10.0.0.1:80                               | no real server given (-r)
        -A -t 10.0.0.1                                  | Zero port specified for non-persistent service
        -A -t 10.0.0.1:70000                            | illegal virtual server address[:port] specified
        -A -t 10.0.0.1:-1                               | illegal virtual server address[:port] specified
        -A -t localhost:80                              | illegal virtual server address[:port] specified (host names are not supported)
        -A -t 10.0.0.1:http                             | illegal virtual server address[:port] specified
        -A -f 0                                         | invalid fwmark value `0' specified
        -A -f 4294967296                                | invalid fwmark value `4294967296' specified
        -A -t 10.0.0.1:80 -6                            | -6 is only valid with -f (--fwmark-service)
        -A -t 10.0.0.1:80 -p 0                          | invalid timeout value `0' specified
        -A -t 10.0.0.1:80 -p 2678401                    | invalid timeout value `2678401' specified
        -A -t 10.0.0.1:80 -p abc                        | invalid timeout value `abc' specified
        -A -t 10.0.0.1:80 -p 10 -M 255.255.255.0/24     | illegal virtual server persistent mask specified
        -A -t [2001:db8::1]:80 -p -M 0                  | illegal ipv6 netmask specified
        -A -f 1 -6 -p -M 255.255.255.0                  | illegal ipv6 netmask specified
        -A -t 10.0.0.1:80 -o                            | One-Packet Scheduling is only for UDP virtual services
        -A -t 10.0.0.1:80 -s rr -b sh-port              | incompatible scheduler flag `sh-port'
        -A -t 10.0.0.1:80 -s sh -b bogus                | invalid scheduler flag `bogus'
        -A -t 10.0.0.1:80 -s toolongschedulername       | illegal scheduler name `toolongschedulername' (1 to 15 characters)
        -a -t 10.0.0.1:80 -r 10.0.0.2 -w -1             | illegal weight specified
        -a -t 10.0.0.1:80 -r 10.0.0.2 -w 2147483648     | illegal weight specified
        -a -t 10.0.0.1:80 -r 10.0.0.2 -x abc            | illegal u_threshold specified
        -a -t 10.0.0.1:80 -r [2001:db8::9]              | illegal real server address[:port] specified
        -a -t 10.0.0.1:80 -r 2001:db8::9 -m             | Different address family is allowed only for tunneling servers
        -a -t 10.0.0.1:80 -r 10.0.0.2 -g --tun-type gre | Tunnel options conflict with forward method
        -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-type vxlan | illegal tunnel type specified
        -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-type gue | You need to supply the 'tun-port' option for the 'gue' tunnel type
        -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-type gue --tun-port 0 | illegal tunnel port specified
        -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-port 5   | Illegal 'tun-port' option with the 'ipip' tunnel type
        -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-csum     | Illegal 'tun-csum' option with the 'ipip' tunnel type
        -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-type gre --tun-remcsum | Illegal 'tun-remcsum' option with the 'gre' tunnel type
        -a -t 10.0.0.1:80 -r 10.0.0.2 -i --tun-type gue --tun-port 5 --tun-csum --tun-remcsum | The option 'tun-remcsum' conflicts with the 'tun-csum' option in the 'gue' tunnel type
        --set 900 120                                   | option --set needs 3 values
        --set 900 120 x                                 | illegal timeout value `x' specified
        --start-daemon leader --mcast-interface eth0    | illegal start-daemon parameter specified
        --start-daemon master                           | --start-daemon needs --mcast-interface
        --start-daemon master --mcast-interface eth0 --syncid 256 | illegal syncid specified
        --start-daemon master --mcast-interface eth0 --mcast-group 10.0.0.1 | illegal mcast-group specified
        --stop-daemon master --syncid 1                 | Illegal 'syncid' option with the 'stop-daemon' command
        """)
    void reason(String line, String reason) {
        assertThatThrownBy(() -> IpvsadmRules.parse("\n" + line + "\n"))
                .isInstanceOf(IpvsadmException.class)
                .hasMessage("malformed rule: line 2: " + reason + ": " + line.strip());
    }
}
