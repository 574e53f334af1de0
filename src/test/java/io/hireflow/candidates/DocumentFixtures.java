package io.hireflow.candidates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files for tests, built in code: no binary file, and certainly no zip bomb, is ever kept in the repository. */
public final class DocumentFixtures {

    static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml"
             ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>""";
    static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Target="word/document.xml"
             Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
            </Relationships>""";
    static final String DOCUMENT = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:body><w:p><w:r><w:t>김지원 — DevOps Engineer</w:t></w:r></w:p></w:body>
            </w:document>""";

    private DocumentFixtures() {
    }

    public static byte[] minimalPdf() {
        return ascii("""
                %PDF-1.4
                1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
                2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
                3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
                xref
                0 4
                0000000000 65535 f\s
                0000000009 00000 n\s
                0000000058 00000 n\s
                0000000115 00000 n\s
                trailer <</Size 4 /Root 1 0 R>>
                startxref
                186
                %%EOF
                """);
    }

    /** A minimal Word document plus these parts. */
    public static byte[] docx(Map<String, byte[]> extraParts) {
        Map<String, byte[]> parts = entries("[Content_Types].xml", CONTENT_TYPES, "_rels/.rels", RELS,
                "word/document.xml", DOCUMENT);
        parts.putAll(extraParts);
        return zip(parts);
    }

    public static Map<String, byte[]> entries(String... namesAndTexts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip whose entries hold this many zero bytes each, streamed in so that none is ever held in memory. */
    public static byte[] zipOfZeros(Map<String, Long> sizes) {
        byte[] zeros = new byte[64 * 1024];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            for (Map.Entry<String, Long> entry : sizes.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                for (long left = entry.getValue(); left > 0; left -= zeros.length) {
                    zip.write(zeros, 0, (int) Math.min(zeros.length, left));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] zipBomb() {
        return zipOfZeros(Map.of("word/document.xml", 200L * 1024 * 1024));
    }

    /** A Word document whose body has these paragraphs. */
    public static byte[] docxWithText(String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(xmlText(paragraph))
                    .append("</w:t></w:r></w:p>");
        }
        return zip(entries("[Content_Types].xml", CONTENT_TYPES, "_rels/.rels", RELS, "word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                <w:body>%s</w:body>
                </w:document>""".formatted(body)));
    }

    /**
     * A Word document that is complete and well-formed but whose one paragraph unpacks to this many bytes of text: a
     * zip bomb that only looking at how much it unpacks to gives away. Streamed, so it is never held unpacked.
     */
    public static byte[] docxBomb(long textBytes) {
        byte[] letters = new byte[64 * 1024];
        Arrays.fill(letters, (byte) 'a');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries("[Content_Types].xml", CONTENT_TYPES, "_rels/.rels", RELS)
                    .entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                    + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    + "<w:body><w:p><w:r><w:t>")
                    .getBytes(StandardCharsets.UTF_8));
            for (long left = textBytes; left > 0; left -= letters.length) {
                zip.write(letters, 0, (int) Math.min(letters.length, left));
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A PDF that starts and ends like one (so the upload check lets it through) with random bytes between: what a
     * damaged or hostile file looks like to a parser.
     */
    public static byte[] malformedPdf() {
        byte[] garbage = new byte[64 * 1024];
        new Random(17).nextBytes(garbage);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(ascii("%PDF-1.7\n"));
        bytes.writeBytes(garbage);
        bytes.writeBytes(ascii("\n%%EOF\n"));
        return bytes.toByteArray();
    }

    /**
     * A PDF with one page per text (lines split at new lines). The font maps each character code to the character of
     * the same number (a ToUnicode table over the whole Basic Multilingual Plane), so a reader finds exactly this text,
     * Korean as well as English, without any font file; {@code compressed} packs the pages' content streams.
     */
    public static byte[] textPdf(boolean compressed, String... pages) {
        List<byte[]> objects = new ArrayList<>();
        int pageCount = pages.length;
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pageCount; i++) {
            kids.append(7 + 2 * i).append(" 0 R ");
        }
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [" + kids + "] /Count " + pageCount + " >>"));
        objects.add(ascii("<< /Type /Font /Subtype /Type0 /BaseFont /HireflowTest /Encoding /Identity-H "
                + "/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"));
        objects.add(ascii("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /HireflowTest /CIDSystemInfo "
                + "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 600 "
                + "/CIDToGIDMap /Identity >>"));
        objects.add(ascii("<< /Type /FontDescriptor /FontName /HireflowTest /Flags 4 /FontBBox [0 -200 1000 900] "
                + "/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"));
        objects.add(stream(ascii(identityToUnicode()), false));
        for (int i = 0; i < pageCount; i++) {
            objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
                    + ">> >> /Contents " + (8 + 2 * i) + " 0 R >>"));
            StringBuilder content = new StringBuilder("BT /F1 10 Tf 12 TL 40 800 Td\n");
            for (String line : pages[i].split("\n")) {
                content.append('<').append(HexFormat.of().formatHex(line.getBytes(StandardCharsets.UTF_16BE)))
                        .append("> Tj T*\n");
            }
            content.append("ET\n");
            objects.add(stream(ascii(content.toString()), compressed));
        }
        return pdf(objects);
    }

    /**
     * A PDF of a few kilobytes whose one page draws this many glyphs, from one packed content stream: a bomb for a
     * reader that keeps every glyph of a page before it writes the page's text.
     */
    public static byte[] glyphBombPdf(long glyphs) {
        byte[] letters = new byte[64 * 1024];
        Arrays.fill(letters, (byte) 'a');
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write(ascii("BT /F1 10 Tf 40 800 Td ("));
            for (long left = glyphs; left > 0; left -= letters.length) {
                out.write(letters, 0, (int) Math.min(letters.length, left));
            }
            out.write(ascii(") Tj ET\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = packed.toByteArray();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(ascii("<< /Length " + body.length + " /Filter /FlateDecode >>\nstream\n"));
        content.writeBytes(body);
        content.writeBytes(ascii("\nendstream"));
        return pdf(List.of(ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                        + "/Contents 4 0 R >>"),
                content.toByteArray(),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")));
    }

    // numbers the objects from 1 in order, and writes the cross-reference table and trailer after them
    private static byte[] pdf(List<byte[]> objects) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.7\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(ascii((i + 1) + " 0 obj\n"));
            pdf.writeBytes(objects.get(i));
            pdf.writeBytes(ascii("\nendobj\n"));
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f\r\n");
        for (int offset : offsets) {
            table.append("%010d 00000 n\r\n".formatted(offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        pdf.writeBytes(ascii(table.toString()));
        return pdf.toByteArray();
    }

    /**
     * A resume of this many pages, each with fifty lines of Korean and English (about 12 KB a page uncompressed, so
     * sixteen pages make a 200 KB file).
     */
    public static byte[] resumePdf(int pageCount, boolean compressed) {
        String[] pages = new String[pageCount];
        for (int page = 0; page < pageCount; page++) {
            StringBuilder text = new StringBuilder(page == 0 ? "김지원 Kim Jiwon — DevOps Engineer\n" : "");
            for (int line = 0; line < 50; line++) {
                text.append("Page ").append(page + 1).append(" line ").append(line + 1)
                        .append(": 쿠버네티스 클러스터 운영, Terraform and PostgreSQL on call, 장애 대응 개선\n");
            }
            pages[page] = text.toString();
        }
        return textPdf(compressed, pages);
    }

    private static byte[] stream(byte[] data, boolean compressed) {
        byte[] body = data;
        String filter = "";
        if (compressed) {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(packed)) {
                out.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            body = packed.toByteArray();
            filter = " /Filter /FlateDecode";
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(ascii("<< /Length " + body.length + filter + " >>\nstream\n"));
        stream.writeBytes(body);
        stream.writeBytes(ascii("\nendstream"));
        return stream.toByteArray();
    }

    // every two-byte code stands for the character of the same number; surrogate codes stand for nothing
    private static String identityToUnicode() {
        List<String> ranges = new ArrayList<>();
        for (int high = 0; high < 0x100; high++) {
            if (high < 0xD8 || high > 0xDF) {
                ranges.add("<%02X00> <%02XFF> <%02X00>".formatted(high, high, high));
            }
        }
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        for (int start = 0; start < ranges.size(); start += 100) {
            List<String> block = ranges.subList(start, Math.min(ranges.size(), start + 100));
            cmap.append(block.size()).append(" beginbfrange\n").append(String.join("\n", block))
                    .append("\nendbfrange\n");
        }
        return cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end""").toString();
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
