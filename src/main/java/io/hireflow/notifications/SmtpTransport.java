package io.hireflow.notifications;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.ClassUtils;

/**
 * Delivery over SMTP. A batch goes over one connection; a message the server refuses is reported on its own and
 * does not hold up the others. Each message carries its stored Message-ID, so a retry is the same email again.
 */
class SmtpTransport implements MailTransport {

    /** How many accepted messages are recorded at a time. */
    static final int REPORT_EVERY = 20;

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpTransport(JavaMailSenderImpl sender, String from) {
        this.sender = sender;
        this.from = from;
        // the name we greet the server with (EHLO); without one, every connection looks this host up in DNS first
        sender.getJavaMailProperties().putIfAbsent("mail.smtp.localhost", from.substring(from.lastIndexOf('@') + 1));
        nameStreamProvider();
    }

    /**
     * Jakarta Mail looks up its stream provider with a ServiceLoader for every body part it makes or writes, which in
     * a packaged application means scanning the nested jars each time: most of the cost of a message. Naming the
     * provider makes the lookup a plain class lookup.
     */
    private static void nameStreamProvider() {
        String property = StreamProvider.class.getName();
        String provider = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(property) == null
                && ClassUtils.isPresent(provider, SmtpTransport.class.getClassLoader())) {
            System.setProperty(property, provider);
        }
    }

    @Override
    public String name() {
        return "SMTP";
    }

    /**
     * Sends the batch over one connection, message after message. (Not through {@code JavaMailSender}, which asks
     * the server with a NOOP before every message whether the connection still stands: a round trip each.) A message
     * the server refuses fails alone; a lost connection is opened again once, and what still cannot go is retried
     * later.
     */
    @Override
    public Map<UUID, Failure> send(List<OutboundMessage> messages, Consumer<List<UUID>> accepted) {
        Map<UUID, Failure> failures = new HashMap<>();
        List<UUID> taken = new ArrayList<>();
        Transport transport = null;
        String unreachable = null;
        try {
            for (OutboundMessage message : messages) {
                if (unreachable != null) {
                    failures.put(message.id(), new Failure(unreachable, false));
                    continue;
                }
                MimeMessage mime;
                try {
                    mime = mime(message);
                    mime.saveChanges();
                } catch (MessagingException | UnsupportedEncodingException e) {
                    // an address that cannot be written down will not get better by waiting
                    failures.put(message.id(), new Failure(describe(e), true));
                    continue;
                }
                for (int attempt = 0; ; attempt++) {
                    if (transport == null) {
                        try {
                            transport = connect();
                        } catch (MessagingException e) {
                            // the server cannot be reached or refuses us: the rest of the batch waits too
                            unreachable = describe(e);
                            failures.put(message.id(), new Failure(unreachable, false));
                            break;
                        }
                    }
                    try {
                        transport.sendMessage(mime, mime.getAllRecipients());
                        taken.add(message.id());
                        if (taken.size() == REPORT_EVERY) {
                            accepted.accept(List.copyOf(taken));
                            taken.clear();
                        }
                        break;
                    } catch (SendFailedException e) {
                        failures.put(message.id(), new Failure(describe(e), permanent(e)));
                        break;
                    } catch (MessagingException e) {
                        // the connection may have dropped: open it again once for this message
                        close(transport);
                        transport = null;
                        if (attempt > 0) {
                            failures.put(message.id(), new Failure(describe(e), false));
                            break;
                        }
                    }
                }
            }
        } finally {
            close(transport);
            if (!taken.isEmpty()) {
                accepted.accept(List.copyOf(taken));
            }
        }
        return failures;
    }

    private Transport connect() throws MessagingException {
        Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp"
                : sender.getProtocol());
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the connection is going away anyway
            }
        }
    }

    /** The message as text and HTML alternatives of the same content. */
    private MimeMessage mime(OutboundMessage message) throws MessagingException, UnsupportedEncodingException {
        String utf8 = StandardCharsets.UTF_8.name();
        MimeMessage mime = new StableIdMessage(sender.getSession(), message.messageId());
        mime.setFrom(new InternetAddress(from));
        InternetAddress to = new InternetAddress(message.recipient(), message.recipientName(), utf8);
        to.validate();
        mime.setRecipient(Message.RecipientType.TO, to);
        mime.setSubject(message.subject(), utf8);
        mime.setSentDate(Date.from(message.createdAt()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.bodyText(), utf8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.bodyHtml(), utf8, "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        mime.setContent(alternatives);
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("Content-Language", message.language());
        return mime;
    }

    private static boolean permanent(Exception cause) {
        return cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0;
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

    /** A MIME message that keeps the Message-ID it was given instead of making a new one on each save. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
