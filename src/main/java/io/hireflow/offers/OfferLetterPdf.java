package io.hireflow.offers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Writes an offer letter as an A4 PDF: the organization's name, the title, paragraphs, a table of terms and a footer
 * with page numbers on every page, flowing onto as many pages as the text needs.
 * <p>
 * A reader's own fonts may have no Hangul, so the letter carries its font: NanumGothic (SIL Open Font License, its
 * text beside it in {@code offers/fonts}), embedded as a subset of the glyphs the letter uses, which keeps a page at
 * some tens of kilobytes instead of the font's 4.7 MB. The page is drawn with PDFBox directly, wrapping lines by the
 * font's measured widths, because one document of this shape does not justify an HTML-to-PDF library. Whatever
 * people typed must not make writing fail: a character the font cannot draw becomes {@code ?}.
 */
final class OfferLetterPdf {

    static final String FONT = "/offers/fonts/NanumGothic.ttf";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float LEFT = MARGIN;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    // the footer sits on the bottom margin, and the text stops a little above its rule
    private static final float FOOTER_BASELINE = MARGIN;
    private static final float FOOTER_RULE = MARGIN + 13;
    private static final float BOTTOM = MARGIN + 26;

    private static final float BODY = 10.5f;
    private static final float TITLE = 18;
    private static final float ORGANIZATION = 9.5f;
    private static final float FOOTER = 8;
    private static final float LINE_SPACING = 1.4f;
    // NanumGothic's typographic ascender is 800 of its 1,000 units: the baseline sits this far below a line's top
    private static final float ASCENT = 0.8f;
    private static final float LABEL_SHARE = 0.35f;
    private static final float COLUMN_GAP = 12;
    private static final float CELL_PADDING = 5;
    // one font file serves every weight: bold is the glyphs drawn with an outline this fraction of the size thick
    private static final float BOLD_STROKE = 0.03f;

    private static final float[] INK = {0.13f, 0.13f, 0.13f};
    private static final float[] MUTED = {0.42f, 0.42f, 0.42f};
    private static final float[] RULE = {0.8f, 0.8f, 0.8f};

    private OfferLetterPdf() {
    }

    /** One line of the terms table: a label and its value, both already in the letter's language. */
    record Term(String label, String value) {

        Term {
            label = Objects.requireNonNullElse(label, "");
            value = Objects.requireNonNullElse(value, "");
        }
    }

    /**
     * A letter with every text resolved: language "ko" or "en" (the PDF's /Lang), the document title (also the
     * heading, e.g. "처우 제안서" / "Offer letter"), the organization's name (shown at the top), the paragraphs before the
     * terms table, the terms, the paragraphs after it, and a footer line (e.g. "버전 2 · 2026-12-02 발송"). Paragraph
     * text may contain line breaks (a break starts a new line) and may be long (wrap it).
     */
    record Letter(String language, String title, String organizationName, List<String> before, List<Term> terms,
            List<String> after, String footer) {

        Letter {
            Objects.requireNonNull(language, "language");
            title = Objects.requireNonNullElse(title, "");
            organizationName = Objects.requireNonNullElse(organizationName, "");
            before = texts(before);
            terms = terms == null ? List.of() : terms.stream().filter(Objects::nonNull).toList();
            after = texts(after);
            footer = Objects.requireNonNullElse(footer, "");
        }

        private static List<String> texts(List<String> paragraphs) {
            return paragraphs == null ? List.of()
                    : paragraphs.stream().map(text -> Objects.requireNonNullElse(text, "")).toList();
        }
    }

