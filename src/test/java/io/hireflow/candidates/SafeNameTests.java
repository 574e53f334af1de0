package io.hireflow.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name a file is kept under: never a path, never a header, always the extension of what it really is. */
class SafeNameTests {

    @Test
    void namesLoseTheirPathsControlCharactersAndFalseExtensions() {
        assertThat(CandidateDocuments.safeName("../../etc/passwd", DocumentType.PDF)).isEqualTo("passwd.pdf");
        assertThat(CandidateDocuments.safeName("C:\\Users\\kim\\이력서.pdf", DocumentType.PDF)).isEqualTo("이력서.pdf");
        assertThat(CandidateDocuments.safeName("a\"; filename=evil.html", DocumentType.DOCX))
                .isEqualTo("a\"; filename=evil.docx");
        assertThat(CandidateDocuments.safeName("cv\r\nSet-Cookie: x=1.pdf", DocumentType.PDF))
                .isEqualTo("cvSet-Cookie: x=1.pdf");
        assertThat(CandidateDocuments.safeName("..", DocumentType.PDF)).isEqualTo("document.pdf");
        assertThat(CandidateDocuments.safeName(null, DocumentType.PDF)).isEqualTo("document.pdf");
        assertThat(CandidateDocuments.safeName("x".repeat(500) + ".pdf", DocumentType.PDF)).hasSize(144);
    }
}
