package dev.vigil.lvs.ipvsadm;

/** One malformed rule line; the message is the reason, worded like ipvsadm's. */
final class BadRuleException extends RuntimeException {
    BadRuleException(String reason) {
        super(reason, null, false, false);
    }
}
