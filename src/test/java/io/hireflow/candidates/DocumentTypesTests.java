package io.hireflow.candidates;

import static io.hireflow.candidates.DocumentFixtures.CONTENT_TYPES;
import static io.hireflow.candidates.DocumentFixtures.DOCUMENT;
import static io.hireflow.candidates.DocumentFixtures.RELS;
import static io.hireflow.candidates.DocumentFixtures.docx;
import static io.hireflow.candidates.DocumentFixtures.entries;
import static io.hireflow.candidates.DocumentFixtures.minimalPdf;
import static io.hireflow.candidates.DocumentFixtures.zip;
import static io.hireflow.candidates.DocumentFixtures.zipOfZeros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;

/** Every fixture is built here, so no binary file, and certainly no zip bomb, is ever kept in the repository. */
class DocumentTypesTests {

    private static final String FIELD = "resume";
    private static final int MB = 1024 * 1024;

    // --- PDF

    @Test
    void aMinimalPdfIsAPdf() {
        DocumentType type = DocumentTypes.detect(FIELD, minimalPdf());

        assertThat(type).isEqualTo(DocumentType.PDF);
        assertThat(type.mediaType()).isEqualTo("application/pdf");
        assertThat(type.extension()).isEqualTo("pdf");
    }

    @Test
    void aLongPdfIsFoundByTheMarkerAtItsEnd() {
        byte[] pdf = concat(ascii("%PDF-1.7\n"), filler(200_000), ascii("\ntrailer<<>>\n%%EOF\n"));

        assertThat(DocumentTypes.detect(FIELD, pdf)).isEqualTo(DocumentType.PDF);
    }

    @Test
    void aPdfCutOffBeforeItsEndIsRefusedAsABrokenPdf() {
        byte[] pdf = minimalPdf();

        assertRefused(Arrays.copyOf(pdf, pdf.length / 2), "validation.file.pdf");
        // the only end marker is too far from the end: what follows it was cut off or tacked on
        assertRefused(concat(pdf, filler(4096)), "validation.file.pdf");
    }

    @Test
    void htmlSavedAsPdfIsRefused() {
        assertRefused(ascii("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
                "validation.file.type");
        // a PDF with a page in front of it, which a lenient reader would still open
        assertRefused(concat(ascii("<html><script>alert(1)</script>\n"), minimalPdf()), "validation.file.type");
    }

    @Test
    void executablesRenamedToPdfAreRefused() {
        byte[] elf = concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, new byte[56], minimalPdf());
        byte[] pe = concat(ascii("MZ"), new byte[] {(byte) 0x90, 0, 3, 0}, new byte[58],
                ascii("This program cannot be run in DOS mode.\r\n"), ascii("PE\0\0"), minimalPdf());

        assertRefused(elf, "validation.file.type");
        assertRefused(pe, "validation.file.type");
    }

