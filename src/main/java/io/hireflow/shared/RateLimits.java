package io.hireflow.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters in the database, so that every node counts the same hits: at most {@code limit} hits per
 * key in each window. A hit is counted in a statement of its own, committed as it ends, so a refused or failed request
 * still counts.
 * <p>
 * One address can send many requests at once (an office behind one gateway, or an attack), and their hits queue on
 * the one row of its window, each holding it until its commit. So the statement is its own transaction (no round trip
 * to the application while the row is held), and its commit does not wait for the disk: a crash forgets at most the
 * last fraction of a second of hits, which only lets a few more through.
 */
@Component
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a hit on {@code key}; refuses with 429 ({@code code}) once the window already has {@code limit}. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void hit(String key, int limit, Duration window, String code) {
        Instant now = clock.instant();
        long size = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / size * size);
        // one statement: the commit's setting, the hit counted, and windows older than a day (of every key) forgotten
        int hits = jdbc.sql("""
                with asynchronous as (select set_config('synchronous_commit', 'off', true)),
                     forgotten as (delete from rate_limit where window_start < :old)
                insert into rate_limit (key, window_start, hits) select :key, :start, 1 from asynchronous
                on conflict (key, window_start) do update set hits = rate_limit.hits + 1
                returning hits""")
                .param("key", key).param("start", Timestamp.from(start))
                .param("old", Timestamp.from(now.minus(Duration.ofDays(1)))).query(Integer.class).single();
        if (hits > limit) {
            throw new TooManyRequestsException(code,
                    Duration.between(now, start.plus(window)).toSeconds() + 1);
        }
    }
}
