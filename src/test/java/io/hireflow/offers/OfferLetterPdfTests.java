package io.hireflow.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.hireflow.offers.OfferLetterPdf.Letter;
import io.hireflow.offers.OfferLetterPdf.Term;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** Offer letters as PDFs: Korean that reads back exactly, an embedded subset font, pages that flow and are numbered. */
class OfferLetterPdfTests {

    static final String OTHER_TERMS = ("입사일 이전에 건강검진 결과를 제출해야 하며, 수습 기간은 3개월입니다. 재택근무는 주 2회까지 "
            + "가능하고, 장비(노트북, 모니터)는 회사가 제공합니다. ").repeat(30);

    static Letter korean() {
        return new Letter("ko", "처우 제안서", "주식회사 하이어플로우",
                List.of("김지원 님께", "DevOps 엔지니어 포지션에 합격하신 것을 축하드립니다. 아래와 같이 처우를 제안드립니다.\n"
                        + "궁금한 점은 언제든지 채용 담당자에게 문의해 주세요."),
                List.of(new Term("직무", "DevOps 엔지니어"), new Term("연봉", "65,000,000원"),
                        new Term("Annual salary", "KRW 65,000,000"), new Term("입사 예정일", "2027년 1월 4일")),
                List.of("이 제안은 2026년 12월 16일까지 유효합니다."), "버전 2 · 2026-12-02 발송");
    }

    static Letter longKorean() {
        List<String> before = new ArrayList<>(korean().before());
        for (int i = 1; i <= 8; i++) {
            before.add(i + ". 회사는 관련 법령과 취업규칙에 따라 근로조건을 정하며, 본 제안서에 적히지 않은 사항은 근로계약서와 회사의 "
                    + "규정을 따릅니다. 근로계약서는 입사일에 서면으로 교부합니다.");
        }
        List<Term> terms = new ArrayList<>(korean().terms());
        terms.add(new Term("기타 조건", OTHER_TERMS));
        return new Letter("ko", "처우 제안서", "주식회사 하이어플로우", before, terms, korean().after(), korean().footer());
    }

    @Test
    void theFontCoversEveryModernHangulSyllableLatinDigitsAndCommonPunctuation() throws IOException {
        try (InputStream in = OfferLetterPdf.class.getResourceAsStream(OfferLetterPdf.FONT);
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            List<Integer> missing = new ArrayList<>();
            for (int c = 0xAC00; c <= 0xD7A3; c++) {
                if (cmap.getGlyphId(c) == 0) {
                    missing.add(c);
                }
            }
            for (int c = 0x20; c <= 0x7E; c++) {
                if (cmap.getGlyphId(c) == 0) {
                    missing.add(c);
                }
            }
            "·–—‘’“”…₩※「」『』〈〉《》【】○●□■△▲☆★※→←↑↓×÷±°%‰℃"
                    .codePoints().filter(c -> cmap.getGlyphId(c) == 0).forEach(missing::add);
            assertThat(missing).isEmpty();
        }
        assertThat(OfferLetterPdf.class.getResource("/offers/fonts/OFL.txt")).isNotNull();
    }

    @Test
    void aKoreanLetterReadsBackExactly() throws IOException {
        byte[] pdf = OfferLetterPdf.write(korean());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text.lines().map(String::strip)).contains("주식회사 하이어플로우", "처우 제안서", "김지원 님께",
                    "궁금한 점은 언제든지 채용 담당자에게 문의해 주세요.", "직무 DevOps 엔지니어", "연봉 65,000,000원",
                    "Annual salary KRW 65,000,000", "이 제안은 2026년 12월 16일까지 유효합니다.",
                    "버전 2 · 2026-12-02 발송 1 / 1");
            assertThat(text).contains("김지원", "65,000,000원", "KRW 65,000,000");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ko");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("처우 제안서");
            PDRectangle a4 = document.getPage(0).getMediaBox();
            assertThat(new float[] {a4.getWidth(), a4.getHeight()})
                    .containsExactly(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }

