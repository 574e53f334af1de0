package io.hireflow.notifications;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Delivery over SMTP. A batch goes over one connection; a message the server refuses is reported on its own and
 * does not hold up the others. Each message carries its stored Message-ID, so a retry is the same email again.
 */
class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpTransport(JavaMailSenderImpl sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public String name() {
        return "SMTP";
    }

    @Override
    public Map<UUID, Failure> send(List<OutboundMessage> messages) {
        Map<UUID, Failure> failures = new HashMap<>();
        Map<MimeMessage, UUID> built = new IdentityHashMap<>();
        List<MimeMessage> batch = new ArrayList<>();
        for (OutboundMessage message : messages) {
            try {
                MimeMessage mime = mime(message);
                built.put(mime, message.id());
                batch.add(mime);
            } catch (MessagingException | UnsupportedEncodingException e) {
                // an address that cannot be written down will not get better by waiting
                failures.put(message.id(), new Failure(describe(e), true));
            }
        }
        if (batch.isEmpty()) {
            return failures;
        }
        try {
            sender.send(batch.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((mime, cause) -> {
                UUID id = built.get(mime);
                if (id != null) {
                    failures.put(id, new Failure(describe(cause), permanent(cause)));
                }
            });
            if (e.getFailedMessages().isEmpty()) {
                built.values().forEach(id -> failures.put(id, new Failure(describe(e), false)));
            }
        } catch (MailException e) {
            // the server could not be reached or refused us: nothing of the batch went, all of it is retried
            built.values().forEach(id -> failures.put(id, new Failure(describe(e), false)));
        }
        return failures;
    }

    private MimeMessage mime(OutboundMessage message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new StableIdMessage(sender.getSession(), message.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(from));
        InternetAddress to = new InternetAddress(message.recipient(), message.recipientName(),
                StandardCharsets.UTF_8.name());
        to.validate();
        helper.setTo(to);
        helper.setSubject(message.subject());
        helper.setText(message.bodyText(), message.bodyHtml());
        helper.setSentDate(java.util.Date.from(message.createdAt()));
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