    /** The letter as a PDF (A4), fonts embedded as subsets. */
    static byte[] write(Letter letter) {
        try (PDDocument document = new PDDocument()) {
            // parsed from the shared bytes without copying them; the subset is cut when the document is saved, and the
            // last argument asks for horizontal writing
            PDType0Font font = PDType0Font.load(document, new RandomAccessReadBuffer(LetterFont.BYTES), true, false);
            Pages pages = new Pages(document, font);
            pages.heading(letter.organizationName(), letter.title());
            for (String paragraph : letter.before()) {
                pages.paragraph(paragraph);
            }
            pages.terms(letter.terms());
            for (String paragraph : letter.after()) {
                pages.paragraph(paragraph);
            }
            pages.close();
            pages.footers(letter.footer());

            document.getDocumentInformation().setTitle(letter.title());
            document.getDocumentCatalog().setLanguage(letter.language());
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            document.getDocumentCatalog().setViewerPreferences(preferences);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return withTextOfGlyphs(bytes.toByteArray(), pages.textOfGlyphs);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the offer letter", e);
        }
    }

    /**
     * The PDF with its font's map from glyphs back to text (what copying and text extraction read) written from the
     * characters drawn. PDFBox writes that map from the font's own, taking the lowest of the characters that share a
     * glyph: NanumGothic draws U+0000 to U+001F with its space glyph and the soft hyphen with its en dash, so every
     * space would read back as U+0000. PDFBox writes the map while it cuts the subset, on saving, so the saved file is
     * corrected.
     */
    private static byte[] withTextOfGlyphs(byte[] pdf, Map<Integer, Integer> textOfGlyphs) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDStream map = new PDStream(document, new ByteArrayInputStream(toUnicode(textOfGlyphs)),
                    COSName.FLATE_DECODE);
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    resources.getFont(name).getCOSObject().setItem(COSName.TO_UNICODE, map);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    /** A ToUnicode CMap: each glyph (the font's CIDs are its glyph ids) to its character, in UTF-16. */
    private static byte[] toUnicode(Map<Integer, Integer> textOfGlyphs) {
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
        HexFormat hex = HexFormat.of().withUpperCase();
        List<Map.Entry<Integer, Integer>> entries = List.copyOf(new TreeMap<>(textOfGlyphs).entrySet());
        // a CMap lists at most 100 mappings per block
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(from + 100, entries.size()));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, Integer> entry : block) {
                String text = new String(Character.toChars(entry.getValue()));
                cmap.append('<').append(hex.toHexDigits(entry.getKey().shortValue())).append("> <")
                        .append(hex.formatHex(text.getBytes(StandardCharsets.UTF_16BE))).append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """);
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The text as the font can draw it on one line: composed (decomposed Hangul, as some systems store it, becomes
     * syllables), tabs as spaces, invisible format characters (zero-width joiners, variation selectors, byte order
     * marks) left out, and any other character without a glyph, control characters included, as {@code ?}.
     */
    static String drawable(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder drawable = new StringBuilder(composed.length());
        composed.codePoints().forEach(c -> {
            if (c == '\t') {
                drawable.append(' ');
            } else if (Character.isISOControl(c)) {
                drawable.append('?');
            } else if (Character.getType(c) == Character.FORMAT || isVariationSelector(c)) {
                return;
            } else if (LetterFont.glyph(c) != 0) {
                drawable.appendCodePoint(c);
            } else if (Character.isSpaceChar(c)) {
                drawable.append(' ');
            } else {
                drawable.append('?');
            }
        });
        return drawable.toString();
    }

    private static boolean isVariationSelector(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** The font's bytes and its character map, read once per JVM when the first letter is written. */
    private static final class LetterFont {

        static final byte[] BYTES = read();
        // the characters the font can draw, ascending, and the glyph of each
        private static final int[] CHARACTERS;
        private static final int[] GLYPHS;

        static {
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(BYTES))) {
                // the lookup PDFBox encodes text with, so a character has a glyph here exactly when it can be shown
                CmapLookup cmap = font.getUnicodeCmapLookup(false);
                int glyphCount = font.getNumberOfGlyphs();
                List<int[]> mapped = new ArrayList<>();
                for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
                    int glyph = cmap.getGlyphId(c);
                    if (glyph > 0 && glyph < glyphCount) {
                        mapped.add(new int[] {c, glyph});
                    }
                }
                CHARACTERS = mapped.stream().mapToInt(pair -> pair[0]).toArray();
                GLYPHS = mapped.stream().mapToInt(pair -> pair[1]).toArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The glyph that draws this character, or 0 when the font has none. */
        static int glyph(int c) {
            int i = Arrays.binarySearch(CHARACTERS, c);
            return i < 0 ? 0 : GLYPHS[i];
        }

        private static byte[] read() {
            try (InputStream in = OfferLetterPdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("The offer letter font is missing: " + FONT);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The pages being written, and where on the current one the next line goes. */
    private static final class Pages {

        private final PDDocument document;
        private final PDType0Font font;
        private final Map<Integer, Float> advances = new HashMap<>();
        // each glyph drawn and the character it was drawn for (the first, when several share one)
        final Map<Integer, Integer> textOfGlyphs = new HashMap<>();
        private PDPageContentStream out;
        private float y;

        Pages(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void heading(String organizationName, String title) throws IOException {
            if (!organizationName.isBlank()) {
                lines(wrap(organizationName, ORGANIZATION, WIDTH), LEFT, ORGANIZATION, MUTED, false);
                y -= 14;
            }
            lines(wrap(title, TITLE, WIDTH), LEFT, TITLE, INK, true);
            y -= 16;
        }

        void paragraph(String text) throws IOException {
            lines(wrap(text, BODY, WIDTH), LEFT, BODY, INK, false);
            y -= BODY * 0.6f;
        }

        void terms(List<Term> terms) throws IOException {
            if (terms.isEmpty()) {
                return;
            }
            float labelWidth = WIDTH * LABEL_SHARE;
            float valueX = LEFT + labelWidth;
            float lineHeight = BODY * LINE_SPACING;
            y -= BODY * 0.4f;
            boolean first = true;
            for (Term term : terms) {
                List<String> labels = wrap(term.label(), BODY, labelWidth - COLUMN_GAP);
                List<String> values = wrap(term.value(), BODY, WIDTH - labelWidth);
                int count = Math.max(labels.size(), values.size());
                float height = count * lineHeight + 2 * CELL_PADDING;
                // a row that fits on a page is kept whole; a longer one continues line by line on the next pages
                boolean onNewPage = room(height <= TOP - BOTTOM ? height : CELL_PADDING + 2 * lineHeight);
                if (first || onNewPage) {
                    rule(y);
                }
                first = false;
                y -= CELL_PADDING;
                for (int i = 0; i < count; i++) {
                    room(lineHeight);
                    if (i < labels.size()) {
                        line(labels.get(i), LEFT, BODY, INK, true);
                    }
                    if (i < values.size()) {
                        line(values.get(i), valueX, BODY, INK, false);
                    }
                    y -= lineHeight;
                }
                y -= CELL_PADDING;
                rule(y);
            }
            y -= BODY;
        }

        void close() throws IOException {
            out.close();
        }

        /** The footer and "page / pages" on every page, once the number of pages is known. */
        void footers(String footer) throws IOException {
            int count = document.getNumberOfPages();
            String text = drawable(footer.replaceAll("\\R", " ")).strip();
            for (int i = 0; i < count; i++) {
                String number = (i + 1) + " / " + count;
                float numberWidth = width(number, FOOTER);
                try (PDPageContentStream footerOut = new PDPageContentStream(document, document.getPage(i),
                        AppendMode.APPEND, true, true)) {
                    out = footerOut;
                    rule(FOOTER_RULE);
                    show(fitted(text, FOOTER, WIDTH - numberWidth - 2 * COLUMN_GAP), LEFT, FOOTER_BASELINE, FOOTER,
                            MUTED, false);
                    show(number, LEFT + WIDTH - numberWidth, FOOTER_BASELINE, FOOTER, MUTED, false);
                }
            }
        }

        private void lines(List<String> lines, float x, float size, float[] color, boolean bold) throws IOException {
            for (String line : lines) {
                room(size * LINE_SPACING);
                line(line, x, size, color, bold);
                y -= size * LINE_SPACING;
            }
        }

        /** Draws one line whose top is at the current position, without moving it. */
        private void line(String text, float x, float size, float[] color, boolean bold) throws IOException {
            float baseline = y - (size * LINE_SPACING - size) / 2 - size * ASCENT;
            show(text, x, baseline, size, color, bold);
        }

        private void show(String text, float x, float baseline, float size, float[] color, boolean bold)
                throws IOException {
            if (text.isEmpty()) {
                return;
            }
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color[0], color[1], color[2]);
            if (bold) {
                out.setStrokingColor(color[0], color[1], color[2]);
                out.setLineWidth(size * BOLD_STROKE);
                out.setRenderingMode(RenderingMode.FILL_STROKE);
            } else {
                out.setRenderingMode(RenderingMode.FILL);
            }
            out.newLineAtOffset(x, baseline);
            out.showText(text);
            text.codePoints().forEach(c -> textOfGlyphs.putIfAbsent(LetterFont.glyph(c), c));
            out.endText();
        }

        private void rule(float at) throws IOException {
            out.setStrokingColor(RULE[0], RULE[1], RULE[2]);
            out.setLineWidth(0.5f);
            out.moveTo(LEFT, at);
            out.lineTo(LEFT + WIDTH, at);
            out.stroke();
        }

        /** Starts a new page unless this much height is left on the current one; says whether it did. */
        private boolean room(float height) throws IOException {
            if (y - height >= BOTTOM) {
                return false;
            }
            out.close();
            newPage();
            return true;
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            y = TOP;
        }

        /**
         * The text in lines no wider than this: a line break in the text starts a new line, lines break at spaces,
         * and a run without spaces that is wider than a whole line (a long Korean phrase, an address) breaks between
         * any two characters, filling the line it starts on.
         */
        List<String> wrap(String text, float size, float width) {
            List<String> lines = new ArrayList<>();
            for (String paragraphLine : text.split("\\R", -1)) {
                wrapLine(drawable(paragraphLine), size, width, lines);
            }
            return lines;
        }

        private void wrapLine(String text, float size, float width, List<String> lines) {
            float space = width(" ", size);
            StringBuilder line = new StringBuilder();
            float used = 0;
            boolean started = false;
            for (String word : text.split(" ", -1)) {
                float wordWidth = width(word, size);
                if (!started) {
                    started = true;
                } else if (used + space + wordWidth <= width) {
                    line.append(' ');
                    used += space;
                } else if (wordWidth <= width) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    used = 0;
                } else {
                    line.append(' ');
                    used += space;
                }
                if (used + wordWidth <= width) {
                    line.append(word);
                    used += wordWidth;
                    continue;
                }
                for (int i = 0; i < word.length(); i += Character.charCount(word.codePointAt(i))) {
                    int c = word.codePointAt(i);
                    float advance = advance(c, size);
                    if (used + advance > width && !line.isEmpty()) {
                        lines.add(line.toString().stripTrailing());
                        line.setLength(0);
                        used = 0;
                    }
                    line.appendCodePoint(c);
                    used += advance;
                }
            }
            lines.add(line.toString().stripTrailing());
        }

        /** The text cut to this width, ending in an ellipsis when it had to be cut. */
        private String fitted(String text, float size, float width) {
            if (width(text, size) <= width) {
                return text;
            }
            float used = width("…", size);
            StringBuilder fitted = new StringBuilder();
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                used += advance(c, size);
                if (used > width) {
                    break;
                }
                fitted.appendCodePoint(c);
            }
            return fitted.toString().stripTrailing() + "…";
        }

        private float width(String text, float size) {
            float width = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                width += advance(text.codePointAt(i), size);
            }
            return width;
        }

        // PDFBox measures a string as the sum of its glyphs' advances (no kerning), so the sum is measured per glyph
        private float advance(int c, float size) {
            Float units = advances.get(c);
            if (units == null) {
                try {
                    units = font.getStringWidth(new String(Character.toChars(c)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                advances.put(c, units);
            }
            return units / 1000 * size;
        }
    }
}
