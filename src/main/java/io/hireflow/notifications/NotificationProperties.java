package io.hireflow.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages go out.
 *
 * @param from         the sender address of every message (its domain also names each Message-ID)
 * @param dispatch     whether this node sends messages at all
 * @param pollInterval how often the dispatcher looks for due messages
 * @param batchSize    how many messages one look takes at most
 * @param senders      how many batches this node sends at once (each over its own SMTP connection)
 * @param lease        how long a dispatcher holds a message it is sending before another node may take it over
 * @param maxAttempts  failed attempts before a message becomes a dead letter
 * @param firstRetry   the wait after the first failure; it doubles with each further failure
 * @param longestRetry the longest wait between attempts
 * @param watch                whether this node looks for missed promises to candidates
 * @param watchInterval        how often it looks at every kind of promise (decisions by their deadline too)
 * @param messageWatchInterval how often it looks for scheduled messages and announcements not gone a minute after
 *                             their time: an alert comes at most this long (and the look's few milliseconds) after
 *                             the minute's grace ends
 */
@ConfigurationProperties("hireflow.notifications")
public record NotificationProperties(
        @DefaultValue("no-reply@hireflow.local") String from,
        @DefaultValue("true") boolean dispatch,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8") int senders,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration longestRetry,
        @DefaultValue("true") boolean watch,
        @DefaultValue("1m") Duration watchInterval,
        @DefaultValue("5s") Duration messageWatchInterval) {

    String messageIdDomain() {
        int at = from.lastIndexOf('@');
        return at >= 0 ? from.substring(at + 1) : "hireflow.local";
    }

    Duration retryAfter(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
