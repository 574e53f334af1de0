package io.hireflow.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.hireflow.ApiTest;
import io.hireflow.shared.OrganizationId;

/**
 * Candidates' documents are read in the background into text, and a broken or hostile file fails that one document
 * within the time limit, without disturbing the others or the round that reads them.
 */
class DocumentTextExtractionTests extends ApiTest {

    private static final Logger log = LoggerFactory.getLogger(DocumentTextExtractionTests.class);

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private CandidateProperties properties;
    @Autowired
    private DocumentTextExtraction extraction;
    @Autowired
    private DocumentTexts texts;

    private OrganizationId organization;
    private UUID candidate;

    @BeforeEach
    void candidateWithNothingElseWaiting() {
        organization = new OrganizationId(UUID.fromString(organizations.create().id()));
        candidate = UUID.randomUUID();
        jdbc.sql("""
                insert into candidate (id, organization_id, name, email, created_at, updated_at)
                values (?, ?, '김지원', ?, now(), now())""")
                .params(candidate, organization.value(), "jiwon-" + candidate + "@example.com").update();
        // other tests leave uploads waiting in the shared database; each test here reads only its own
        while (extraction.extractPending() > 0) {
            log.debug("read documents other tests left waiting");
        }
    }

    @Test
    void readsTheKoreanAndEnglishTextOfAPdf() {
        UUID pdf = store(DocumentFixtures.textPdf(false, "김지원 Kim Jiwon\nDevOps 엔지니어 · Kubernetes",
                "Seoul, 2024"), DocumentType.PDF);

        assertThat(texts.text(organization, pdf)).isEmpty();
        assertThat(extraction.extractPending()).isEqualTo(1);

        assertThat(status(pdf)).isEqualTo("DONE");
        assertThat(texts.text(organization, pdf)).hasValueSatisfying(text -> assertThat(text)
                .contains("김지원", "Kim Jiwon", "DevOps 엔지니어", "Kubernetes", "Seoul"));
        OrganizationId other = new OrganizationId(UUID.fromString(organizations.create().id()));
        assertThat(texts.text(other, pdf)).isEmpty();
    }

    @Test
    void readsWaitingDocumentsOnItsOwnOnceStarted() throws Exception {
        DocumentTextExtraction node = new DocumentTextExtraction(jdbc, transactions, new CandidateProperties(true,
                Duration.ofMillis(100), 10, Duration.ofMinutes(2), Duration.ofSeconds(20), 200_000), Clock.systemUTC());
        node.start();
        try {
            UUID pdf = store(DocumentFixtures.textPdf(false, "김지원"), DocumentType.PDF);

            await().atMost(Duration.ofSeconds(10)).until(() -> status(pdf).equals("DONE"));
            assertThat(texts.text(organization, pdf)).hasValue("김지원");
        } finally {
            node.stop();
            node.destroy();
        }
        assertThat(node.isRunning()).isFalse();
    }

    @Test
    void readsTheTextOfADocx() {
        UUID written = store(DocumentFixtures.docxWithText("김지원 — 플랫폼 엔지니어", "Terraform & PostgreSQL <on call>"),
                DocumentType.DOCX);
        UUID minimal = store(DocumentFixtures.docx(Map.of()), DocumentType.DOCX);

        assertThat(extraction.extractPending()).isEqualTo(2);

        assertThat(texts.text(organization, written)).hasValueSatisfying(text -> assertThat(text)
                .contains("김지원", "플랫폼 엔지니어", "Terraform & PostgreSQL <on call>"));
        assertThat(texts.text(organization, minimal)).hasValueSatisfying(text -> assertThat(text)
                .contains("김지원", "DevOps Engineer"));
    }