    @Test
    void theFontIsEmbeddedAsASubsetSoAPageStaysSmall() throws IOException {
        byte[] pdf = OfferLetterPdf.write(korean());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = fonts(document.getPage(0));
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NanumGothic");
            });
        }
        assertThat(pdf.length).isLessThan(100 * 1024);
    }

    @Test
    void aLongLetterFlowsOntoNumberedPages() throws IOException {
        byte[] pdf = OfferLetterPdf.write(longKorean());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document).strip()).endsWith("버전 2 · 2026-12-02 발송 " + page + " / " + pages);
            }
            String text = new PDFTextStripper().getText(document);
            String withoutFooters = text.replaceAll("버전 2 · 2026-12-02 발송 \\d+ / \\d+", "");
            assertThat(withoutSpaces(withoutFooters)).contains(withoutSpaces(OTHER_TERMS));
            assertThat(text).contains("65,000,000원", "KRW 65,000,000");
        }
    }

    @Test
    void linesStayWithinTheMarginsEvenForRunsWithoutSpaces() throws IOException {
        String unbroken = "하이어플로우채용플랫폼".repeat(20);
        String url = "https://careers.example.com/" + "very-long-path-segment-".repeat(12);
        Letter letter = new Letter("ko", "처우 제안서 " + unbroken, unbroken, List.of(unbroken, url),
                List.of(new Term(unbroken, unbroken), new Term("링크", url)), List.of(OTHER_TERMS), unbroken);

        try (PDDocument document = Loader.loadPDF(OfferLetterPdf.write(letter))) {
            List<TextPosition> glyphs = glyphs(document);
            assertThat(glyphs).isNotEmpty().allSatisfy(glyph -> {
                assertThat(glyph.getXDirAdj()).isGreaterThanOrEqualTo(56 - 0.5f);
                assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThanOrEqualTo(595.28f - 56 + 0.5f);
                assertThat(glyph.getYDirAdj()).isBetween(56f, 841.89f - 56 + 0.5f);
            });
            String text = new PDFTextStripper().getText(document);
            assertThat(withoutSpaces(text)).contains(unbroken, withoutSpaces(url));
        }
    }

    @Test
    void anEnglishLetterWorksToo() throws IOException {
        Letter letter = new Letter("en", "Offer letter", "Hireflow Inc.",
                List.of("Dear Jiwon Kim,", "We are delighted to offer you the position of DevOps Engineer. "
                        + "This letter sets out the terms of our offer, which we hope you will find attractive."),
                List.of(new Term("Position", "DevOps Engineer"), new Term("Annual salary", "KRW 65,000,000")),
                List.of("This offer is valid until 16 December 2026."), "Version 2 · sent 2026-12-02");

        try (PDDocument document = Loader.loadPDF(OfferLetterPdf.write(letter))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text.lines().map(String::strip)).contains("Hireflow Inc.", "Offer letter", "Dear Jiwon Kim,",
                    "Annual salary KRW 65,000,000", "This offer is valid until 16 December 2026.",
                    "Version 2 · sent 2026-12-02 1 / 1");
            assertThat(text.replaceAll("\\s+", " ")).contains("We are delighted to offer you the position of DevOps "
                    + "Engineer. This letter sets out the terms of our offer, which we hope you will find attractive.");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Offer letter");
        }
    }

    @Test
    void charactersTheFontCannotDrawBecomeQuestionMarks() throws IOException {
        String typed = "축하합니다 🎉 벨\u0007소리\t탭 깨진\uD800글자 👍🏽 ❤️ 가족👨‍👩‍👧";
        Letter letter = new Letter("ko", "제안 🎉", "회사\u0000", List.of(typed), List.of(new Term("😀", typed)),
                List.of(), "발송 🚀");

        assertThatCode(() -> OfferLetterPdf.write(letter)).doesNotThrowAnyException();
        try (PDDocument document = Loader.loadPDF(OfferLetterPdf.write(letter))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("축하합니다 ? 벨?소리 탭 깨진?글자 ?? ", "제안 ?", "회사?", "발송 ?");
        }
        assertThat(OfferLetterPdf.drawable("가족👨‍👩‍👧")).isEqualTo("가족???");
        assertThat(OfferLetterPdf.drawable("a\tb\u200Bc\uFEFF")).isEqualTo("a bc");
    }

    @Test
    void charactersThatShareAGlyphReadBackAsWritten() throws IOException {
        // the font draws U+0000 to U+001F with its space glyph, the soft hyphen with its en dash, 一 with the radical ⼀
        String written = "김지원(金智媛) – 근무 기간 1월 ～ 3월 · 一";
        Letter letter = new Letter("ko", "처우 제안서", "", List.of(written), List.of(), List.of(), "");

        try (PDDocument document = Loader.loadPDF(OfferLetterPdf.write(letter))) {
            assertThat(new PDFTextStripper().getText(document).lines()).contains(written);
        }
    }

    @Test
    void decomposedHangulIsWrittenAsSyllables() throws IOException {
        String decomposed = Normalizer.normalize("김지원", Normalizer.Form.NFD);
        Letter letter = new Letter("ko", "처우 제안서", "", List.of(decomposed + " 님께"), List.of(), List.of(), "");

        try (PDDocument document = Loader.loadPDF(OfferLetterPdf.write(letter))) {
            assertThat(new PDFTextStripper().getText(document)).contains("김지원 님께");
        }
    }

    private static List<PDFont> fonts(PDPage page) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
        }
        return fonts;
    }

    private static List<TextPosition> glyphs(PDDocument document) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.getText(document);
        return glyphs;
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }
}