    @Test
    void plainTextAndImagesAreRefused() {
        assertRefused("이력서\n김지원\nDevOps Engineer\n".getBytes(StandardCharsets.UTF_8), "validation.file.type");
        assertRefused(concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, new byte[32]),
                "validation.file.type");
        assertRefused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'},
                "validation.file.type");
        assertRefused(ascii("%PDF"), "validation.file.type");
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() {
        assertRefused(new byte[0], "validation.file.empty");
        assertRefused(null, "validation.file.empty");
    }

    // --- DOCX

    @Test
    void aMinimalDocxIsADocx() {
        DocumentType type = DocumentTypes.detect(FIELD, docx(Map.of()));

        assertThat(type).isEqualTo(DocumentType.DOCX);
        assertThat(type.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(type.extension()).isEqualTo("docx");
    }

    @Test
    void aDocxWithALargePartThatPacksLikeRealContentIsADocx() {
        // 3 MB that hardly packs at all: large entries are fine as long as they are not bombs
        byte[] noise = new byte[3 * MB];
        new Random(42).nextBytes(noise);

        assertThat(DocumentTypes.detect(FIELD, docx(Map.of("word/media/image1.png", noise))))
                .isEqualTo(DocumentType.DOCX);
    }

    @Test
    void aDocxWithAsManyEntriesAsAllowedIsADocx() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < DocumentTypes.MAX_ENTRIES - 3; i++) {
            parts.put("word/media/image" + i + ".png", ascii("x"));
        }

        assertThat(DocumentTypes.detect(FIELD, docx(parts))).isEqualTo(DocumentType.DOCX);
    }

    @Test
    void somethingThatOnlyStartsLikeAZipIsRefusedAsABrokenDocx() {
        assertRefused(concat(new byte[] {'P', 'K', 3, 4}, ascii("this is not a zip at all, just text")),
                "validation.file.docx");
        assertRefused(new byte[] {'P', 'K', 5, 6}, "validation.file.docx");
    }

    @Test
    void textRenamedToDocxIsRefusedAsNotADocumentAtAll() {
        assertRefused(ascii("Dear hiring manager,\nplease find my resume attached.\n"), "validation.file.type");
    }

    @Test
    void aZipWithoutTheWordPartsIsRefusedAsABrokenDocx() {
        assertRefused(zip(entries("[Content_Types].xml", CONTENT_TYPES, "_rels/.rels", RELS)), "validation.file.docx");
        assertRefused(zip(entries("_rels/.rels", RELS, "word/document.xml", DOCUMENT)), "validation.file.docx");
        assertRefused(zip(entries("resume.txt", "김지원")), "validation.file.docx");
    }

    @Test
    void aCorruptZipIsRefusedAsABrokenDocx() {
        byte[] docx = docx(Map.of("word/styles.xml", filler(50_000)));

        // cut off inside an entry, and cut off inside the central directory after all entries
        assertRefused(Arrays.copyOf(docx, docx.length / 2), "validation.file.docx");
        assertRefused(Arrays.copyOf(docx, docx.length - 30), "validation.file.docx");
        // packed data damaged in the middle
        byte[] damaged = docx.clone();
        for (int i = docx.length / 2; i < docx.length / 2 + 64; i++) {
            damaged[i] ^= 0x5a;
        }
        assertRefused(damaged, "validation.file.docx");
    }

    @Test
    void aLegacyOrEncryptedWordFileIsRefused() {
        byte[] ole = concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1}, new byte[4096]);

        assertRefused(ole, "validation.file.type");
    }

    // --- unsafe archives

    @Test
    void aZipBombIsRefusedQuicklyWithoutUnpackingIt() {
        long started = System.nanoTime();
        byte[] bomb = zipOfZeros(Map.of("[Content_Types].xml", 0L, "word/document.xml", 200L * MB));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("building the bomb").isLessThan(seconds(2));
        assertThat(bomb.length).as("packed size").isLessThan(MB);

        assertTimeoutPreemptively(seconds(3), () -> assertRefused(bomb, "validation.file.archive"));
    }

    @Test
    void aSingleLargeEntryThatPacksTooWellIsRefusedEvenUnderTheTotalLimit() {
        byte[] bomb = zipOfZeros(Map.of("[Content_Types].xml", 0L, "word/document.xml", 20L * MB));

        assertRefused(bomb, "validation.file.archive");
    }

    @Test
    void manyEntriesThatEachStayUnderTheRatioCheckAreRefusedOnceTheTotalPassesTheLimit() {
        Map<String, Long> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", 0L);
        entries.put("word/document.xml", 0L);
        for (int i = 0; i <= DocumentTypes.MAX_TOTAL_UNCOMPRESSED / MB; i++) {
            entries.put("word/media/zeros" + i + ".bin", (long) MB);
        }
        byte[] bomb = zipOfZeros(entries);

        assertTimeoutPreemptively(seconds(5), () -> assertRefused(bomb, "validation.file.archive"));
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < 2_000; i++) {
            parts.put("word/media/image" + i + ".png", ascii("x"));
        }

        assertRefused(docx(parts), "validation.file.archive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil.txt", "word/../../evil.txt", "..", "/etc/cron.d/evil", "C:/evil.txt",
        "word\\..\\..\\evil.txt", "word/evil\0.xml", ""})
    void anEntryNameThatCouldEscapeTheFolderIsRefused(String name) {
        assertRefused(docx(Map.of(name, ascii("owned"))), "validation.file.archive");
    }

    @Test
    void anEntryNamedTwiceIsRefused() {
        assertRefused(docx(Map.of("WORD/DOCUMENT.XML", ascii("<other/>"))), "validation.file.archive");
    }

    @Test
    void nestedArchivesAreLeftAlone() {
        byte[] inner = zip(entries("a.txt", "a"));

        assertThat(DocumentTypes.detect(FIELD, docx(Map.of("word/embeddings/package.zip", inner))))
                .isEqualTo(DocumentType.DOCX);
    }

    // --- fixtures

    private static void assertRefused(byte[] content, String code) {
        assertThatThrownBy(() -> DocumentTypes.detect(FIELD, content))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(tuple(FIELD, code)));
    }

    /** Text that packs the way real prose and markup do: not random, not one byte over and over. */
    private static byte[] filler(int length) {
        StringBuilder text = new StringBuilder(length + 64);
        Random random = new Random(7);
        String[] words = {"kubernetes", "운영", "pipeline", "terraform", "모니터링", "incident", "on-call", "AWS"};
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
        }
        return Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
