package dev.vigil.kernel.rtnl;

/** Policy rule actions ({@code FR_ACT_*} in linux/fib_rules.h). */
public enum RuleAction {
    UNSPEC(0), TO_TBL(1), GOTO(2), NOP(3), BLACKHOLE(6), UNREACHABLE(7), PROHIBIT(8);

    private final int value;

    RuleAction(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static RuleAction of(int value) {
        for (RuleAction a : values()) {
            if (a.value == value) {
                return a;
            }
        }
        return UNSPEC;
    }
}
