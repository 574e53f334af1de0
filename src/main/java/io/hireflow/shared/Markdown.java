package io.hireflow.shared;

import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders Markdown that staff write (job descriptions) as HTML that is safe to put into a page: raw HTML in the input
 * is shown as text, never run, and links or images with a dangerous address ({@code javascript:} and the like) lose
 * it. Only this method's output may go into a page unescaped.
 */
public final class Markdown {

    private static final Parser parser = Parser.builder().build();
    private static final HtmlRenderer renderer = renderer().build();
    // in a letter every line break counts (a signature, an address)
    private static final HtmlRenderer letterRenderer = renderer().softbreak("<br>\n").build();

    private static HtmlRenderer.Builder renderer() {
        return HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link) {
                        // a link leads off Hireflow: it gets neither our referrer nor our window
                        attributes.put("rel", "nofollow noopener noreferrer");
                    }
                });
    }

    private Markdown() {
    }

    /** The Markdown as safe HTML; empty for {@code null} or blank input. */
    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return renderer.render(parser.parse(markdown));
    }

    /** Like {@link #toSafeHtml(String)}, for a letter: each line break in the source is kept. */
    public static String toSafeLetterHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return letterRenderer.render(parser.parse(markdown));
    }
}