    @Test
    void keepsTheBeginningOfAVeryLongDocument() {
        byte[] resume = DocumentFixtures.resumePdf(16, false);
        byte[] book = DocumentFixtures.resumePdf(120, true);
        UUID usual = store(resume, DocumentType.PDF);

        long started = System.nanoTime();
        assertThat(extraction.extractPending()).isEqualTo(1);
        log.info("a {} KB resume of 16 pages read in {} ms", resume.length / 1024, millisSince(started));
        UUID endless = store(book, DocumentType.PDF);
        started = System.nanoTime();
        assertThat(extraction.extractPending()).isEqualTo(1);
        log.info("a {} KB PDF of 120 pages read to the limit in {} ms", book.length / 1024, millisSince(started));

        assertThat(status(usual)).isEqualTo("DONE");
        assertThat(texts.text(organization, usual).orElseThrow()).startsWith("김지원 Kim Jiwon")
                .contains("Page 16 line 50");
        assertThat(status(endless)).isEqualTo("DONE");
        String text = texts.text(organization, endless).orElseThrow();
        assertThat(text).startsWith("김지원 Kim Jiwon").doesNotContain("Page 120 line");
        assertThat(text.length()).isBetween(properties.maxTextChars() - 1_000, properties.maxTextChars());
    }

    @Test
    void aPdfThatDrawsMillionsOfGlyphsOnOnePageIsCutAtTheTextLimit() {
        // some ten kilobytes; kept glyph by glyph, as a page's text is before it is written, it fills a 512 MB heap
        byte[] bomb = DocumentFixtures.glyphBombPdf(20_000_000);
        UUID id = store(bomb, DocumentType.PDF);

        long started = System.nanoTime();
        extraction.extractPending();
        log.info("a {} KB PDF drawing 20 million glyphs read to the limit in {} ms", bomb.length / 1024,
                millisSince(started));

        assertThat(status(id)).isEqualTo("DONE");
        assertThat(texts.text(organization, id).orElseThrow()).hasSize(properties.maxTextChars()).matches("a+");
    }

    @Test
    void aPdfWhoseStreamsUnpackToTooMuchFails() {
        // a hundred kilobytes whose page content unpacks to 100 MB, all of it one string that a PDF reader holds whole
        byte[] bomb = DocumentFixtures.glyphBombPdf(100_000_000);
        UUID id = store(bomb, DocumentType.PDF);

        long started = System.nanoTime();
        assertThat(extraction.extractPending()).isEqualTo(1);
        log.info("a {} KB PDF unpacking to 100 MB failed in {} ms", bomb.length / 1024, millisSince(started));

        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(error(id)).isEqualTo("unpacks to too much (zip bomb)");
    }

    @Test
    void aMalformedPdfFailsOnItsOwn() {
        UUID broken = store(DocumentFixtures.malformedPdf(), DocumentType.PDF);
        UUID fine = store(DocumentFixtures.textPdf(false, "김지원"), DocumentType.PDF);

        assertThat(extraction.extractPending()).isEqualTo(2);

        assertThat(status(broken)).isEqualTo("FAILED");
        assertThat(error(broken)).startsWith("unreadable PDF (").hasSizeLessThan(80).doesNotContain("\n", "at ");
        assertThat(texts.text(organization, broken)).isEmpty();
        assertThat(status(fine)).isEqualTo("DONE");
    }

    @Test
    void zipBombsFailWithinTheTimeout() {
        // stored directly, as if the upload checks had let them through
        UUID zeros = store(DocumentFixtures.zipBomb(), DocumentType.DOCX);
        UUID wellFormed = store(DocumentFixtures.docxBomb(200L * 1024 * 1024), DocumentType.DOCX);

        long started = System.nanoTime();
        assertThat(extraction.extractPending()).isEqualTo(2);
        long millis = millisSince(started);
        log.info("two zip bombs of 200 MB failed in {} ms", millis);

        assertThat(millis).isLessThan(properties.timeout().toMillis());
        assertThat(status(zeros)).isEqualTo("FAILED");
        assertThat(error(zeros)).isEqualTo("unpacks to too much (zip bomb)");
        assertThat(status(wellFormed)).isEqualTo("FAILED");
        assertThat(error(wellFormed)).isEqualTo("unpacks to too much (zip bomb)");
    }

    @Test
    void aDocumentThatTakesTooLongFailsWhenItsTimeIsUp() throws Exception {
        UUID slow = store(DocumentFixtures.resumePdf(120, true), DocumentType.PDF);
        DocumentTextExtraction impatient = new DocumentTextExtraction(jdbc, transactions, new CandidateProperties(
                false, Duration.ofSeconds(2), 10, Duration.ofMinutes(2), Duration.ofMillis(5), 200_000),
                Clock.systemUTC());
        try {
            long started = System.nanoTime();
            assertThat(impatient.extractPending()).isEqualTo(1);
            log.info("a document over its time failed {} ms after its round started", millisSince(started));
            assertThat(millisSince(started)).isLessThan(2_000);
        } finally {
            impatient.destroy();
        }

        assertThat(status(slow)).isEqualTo("FAILED");
        assertThat(error(slow)).isEqualTo("timed out after 0.005 s");
    }

