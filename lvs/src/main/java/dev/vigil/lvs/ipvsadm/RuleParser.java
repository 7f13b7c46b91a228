package dev.vigil.lvs.ipvsadm;

import dev.vigil.kernel.ipvs.IpvsOp;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.lvs.ipvsadm.Option.*;

/**
 * Parses the arguments of one rules line the way ipvsadm's option parser does: short and long
 * option names, {@code --name=value}, {@code -wVALUE}, an optional value for {@code -p}, each
 * option at most once, and only the options the command takes.
 */
final class RuleParser {
    private static final Set<Option> SERVICE = EnumSet.of(TCP, UDP, SCTP, FWMARK, IPV6);
    private static final Set<Option> SERVICE_OPTIONS = EnumSet.of(SCHEDULER, PERSISTENT, NETMASK, PE, SCHED_FLAGS, OPS);
    private static final Set<Option> SERVER_OPTIONS = EnumSet.of(REAL_SERVER, GATEWAYING, IPIP, MASQUERADING, WEIGHT,
            U_THRESHOLD, L_THRESHOLD, TUN_TYPE, TUN_PORT, TUN_NOCSUM, TUN_CSUM, TUN_REMCSUM);
    private static final Set<Option> DAEMON_OPTIONS =
            EnumSet.of(MCAST_INTERFACE, SYNCID, SYNC_MAXLEN, MCAST_GROUP, MCAST_PORT, MCAST_TTL);

    /** By command: the options it takes. */
    private static final Map<Option, Set<Option>> ALLOWED = new EnumMap<>(Option.class);

    static {
        for (Option o : Option.values()) {
            if (o.isCommand()) {
                ALLOWED.put(o, allowed(o));
            }
        }
    }

    private final Map<Option, List<String>> values = new EnumMap<>(Option.class);
    /** Bit {@code o.group().ordinal()} for each option {@code o} seen (fewer than 64 options). */
    private long groups;
    private Option command;

    private RuleParser() {
    }

    /** The operation of one line's arguments (without a leading {@code ipvsadm}). */
    static IpvsOp parse(List<String> args) {
        return parse(args, new ServiceKeyMemo());
    }

    /** As {@link #parse(List)}, reusing service keys that {@code memo} remembers from earlier lines. */
    static IpvsOp parse(List<String> args, ServiceKeyMemo memo) {
        RuleParser p = new RuleParser();
        p.collect(args);
        p.checkAllowed();
        return new RuleBuilder(p.command, p.values, memo).build();
    }

    private void collect(List<String> args) {
        int i = 0;
        while (i < args.size()) {
            String token = args.get(i++);
            if (!token.startsWith("-") || token.equals("-")) {
                throw new BadRuleException("unexpected argument " + token);
            }
            String name = token;
            String inline = null;
            if (token.startsWith("--") && token.indexOf('=') > 0) {
                name = token.substring(0, token.indexOf('='));
                inline = token.substring(token.indexOf('=') + 1);
            } else if (!token.startsWith("--") && token.length() > 2) {
                name = token.substring(0, 2);
                inline = token.substring(2);
            }
            Option o = Option.byName(name);
            if (o == null || (inline != null && o.arg == Option.Arg.NONE)) {
                throw new BadRuleException("unknown option " + token);
            }
            i = take(o, inline, args, i);
        }
        if (command == null) {
            throw new BadRuleException("no command (such as -A or -a) given");
        }
    }

    /** Records {@code o} with its value(s); returns the index of the next unread argument. */
    private int take(Option o, String inline, List<String> args, int i) {
        long bit = 1L << o.group().ordinal();
        boolean seen = (groups & bit) != 0;
        groups |= bit;
        if (seen && o != NUMERIC) {
            throw new BadRuleException(o.isCommand() ? "multiple commands specified"
                    : "multiple '" + o.label + "' options specified");
        }
        if (o.isCommand()) {
            if (command != null) {
                throw new BadRuleException("multiple commands specified");
            }
            command = o;
        }
        int n = switch (o.arg) {
            case NONE -> 0;
            case ONE -> inline != null ? 0 : 1;
            case OPTIONAL -> inline != null || i >= args.size() || args.get(i).startsWith("-") ? 0 : 1;
            case THREE -> 3;
        };
        if (i + n > args.size()) {
            throw new BadRuleException("option " + (o.longName != null ? o.longName : o.shortName) + " needs "
                    + (n == 3 ? "3 values" : "a value"));
        }
        List<String> v = inline != null ? List.of(inline) : n == 1 ? List.of(args.get(i))
                : List.copyOf(args.subList(i, i + n));
        values.put(o, v);
        return i + n;
    }

    private void checkAllowed() {
        Set<Option> allowed = ALLOWED.get(command);
        if (allowed == null) {
            throw new BadRuleException("the '" + command.label + "' command is not allowed in rules");
        }
        for (Option o : values.keySet()) {
            if (!allowed.contains(o)) {
                throw new BadRuleException("Illegal '" + o.label + "' option with the '" + command.label + "' command");
            }
        }
    }

    /** The options {@code command} takes, or {@code null} when it is not allowed in rules. */
    private static Set<Option> allowed(Option command) {
        Set<Option> allowed = EnumSet.of(NUMERIC);
        switch (command) {
            case ADD_SERVICE, EDIT_SERVICE -> {
                allowed.addAll(SERVICE);
                allowed.addAll(SERVICE_OPTIONS);
            }
            case DELETE_SERVICE, ZERO -> allowed.addAll(SERVICE);
            case ADD_SERVER, EDIT_SERVER -> {
                allowed.addAll(SERVICE);
                allowed.addAll(SERVER_OPTIONS);
            }
            case DELETE_SERVER -> {
                allowed.addAll(SERVICE);
                allowed.add(REAL_SERVER);
            }
            case START_DAEMON -> allowed.addAll(DAEMON_OPTIONS);
            case CLEAR, SET, STOP_DAEMON -> {
            }
            default -> {
                return null;
            }
        }
        allowed.add(command);
        return allowed;
    }
}
