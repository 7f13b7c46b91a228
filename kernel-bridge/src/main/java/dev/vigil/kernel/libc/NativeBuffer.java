package dev.vigil.kernel.libc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A direct buffer in native byte order with its native address looked up once, for the calls of
 * {@link Syscalls} that take a buffer: looking the address up is itself a native call, which a
 * buffer used for every datagram of a socket should not pay each time.
 */
public final class NativeBuffer {
    private final ByteBuffer buffer;
    private final long address;

    private NativeBuffer(ByteBuffer buffer) {
        this.buffer = buffer;
        this.address = DirectLibC.address(buffer);
    }

    /** A zeroed buffer of {@code size} bytes. */
    public static NativeBuffer allocate(int size) {
        return new NativeBuffer(ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder()));
    }

    /** A buffer holding a copy of {@code bytes}, e.g. a socket address. */
    public static NativeBuffer of(byte[] bytes) {
        NativeBuffer b = allocate(bytes.length);
        b.buffer.put(0, bytes);
        return b;
    }

    /** The memory, for reading and writing with absolute indexes (its position and limit are the caller's). */
    public ByteBuffer buffer() {
        return buffer;
    }

    public int capacity() {
        return buffer.capacity();
    }

    long address() {
        return address;
    }
}
