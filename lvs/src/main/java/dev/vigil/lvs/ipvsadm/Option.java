package dev.vigil.lvs.ipvsadm;

import java.util.HashMap;
import java.util.Map;

/** The command line options of ipvsadm that a rules file may use, with their short and long names. */
enum Option {
    ADD_SERVICE("-A", "--add-service", Arg.NONE, "add-service"),
    EDIT_SERVICE("-E", "--edit-service", Arg.NONE, "edit-service"),
    DELETE_SERVICE("-D", "--delete-service", Arg.NONE, "delete-service"),
    CLEAR("-C", "--clear", Arg.NONE, "clear"),
    ADD_SERVER("-a", "--add-server", Arg.NONE, "add-server"),
    EDIT_SERVER("-e", "--edit-server", Arg.NONE, "edit-server"),
    DELETE_SERVER("-d", "--delete-server", Arg.NONE, "delete-server"),
    ZERO("-Z", "--zero", Arg.NONE, "zero"),
    SET(null, "--set", Arg.THREE, "set"),
    START_DAEMON(null, "--start-daemon", Arg.ONE, "start-daemon"),
    STOP_DAEMON(null, "--stop-daemon", Arg.ONE, "stop-daemon"),
    TCP("-t", "--tcp-service", Arg.ONE, "service-address"),
    UDP("-u", "--udp-service", Arg.ONE, "service-address"),
    SCTP(null, "--sctp-service", Arg.ONE, "service-address"),
    FWMARK("-f", "--fwmark-service", Arg.ONE, "service-address"),
    IPV6("-6", "--ipv6", Arg.NONE, "ipv6"),
    SCHEDULER("-s", "--scheduler", Arg.ONE, "scheduler"),
    PERSISTENT("-p", "--persistent", Arg.OPTIONAL, "persistent"),
    NETMASK("-M", "--netmask", Arg.ONE, "netmask"),
    PE(null, "--pe", Arg.ONE, "pe"),
    SCHED_FLAGS("-b", "--sched-flags", Arg.ONE, "sched-flags"),
    OPS("-o", "--ops", Arg.NONE, "ops"),
    REAL_SERVER("-r", "--real-server", Arg.ONE, "real-server"),
    GATEWAYING("-g", "--gatewaying", Arg.NONE, "forwarding-method"),
    IPIP("-i", "--ipip", Arg.NONE, "forwarding-method"),
    MASQUERADING("-m", "--masquerading", Arg.NONE, "forwarding-method"),
    WEIGHT("-w", "--weight", Arg.ONE, "weight"),
    U_THRESHOLD("-x", "--u-threshold", Arg.ONE, "u-threshold"),
    L_THRESHOLD("-y", "--l-threshold", Arg.ONE, "l-threshold"),
    TUN_TYPE(null, "--tun-type", Arg.ONE, "tun-type"),
    TUN_PORT(null, "--tun-port", Arg.ONE, "tun-port"),
    TUN_NOCSUM(null, "--tun-nocsum", Arg.NONE, "tun-nocsum"),
    TUN_CSUM(null, "--tun-csum", Arg.NONE, "tun-csum"),
    TUN_REMCSUM(null, "--tun-remcsum", Arg.NONE, "tun-remcsum"),
    MCAST_INTERFACE(null, "--mcast-interface", Arg.ONE, "mcast-interface"),
    SYNCID(null, "--syncid", Arg.ONE, "syncid"),
    SYNC_MAXLEN(null, "--sync-maxlen", Arg.ONE, "sync-maxlen"),
    MCAST_GROUP(null, "--mcast-group", Arg.ONE, "mcast-group"),
    MCAST_PORT(null, "--mcast-port", Arg.ONE, "mcast-port"),
    MCAST_TTL(null, "--mcast-ttl", Arg.ONE, "mcast-ttl"),
    NUMERIC("-n", "--numeric", Arg.NONE, "numeric"),
    // ipvsadm commands that make no sense in a rules file
    RESTORE("-R", "--restore", Arg.NONE, "restore"),
    SAVE("-S", "--save", Arg.NONE, "save"),
    LIST("-L", "--list", Arg.NONE, "list"),
    LIST_ALT("-l", null, Arg.NONE, "list"),
    HELP("-h", "--help", Arg.NONE, "help");

    /** How many values follow the option. */
    enum Arg { NONE, ONE, OPTIONAL, THREE }

    private static final Map<String, Option> BY_NAME = new HashMap<>();
    /** By ordinal: the first option with the same label. */
    private static final Option[] GROUP = new Option[values().length];

    static {
        for (Option o : values()) {
            for (Option g : values()) {
                if (g.label.equals(o.label)) {
                    GROUP[o.ordinal()] = g;
                    break;
                }
            }
            if (o.shortName != null) {
                BY_NAME.put(o.shortName, o);
            }
            if (o.longName != null) {
                BY_NAME.put(o.longName, o);
            }
        }
    }

    final String shortName;
    final String longName;
    final Arg arg;
    /** The name ipvsadm uses in messages; options sharing it are mutually exclusive. */
    final String label;

    Option(String shortName, String longName, Arg arg, String label) {
        this.shortName = shortName;
        this.longName = longName;
        this.arg = arg;
        this.label = label;
    }

    /** The first option sharing this one's label: options of one group exclude each other. */
    Option group() {
        return GROUP[ordinal()];
    }

    static Option byName(String name) {
        return BY_NAME.get(name);
    }

    boolean isCommand() {
        return ordinal() <= STOP_DAEMON.ordinal() || ordinal() >= RESTORE.ordinal();
    }
}
