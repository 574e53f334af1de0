package io.hireflow.notifications;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for missed promises to candidates: every {@code hireflow.notifications.message-watch-interval} (5 s) for
 * scheduled messages and announcements a minute past their time, so that a release that did not go is alerted within
 * seconds of its grace ending; every {@code hireflow.notifications.watch-interval} (1 min) for every kind of promise,
 * decisions included, and for announcements whose writing stopped with a node that died. Both run on one thread, so a
 * node never runs two looks at once; across nodes each miss is acted on once (its key in {@code missed_promise}).
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
        timed("full", promises::watch);
    }

    private void lookAtMessages() {
        timed("message", promises::watchMessages);
    }

    private void timed(String look, java.util.function.IntSupplier watch) {
        try {
            long started = System.nanoTime();
            int noticed = watch.getAsInt();
            // how long a look takes is what its interval is weighed against (bench/promise-watch.sh reads this line)
            log.debug("Promise watch: {} look took {} us, noticed {}", look, (System.nanoTime() - started) / 1_000,
                    noticed);
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
        long quick = properties.messageWatchInterval().toMillis();
        executor.scheduleWithFixedDelay(this::lookAtMessages, quick, quick, TimeUnit.MILLISECONDS);
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
