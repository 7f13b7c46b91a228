package dev.vigil.vrrp.packet;

import java.util.Objects;

/** The outcome of {@link VrrpCodec#decode}: an advertisement, or why the bytes are not one. */
public sealed interface DecodeResult {
    /** The bytes form a well-formed advertisement with a valid checksum. */
    record Ok(VrrpAdvert advert) implements DecodeResult {
        public Ok {
            Objects.requireNonNull(advert, "advert");
        }
    }

    /** The bytes are not a valid advertisement; {@code detail} says what is wrong for the log. */
    record Malformed(DropReason reason, String detail) implements DecodeResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
