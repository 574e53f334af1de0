package io.hireflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTests {

    @Test
    void rendersHeadingsListsAndEmphasis() {
        String html = Markdown.toSafeHtml("## 주요 업무\n\n- Kubernetes 운영\n- **AWS** 인프라");

        assertThat(html).contains("<h2>주요 업무</h2>", "<li>Kubernetes 운영</li>", "<strong>AWS</strong>");
    }

    @Test
    void escapesAScriptInsteadOfRunningIt() {
        String html = Markdown.toSafeHtml("Hello <script>alert('x')</script>\n\n<script>alert(1)</script>");

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void escapesRawHtmlAttributesThatCouldRunScript() {
        String html = Markdown.toSafeHtml("<img src=x onerror=alert(1)> and <a href=\"javascript:alert(1)\">x</a>");

        assertThat(html).doesNotContain("<img", "<a ").contains("&lt;img");
    }

    @Test
    void dropsAJavascriptLinkButKeepsAWebLink() {
        String html = Markdown.toSafeHtml("[click](javascript:alert(1)) [careers](https://example.com/jobs) "
                + "![pic](javascript:alert(2)) [upper](JaVaScRiPt:alert(3))");

        assertThat(html.toLowerCase()).doesNotContain("javascript:");
        assertThat(html).contains("href=\"https://example.com/jobs\"", "rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void rendersNothingForNoText() {
        assertThat(Markdown.toSafeHtml(null)).isEmpty();
        assertThat(Markdown.toSafeHtml("  \n ")).isEmpty();
    }
}
