package io.hireflow.notifications;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for missed promises to candidates every {@code hireflow.notifications.watch-interval}, and for announcements
 * whose writing stopped with a node that died.
 */
@Component
class PromiseWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PromiseWatch.class);

    private final Promises promises;
    private final Announcements announcements;
    private final NotificationProperties properties;
    private ScheduledExecutorService executor;

    PromiseWatch(Promises promises, Announcements announcements, NotificationProperties properties) {
        this.promises = promises;
        this.announcements = announcements;
        this.properties = properties;
    }

    private void look() {
        try {
            announcements.resumeStalled();
        } catch (RuntimeException e) {
            log.warn("Finishing stalled announcements failed: {}", e.getMessage());
        }
        try {
            promises.watch();
        } catch (RuntimeException e) {
            // the next look catches up; a promise is noticed by its key, never twice
            log.warn("Looking for missed promises failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.watch() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "promise-watch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.watchInterval().toMillis();
        executor.scheduleWithFixedDelay(this::look, interval, interval, TimeUnit.MILLISECONDS);
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
