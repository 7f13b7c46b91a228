package dev.vigil.kernel.nft;

/** An {@code nft} command failed; the message holds what was attempted and nft's own error text. */
public final class NftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NftException(String message, Throwable cause) {
        super(message, cause);
    }
}
