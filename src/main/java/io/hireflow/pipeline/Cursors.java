package io.hireflow.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.hireflow.shared.InvalidInputException;

/** Opaque keyset cursors: where the previous page ended. */
final class Cursors {

    private Cursors() {
    }

    static String ofId(UUID id) {
        return encode(id.toString());
    }

    static UUID id(String cursor) {
        try {
            return UUID.fromString(decode(cursor));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "validation.cursor");
        }
    }

    static String ofCard(Instant enteredAt, UUID id) {
        return encode(enteredAt.getEpochSecond() + "." + enteredAt.getNano() + ":" + id);
    }

    /** The card position a column cursor names: when the card entered its stage, and its id. */
    record CardPosition(Instant enteredAt, UUID id) {
    }

    static CardPosition card(String cursor) {
        try {
            String[] parts = decode(cursor).split(":", 2);
            String[] time = parts[0].split("\\.", 2);
            return new CardPosition(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                    UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "validation.cursor");
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }
}
