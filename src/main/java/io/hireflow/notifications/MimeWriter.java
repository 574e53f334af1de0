package io.hireflow.notifications;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Writes a stored message as the email the candidate receives (RFC 5322 with MIME): the text and HTML parts as
 * alternatives of the same content, UTF-8 and base64, headers in RFC 2047 encoded words where they are not plain
 * ASCII. Every line of the result is ASCII and shorter than 78 characters, and none starts with a dot, so it can go
 * over SMTP as it is (no 8BITMIME needed, no dot-stuffing).
 */
final class MimeWriter {

    /** Plain addresses only: no display-name tricks, comments, quoting or line breaks can reach a header. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PLAIN_HEADER_TEXT = Pattern.compile("[\\x20-\\x7E]{0,900}");
    private static final Pattern ATOM_TEXT = Pattern.compile("[A-Za-z0-9 !#$%&'*+/=?^_`{|}~-]*");
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Base64.Encoder BODY = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});
    private static final Base64.Encoder WORD = Base64.getEncoder();
    /** Base64 never contains a dash, so this boundary cannot occur inside a part. */
    private static final String BOUNDARY = "=_hireflow-alternative";
    private static final String MIXED = "=_hireflow-mixed";
    /** The most UTF-8 bytes one encoded word carries: 64 characters, so that a header line stays within 76. */
    private static final int WORD_BYTES = 39;

    private MimeWriter() {
    }

    /** Whether SMTP can carry this address as it is. */
    static boolean deliverable(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    static byte[] write(OutboundMessage message, String from) {
        StringBuilder out = new StringBuilder(4096);
        header(out, "Date", DATE.format(message.createdAt()));
        header(out, "From", from);
        header(out, "To", mailbox(message.recipientName(), message.recipient()));
        header(out, "Message-ID", message.messageId());
        header(out, "Subject", text(message.subject()));
        header(out, "MIME-Version", "1.0");
        Attachment attachment = message.attachment();
        header(out, "Content-Type", attachment == null ? alternative() : "multipart/mixed; boundary=\"" + MIXED + "\"");
        header(out, "Content-Language", message.language());
        header(out, "Auto-Submitted", "auto-generated");
        out.append("\r\n");
        if (attachment != null) {
            out.append("--").append(MIXED).append("\r\n");
            header(out, "Content-Type", alternative());
            out.append("\r\n");
        }
        part(out, BOUNDARY, "text/plain; charset=UTF-8", message.bodyText().getBytes(StandardCharsets.UTF_8), null);
        part(out, BOUNDARY, "text/html; charset=UTF-8", message.bodyHtml().getBytes(StandardCharsets.UTF_8), null);
        out.append("--").append(BOUNDARY).append("--\r\n");
        if (attachment != null) {
            // the file name is Hireflow's own (invite.ics, offer-v2.pdf), plain ASCII
            part(out, MIXED, attachment.contentType() + (attachment.text() ? "; charset=UTF-8" : ""),
                    attachment.content(), attachment.name());
            out.append("--").append(MIXED).append("--\r\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String alternative() {
        return "multipart/alternative; boundary=\"" + BOUNDARY + "\"";
    }

    private static void header(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append("\r\n");
    }

    private static void part(StringBuilder out, String boundary, String type, byte[] content, String fileName) {
        out.append("--").append(boundary).append("\r\n");
        header(out, "Content-Type", type);
        header(out, "Content-Transfer-Encoding", "base64");
        if (fileName != null) {
            header(out, "Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        out.append("\r\n");
        String encoded = BODY.encodeToString(content);
        out.append(encoded);
        if (!encoded.isEmpty()) {
            out.append("\r\n");
        }
    }

    /** {@code Name <address>}, the name quoted or encoded as it needs. */
    private static String mailbox(String name, String address) {
        if (name == null || name.isBlank()) {
            return "<" + address + ">";
        }
        String shown = ATOM_TEXT.matcher(name).matches() && name.length() <= 64 ? name : encoded(name);
        return shown + " <" + address + ">";
    }

    /** Header text as it is when it is short plain ASCII, else as encoded words on folded lines. */
    static String text(String value) {
        if (PLAIN_HEADER_TEXT.matcher(value).matches() && value.length() <= 60) {
            return value;
        }
        return encoded(value);
    }

    /** RFC 2047 B-encoded words of whole characters, one per line after the first. */
    private static String encoded(String value) {
        StringBuilder out = new StringBuilder(value.length() * 2);
        ByteArrayOutputStream word = new ByteArrayOutputStream(WORD_BYTES);
        int i = 0;
        while (i < value.length()) {
            int codePoint = value.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            byte[] bytes = value.substring(i, next).getBytes(StandardCharsets.UTF_8);
            if (word.size() + bytes.length > WORD_BYTES) {
                appendWord(out, word);
            }
            word.writeBytes(bytes);
            i = next;
        }
        appendWord(out, word);
        return out.toString();
    }

    private static void appendWord(StringBuilder out, ByteArrayOutputStream word) {
        if (word.size() == 0) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\r\n ");
        }
        out.append("=?UTF-8?B?").append(WORD.encodeToString(word.toByteArray())).append("?=");
        word.reset();
    }
}
