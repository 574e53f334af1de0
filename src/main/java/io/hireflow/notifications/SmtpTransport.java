package io.hireflow.notifications;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivery over SMTP. A batch goes over one connection, pipelined where the server allows it; a message the server
 * refuses is reported on its own and does not hold up the others. Each message carries its stored Message-ID, so a
 * retry is the same email again.
 */
class SmtpTransport implements MailTransport, AutoCloseable {

    /**
     * Accepted messages are recorded a hundred at a time, or sooner when a quarter of a second has passed since the
     * last record. Each record is a database transaction, which costs more than sending a message; what a node that
     * dies sends again (as the same emails) is at most one record's worth per connection.
     */
    static final int REPORT_EVERY = 100;
    static final long REPORT_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final SmtpSettings settings;
    private final String from;
    private final Set<SmtpSession> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watch;

    SmtpTransport(SmtpSettings settings, String from) {
        if (!MimeWriter.deliverable(from)) {
            throw new IllegalArgumentException("The sender address is not a plain email address: " + from);
        }
        this.settings = settings;
        this.from = from;
        // sockets have no write time-out of their own: once a second, close any connection stuck in a write
        this.watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smtp-write-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            open.stream().filter(session -> session.stuckWriting(now)).forEach(SmtpSession::close);
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public String name() {
        return "SMTP";
    }

    /**
     * Sends the batch over one connection. A lost connection is opened again once; the messages whose fate it left
     * unknown, and whatever still cannot go, are retried later (with the same Message-ID).
     */
    @Override
    public Map<UUID, Failure> send(List<OutboundMessage> messages, Consumer<List<UUID>> accepted) {
        Batch batch = new Batch(accepted);
        SmtpSession session = null;
        boolean dropped = false;
        try {
            for (OutboundMessage message : messages) {
                if (batch.unreachable != null) {
                    batch.failures.put(message.id(), new Failure(batch.unreachable, false));
                } else if (!MimeWriter.deliverable(message.recipient())) {
                    batch.failures.put(message.id(), new Failure("Not an address mail can be sent to: "
                            + message.recipient(), true));
                } else {
                    try {
                        if (session == null) {
                            session = connect();
                        }
                        transaction(session, batch, new Transaction(message, batch));
                    } catch (IOException e) {
                        // what was in flight may or may not have arrived: it goes again later, as the same email
                        String error = describe(e);
                        batch.unfinished(error);
                        batch.failures.putIfAbsent(message.id(), new Failure(error, false));
                        if (session == null || dropped) {
                            // the server cannot be reached, or dropped us twice: the rest of the batch waits too
                            batch.unreachable = error;
                        }
                        disconnect(session);
                        session = null;
                        dropped = true;
                    }
                }
            }
            if (session != null) {
                try {
                    session.sync();
                } catch (IOException e) {
                    batch.unfinished(describe(e));
                }
            }
        } finally {
            if (session != null) {
                open.remove(session);
                session.quit();
            }
            batch.report();
        }
        return batch.failures;
    }

    private SmtpSession connect() throws IOException {
        SmtpSession session = SmtpSession.open(settings);
        open.add(session);
        return session;
    }

    private void disconnect(SmtpSession session) {
        if (session != null) {
            open.remove(session);
            session.close();
        }
    }

    /**
     * One message: MAIL, RCPT and DATA go out together (with the previous message's content ahead of them), and this
     * message's content waits to go with the next one's commands.
     */
    private void transaction(SmtpSession session, Batch batch, Transaction transaction) throws IOException {
        batch.inFlight.add(transaction);
        session.command("MAIL FROM:<" + from + ">", transaction::mail);
        session.command("RCPT TO:<" + transaction.message.recipient() + ">", transaction::recipient);
        session.command("DATA", transaction::data);
        session.sync();
        if (transaction.sendContent) {
            // a server that says go ahead after refusing the recipient gets an empty message, which it then refuses
            session.content(transaction.refusal == null ? MimeWriter.write(transaction.message, from) : new byte[0],
                    transaction::finish);
        } else {
            transaction.finish(null);
            session.command("RSET", reply -> {
            });
        }
    }

    /** The outcome of a batch as it goes. */
    private static final class Batch {

        final Map<UUID, Failure> failures = new HashMap<>();
        final Set<UUID> taken = new LinkedHashSet<>();
        final Set<Transaction> inFlight = new LinkedHashSet<>();
        final List<UUID> toReport = new ArrayList<>();
        final Consumer<List<UUID>> accepted;
        long reportedAt = System.nanoTime();
        String unreachable;

        Batch(Consumer<List<UUID>> accepted) {
            this.accepted = accepted;
        }

        void accept(UUID id) {
            taken.add(id);
            toReport.add(id);
            if (toReport.size() >= REPORT_EVERY || System.nanoTime() - reportedAt >= REPORT_AFTER_NANOS) {
                report();
            }
        }

        void report() {
            if (!toReport.isEmpty()) {
                accepted.accept(List.copyOf(toReport));
                toReport.clear();
            }
            reportedAt = System.nanoTime();
        }

        void unfinished(String error) {
            for (Transaction transaction : inFlight) {
                failures.put(transaction.message.id(), new Failure(error, false));
            }
            inFlight.clear();
        }
    }

    /** What the server said to one message's commands. */
    private static final class Transaction {

        final OutboundMessage message;
        final Batch batch;
        Failure refusal;
        boolean sendContent;

        Transaction(OutboundMessage message, Batch batch) {
            this.message = message;
            this.batch = batch;
        }

        void mail(SmtpSession.Reply reply) {
            // a refused sender is not this message's fault: it is tried again later
            refuse(reply, "sender", false);
        }

        void recipient(SmtpSession.Reply reply) {
            refuse(reply, "recipient", reply.permanent());
        }

        void data(SmtpSession.Reply reply) {
            sendContent = reply.code() == 354;
            if (!sendContent) {
                refuse(reply, "message", reply.permanent());
            }
        }

        void finish(SmtpSession.Reply reply) {
            batch.inFlight.remove(this);
            if (refusal == null && reply != null && !reply.positive()) {
                refuse(reply, "message", reply.permanent());
            }
            if (refusal != null) {
                batch.failures.put(message.id(), refusal);
            } else if (reply != null) {
                batch.accept(message.id());
            }
        }

        private void refuse(SmtpSession.Reply reply, String what, boolean permanent) {
            if (!reply.positive() && refusal == null) {
                refusal = new Failure("The mail server refused the " + what + ": " + reply, permanent);
            }
        }
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null && text.length() < 1000; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" / ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        watch.shutdownNow();
        open.forEach(SmtpSession::close);
    }
}
