package io.hireflow.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due: takes a batch from the outbox (its own short transaction), hands it to the transport, and
 * records each message's outcome. Runs on every node that has {@code hireflow.notifications.dispatch} on; the outbox
 * makes sure each message is taken by one node at a time. Because a message's time is read from the database on
 * every look, one scheduled before a restart goes out within one poll interval of its minute after the restart.
 */
@Component
class MessageDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);

    private final Outbox outbox;
    private final MailTransport transport;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private ScheduledExecutorService executor;

    MessageDispatcher(Outbox outbox, MailTransport transport, NotificationProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends every message that is due now; answers how many were taken. */
    int dispatchDue() {
        int taken = 0;
        while (true) {
            List<OutboundMessage> batch = transactions.execute(status -> outbox.claim(clock.instant(),
                    properties.batchSize()));
            if (batch == null || batch.isEmpty()) {
                return taken;
            }
            taken += batch.size();
            // accepted messages are recorded as they go, so that a node dying mid-batch leaves few to send again
            Map<UUID, MailTransport.Failure> failures = transport.send(batch, accepted -> transactions
                    .executeWithoutResult(status -> outbox.sent(accepted, transport.name(), clock.instant())));
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                for (OutboundMessage message : batch) {
                    MailTransport.Failure failure = failures.get(message.id());
                    if (failure != null) {
                        outbox.failed(message, failure.error(), failure.permanent(), now);
                    }
                }
            });
            if (!failures.isEmpty()) {
                log.warn("{} of {} messages were not delivered; first: {}", failures.size(), batch.size(),
                        failures.values().iterator().next().error());
            }
            if (batch.size() < properties.batchSize()) {
                return taken;
            }
        }
    }

    private void tick() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next tick tries again and nothing was lost
            log.warn("Message dispatch failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.dispatch() || executor != null) {
            return;
        }
        // several senders, each with its own connection to the mail server; the outbox gives them disjoint batches
        int senders = Math.max(1, properties.senders());
        executor = Executors.newScheduledThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "message-sender");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        // a bulk write (an announcement) sets as many senders going as it fills batches, without waiting for a look
        outbox.onBulkQueued(count -> wake(Math.min(senders, (count + properties.batchSize() - 1)
                / properties.batchSize())));
        for (int i = 0; i < senders; i++) {
            executor.scheduleWithFixedDelay(this::tick, interval * i / senders + 1, interval, TimeUnit.MILLISECONDS);
        }
        log.info("Sending messages through {} with {} senders, looking every {} ms", transport.name(), senders,
                interval);
    }

    private synchronized void wake(int senders) {
        if (executor != null) {
            for (int i = 0; i < senders; i++) {
                executor.execute(this::tick);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            outbox.onBulkQueued(count -> {
            });
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
