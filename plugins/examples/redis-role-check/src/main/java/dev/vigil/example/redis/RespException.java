package dev.vigil.example.redis;

/** The server's bytes are not a RESP reply this plugin accepts (malformed, or too large). */
public final class RespException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RespException(String message) {
        super(message);
    }
}