    @Test
    void aDocumentLeftBehindByANodeThatDiedIsReadAgain() {
        UUID abandoned = store(DocumentFixtures.textPdf(false, "김지원"), DocumentType.PDF);
        UUID beingRead = store(DocumentFixtures.textPdf(false, "김지원"), DocumentType.PDF);
        extracting(abandoned, Instant.now().minus(properties.lease()).minusSeconds(1), 1);
        extracting(beingRead, Instant.now().minusSeconds(10), 1);

        assertThat(extraction.extractPending()).isEqualTo(1);

        assertThat(status(abandoned)).isEqualTo("DONE");
        assertThat(attempts(abandoned)).isEqualTo(2);
        assertThat(texts.text(organization, abandoned)).hasValueSatisfying(text -> assertThat(text).contains("김지원"));
        assertThat(status(beingRead)).isEqualTo("EXTRACTING");
        // not left for a later test's round to find
        jdbc.sql("update candidate_document set text_status = 'FAILED' where id = ?").param(beingRead).update();
    }

    @Test
    void aDocumentThatKeepsBeingLeftBehindIsGivenUp() {
        UUID poison = store(DocumentFixtures.textPdf(false, "김지원"), DocumentType.PDF);
        extracting(poison, Instant.now().minus(properties.lease()).minusSeconds(1),
                DocumentTextExtraction.MAX_ATTEMPTS);

        assertThat(extraction.extractPending()).isEqualTo(1);

        assertThat(status(poison)).isEqualTo("FAILED");
        assertThat(error(poison)).isEqualTo("gave up after 3 attempts");
    }

    @Test
    void roundsRunningAtOnceNeverReadTheSameDocumentTwice() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(store(i % 2 == 0 ? DocumentFixtures.textPdf(false, "김지원 " + i)
                    : DocumentFixtures.docxWithText("김지원 " + i), i % 2 == 0 ? DocumentType.PDF : DocumentType.DOCX));
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> rounds = () -> {
            start.await();
            int handled = 0;
            for (int round = extraction.extractPending(); round > 0; round = extraction.extractPending()) {
                handled += round;
            }
            return handled;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(rounds);
            Future<Integer> second = threads.submit(rounds);
            start.countDown();

            assertThat(first.get() + second.get()).isEqualTo(ids.size());
        } finally {
            threads.shutdownNow();
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(status(ids.get(i))).isEqualTo("DONE");
            assertThat(attempts(ids.get(i))).isEqualTo(1);
            assertThat(texts.text(organization, ids.get(i)).orElseThrow()).isEqualTo("김지원 " + i);
        }
    }

    private UUID store(byte[] content, DocumentType type) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into candidate_document (id, organization_id, candidate_id, kind, original_name, media_type,
                    size_bytes, sha256, content, created_at)
                values (?, ?, ?, 'RESUME', ?, ?, ?, 'not checked', ?, now())""")
                .params(id, organization.value(), candidate, "resume." + type.extension(), type.mediaType(),
                        content.length, content)
                .update();
        return id;
    }

    private void extracting(UUID id, Instant startedAt, int attempts) {
        jdbc.sql("""
                update candidate_document set text_status = 'EXTRACTING', text_started_at = ?, text_attempts = ?
                where id = ?""")
                .params(Timestamp.from(startedAt), attempts, id).update();
    }

    private String status(UUID id) {
        return jdbc.sql("select text_status from candidate_document where id = ?").param(id).query(String.class)
                .single();
    }

    private String error(UUID id) {
        return jdbc.sql("select text_error from candidate_document where id = ?").param(id).query(String.class)
                .single();
    }

    private int attempts(UUID id) {
        return jdbc.sql("select text_attempts from candidate_document where id = ?").param(id).query(Integer.class)
                .single();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
