package io.hireflow.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The application's clock: the system's, except inside {@link #runAt}, where the current thread sees a given instant.
 * Importing history (demo data, records from another system) goes through the same domain code as live work and gets
 * the timestamps the events really had.
 */
public final class ShiftableClock extends Clock {

    private static final ThreadLocal<Instant> override = new ThreadLocal<>();
    private final Clock system;

    public ShiftableClock(Clock system) {
        this.system = system;
    }

    public static <T> T runAt(Instant instant, Supplier<T> work) {
        Instant previous = override.get();
        override.set(instant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                override.remove();
            } else {
                override.set(previous);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant shifted = override.get();
        return shifted != null ? shifted : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
