package io.hireflow.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered identifiers (UUID version 7, RFC 9562): new rows land at the end of their indexes, and ordering by id
 * is ordering by creation, which keyset pagination relies on.
 */
public final class Ids {

    private static final SecureRandom random = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private Ids() {
    }

    public static UUID newId() {
        long millis;
        long seq;
        synchronized (Ids.class) {
            millis = System.currentTimeMillis();
            if (millis <= lastMillis) {
                millis = lastMillis;
                sequence++;
                if (sequence > 0xFFF) {
                    millis = ++lastMillis;
                    sequence = 0;
                }
            } else {
                lastMillis = millis;
                sequence = 0;
            }
            seq = sequence;
        }
        long most = (millis << 16) | 0x7000L | seq;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
