package dev.vigil.vrrp.track;

/**
 * The state of a tracked object.
 *
 * @param up    for scripts, interfaces and processes: whether the object counts as OK
 * @param value for {@code track_file}: the number read from the file; for processes: the number
 *              of matching processes; otherwise 0
 */
public record TrackStatus(boolean up, long value) {
    public static final TrackStatus UP = new TrackStatus(true, 0);
    public static final TrackStatus DOWN = new TrackStatus(false, 0);
}
