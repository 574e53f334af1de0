package io.hireflow.offers;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Expires offers not answered by the end of their expiry day: every {@code hireflow.offers.expiry-interval} (a
 * minute) on every node; one statement takes the due offers, so each is expired, and its people told, once. Being
 * the data's, the expiry survives restarts; an offer due while every node was down expires at the next look, and
 * cannot be accepted meanwhile ({@link Offers#accept} checks the time itself).
 */
@Component
class OfferExpiry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

    private final Offers offers;
    private final boolean enabled;
    private final long intervalMillis;
    private ScheduledExecutorService executor;

    OfferExpiry(Offers offers, @Value("${hireflow.offers.expiry-watch:true}") boolean enabled,
            @Value("${hireflow.offers.expiry-interval:60s}") java.time.Duration interval) {
        this.offers = offers;
        this.enabled = enabled;
        this.intervalMillis = interval.toMillis();
    }

    private void look() {
        try {
            int expired = offers.expireDue();
            if (expired > 0) {
                log.info("Offers expired: {}", expired);
            }
        } catch (RuntimeException e) {
            // the next look takes them: nothing was marked
            log.warn("Expiring offers failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "offer-expiry");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::look, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
