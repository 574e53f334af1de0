package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hireflow.TestNodes;
import io.hireflow.shared.Ids;

/**
 * The SMTP client and the emails it writes, against Postfix's {@code smtp-sink}: a real server that offers
 * PIPELINING (GreenMail, used by the other delivery tests, does not). Skipped with a message where Postfix is not
 * installed; CI installs it.
 */
class SmtpTransportTests {

    private static final String SINK = "/usr/sbin/smtp-sink";
    private static final String FROM = "no-reply@hireflow.local";

    @TempDir
    Path directory;

    @Test
    void aPipelinedBatchArrivesWholeEachMessageOnceWithItsMessageIdAndContent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(SINK)),
                "Postfix's smtp-sink is not installed (apt-get install -y postfix); skipping the pipelining test");
        int port = TestNodes.freePort();
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path dump = directory.resolve("dump");
        Process sink = new ProcessBuilder(SINK, "-u", "nobody", "-D", dump.toString(), "127.0.0.1:" + port, "100")
                .redirectErrorStream(true).redirectOutput(directory.resolve("sink.log").toFile()).start();
        try {
            awaitListening(port);
            List<OutboundMessage> messages = IntStream.range(0, 60).mapToObj(i -> message("지원자" + i,
                    "candidate" + i + "@example.com")).toList();
            List<UUID> accepted = new ArrayList<>();
            Map<UUID, MailTransport.Failure> failures;
            try (SmtpTransport transport = new SmtpTransport(settings(port), FROM)) {
                failures = transport.send(messages, accepted::addAll);
            }

            assertThat(failures).isEmpty();
            assertThat(accepted).containsExactlyInAnyOrderElementsOf(messages.stream().map(OutboundMessage::id)
                    .toList());
            List<MimeMessage> received = readDump(dump, messages.size());
            assertThat(received).extracting(MimeMessage::getMessageID)
                    .containsExactlyInAnyOrderElementsOf(messages.stream().map(OutboundMessage::messageId).toList());
            MimeMessage first = received.stream().filter(m -> id(m).equals(messages.get(0).messageId())).findFirst()
                    .orElseThrow();
            OutboundMessage sent = messages.get(0);
            assertThat(first.getSubject()).isEqualTo(sent.subject());
            assertThat(((InternetAddress) first.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                    .isEqualTo("지원자0");
            Multipart parts = (Multipart) first.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getBodyPart(0).getContent()).isEqualTo(sent.bodyText());
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(parts.getBodyPart(1).getContent()).isEqualTo(sent.bodyHtml());
            assertThat(first.getHeader("Content-Language", null)).isEqualTo("ko");
        } finally {
            sink.destroy();
            sink.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAddressThatCouldCarryCommandsIsRefusedForGoodWithoutReachingTheServer() {
        for (String address : List.of("a@b.com>\r\nRCPT TO:<x@evil.com", "a b@example.com", "nobody", "a@b",
                "김@example.com", "")) {
            assertThat(MimeWriter.deliverable(address)).as(address).isFalse();
        }
        assertThat(MimeWriter.deliverable("first.last+tag@mail.example.co.kr")).isTrue();
        // nothing listens on this port: had the address been tried, the failure would not be permanent
        try (SmtpTransport transport = new SmtpTransport(settings(1), FROM)) {
            OutboundMessage bad = message("x", "a@b.com>\r\nRCPT TO:<x@evil.com");
            Map<UUID, MailTransport.Failure> failures = transport.send(List.of(bad), ids -> {
            });
            assertThat(failures.get(bad.id()).permanent()).isTrue();
        }
    }

    @Test
    void theWrittenEmailReadsBackAsWrittenWhateverTheSubjectAndName() throws Exception {
        String subject = "[무브온 모빌리티] DevOps Engineer 과제 전형 결과 안내 — \"서류\" 합격을 축하드립니다! "
                .repeat(3) + "😀";
        OutboundMessage message = new OutboundMessage(Ids.newId(), null, null, MessageEvent.STAGE_PASSED, "ko",
                "hong@example.com", "홍 \"길동\", <Gil-dong>", subject, "본문\r\n.\r\n둘째 줄", "<p>본문</p>",
                "<" + UUID.randomUUID() + "@hireflow.local>", MessageStatus.SENDING, null, null, 1, null, null, null,
                Instant.parse("2026-12-02T07:00:00Z"), null, null, 1, null);
        byte[] written = MimeWriter.write(message, FROM);

        String text = new String(written, StandardCharsets.US_ASCII);
        for (String line : text.split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
            assertThat(line).doesNotStartWith(".");
        }
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(written));
        assertThat(parsed.getSubject()).isEqualTo(subject);
        InternetAddress to = (InternetAddress) parsed.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("홍 \"길동\", <Gil-dong>");
        assertThat(to.getAddress()).isEqualTo("hong@example.com");
        assertThat(parsed.getMessageID()).isEqualTo(message.messageId());
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(message.createdAt());
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("본문\r\n.\r\n둘째 줄");
    }

    @Test
    void anInviteTravelsAsACalendarPartBesideTheTextAndHtml() throws Exception {
        String ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:1차 기술면접\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n";
        OutboundMessage message = new OutboundMessage(Ids.newId(), null, null, MessageEvent.INTERVIEW_INVITED, "ko",
                "hong@example.com", "홍길동", "면접 안내", "본문", "<p>본문</p>", "<" + UUID.randomUUID()
                        + "@hireflow.local>", MessageStatus.SENDING, null, null, 1, null, null, null,
                Instant.parse("2026-12-02T07:00:00Z"), null, null, 1, Attachment.calendar(ics, false));
        byte[] written = MimeWriter.write(message, FROM);
        for (String line : new String(written, StandardCharsets.US_ASCII).split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
        }
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(written));
        assertThat(parsed.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("본문");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        var invite = mixed.getBodyPart(1);
        assertThat(invite.getContentType()).startsWith("text/calendar; method=REQUEST");
        assertThat(invite.getFileName()).isEqualTo("invite.ics");
        assertThat(new String(invite.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ics);
    }

    @Test
    void aLetterTravelsAsItsBytesWithoutACharset() throws Exception {
        byte[] pdf = new byte[3000];
        new java.util.Random(7).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        OutboundMessage message = new OutboundMessage(Ids.newId(), null, null, MessageEvent.OFFER_SENT, "ko",
                "hong@example.com", "홍길동", "처우 제안", "본문", "<p>본문</p>", "<" + UUID.randomUUID()
                        + "@hireflow.local>", MessageStatus.SENDING, null, null, 1, null, null, null,
                Instant.parse("2026-12-02T07:00:00Z"), null, null, 1, Attachment.pdf("offer-v1.pdf", pdf));
        byte[] written = MimeWriter.write(message, FROM);
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(written));
        var letter = ((Multipart) parsed.getContent()).getBodyPart(1);
        assertThat(letter.getContentType()).isEqualTo("application/pdf");
        assertThat(letter.getFileName()).isEqualTo("offer-v1.pdf");
        assertThat(letter.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    private static OutboundMessage message(String name, String address) {
        UUID id = Ids.newId();
        return new OutboundMessage(id, null, null, MessageEvent.STAGE_PASSED, "ko", address, name,
                "[무브온 모빌리티] 서류 전형 결과 안내 " + name, name + "님, 서류 전형에 합격하셨습니다.\n다음 단계는 과제입니다.",
                "<p><strong>" + name + "</strong>님, 서류 전형에 합격하셨습니다.</p>", "<" + id + "@hireflow.local>",
                MessageStatus.SENDING, null, null, 1, null, null, null, Instant.now(), null, null, 1, null);
    }

    private static SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, false, false, false, null, null, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10), "hireflow.local");
    }

    /** smtp-sink appends each transaction to the dump file, headed by its envelope; split and parse them. */
    private static List<MimeMessage> readDump(Path dump, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<MimeMessage> messages = List.of();
        while (System.nanoTime() < deadline) {
            messages = parseDump(dump);
            if (messages.size() >= expected) {
                break;
            }
            Thread.sleep(100);
        }
        return messages;
    }

    private static List<MimeMessage> parseDump(Path dump) throws Exception {
        if (!Files.exists(dump)) {
            return List.of();
        }
        String all = Files.readString(dump, StandardCharsets.ISO_8859_1);
        List<MimeMessage> messages = new ArrayList<>();
        for (String transaction : all.split("(?m)^(?=X-Client-Addr: )")) {
            int headers = transaction.indexOf("Date: ");
            if (headers < 0 || !transaction.contains("--=_hireflow-alternative--")) {
                continue;
            }
            String content = transaction.substring(headers).replaceAll("(?<!\r)\n", "\r\n");
            messages.add(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1))));
        }
        return messages;
    }

    private static String id(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("smtp-sink did not start on port " + port);
    }
}
