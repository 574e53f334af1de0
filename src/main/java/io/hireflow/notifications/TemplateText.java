package io.hireflow.notifications;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.Markdown;

/**
 * A template's subject and Markdown body with {@code {{variable}}} placeholders: checked when saved, rendered into the
 * plain-text and HTML parts of a message. Values are inserted after the Markdown is rendered, so a candidate's name
 * can neither break the layout nor inject markup.
 */
record TemplateText(String subject, String body) {

    static final int SUBJECT_LIMIT = 200;
    static final int BODY_LIMIT = 20_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String MARK = "HfVarQ";
    private static final String MARK_END = "QraVfH";
    private static final Pattern MARKED = Pattern.compile(MARK + "([A-Za-z][A-Za-z0-9]*?)" + MARK_END);

    /** A rendered message. */
    record Rendered(String subject, String text, String html) {
    }

    /** What is wrong with this template for the given variables; empty when it may be saved. */
    List<FieldProblem> problems(Set<String> allowed) {
        List<FieldProblem> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add(new FieldProblem("subject", "validation.required"));
        } else if (subject.length() > SUBJECT_LIMIT) {
            problems.add(new FieldProblem("subject", "validation.tooLong", SUBJECT_LIMIT));
        } else if (subject.contains("\n") || subject.contains("\r")) {
            problems.add(new FieldProblem("subject", "validation.template.subjectLine"));
        }
        if (body == null || body.isBlank()) {
            problems.add(new FieldProblem("body", "validation.required"));
        } else if (body.length() > BODY_LIMIT) {
            problems.add(new FieldProblem("body", "validation.tooLong", BODY_LIMIT));
        }
        check("subject", subject, allowed, problems);
        check("body", body, allowed, problems);
        return problems;
    }

    private static void check(String field, String text, Set<String> allowed, List<FieldProblem> problems) {
        if (text == null) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                problems.add(new FieldProblem(field, "validation.template.unknownVariable", matcher.group(1)));
            }
            matcher.appendReplacement(rest, "");
        }
        matcher.appendTail(rest);
        // what is left must not hold a broken placeholder ("{{name" or "{{ two words }}")
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            problems.add(new FieldProblem(field, "validation.template.brokenPlaceholder"));
        }
    }

    /**
     * The most recently used templates, compiled: rendering the Markdown is most of the cost of a message, and the
     * same few templates render over and over. An edited template is a different key; the old one ages out.
     */
    private static final Map<TemplateText, Compiled> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TemplateText, Compiled> eldest) {
                    return size() > 512;
                }
            });

    /** The message with the values filled in; a variable without a value renders empty. */
    Rendered render(Map<String, String> values) {
        return compiled().render(values);
    }

    /** As {@link #compile()}, from the cache of recently used templates. */
    Compiled compiled() {
        Compiled compiled = COMPILED.get(this);
        if (compiled == null) {
            compiled = compile();
            COMPILED.put(this, compiled);
        }
        return compiled;
    }

    /**
     * The template with its Markdown rendered once, for filling in many times (a bulk announcement). Placeholders go
     * through Markdown as plain words: braces are punctuation, and CommonMark does not close {@code **…**} between
     * punctuation and a following letter, which Korean particles always are ({@code **{{stageName}}**에}).
     */
    Compiled compile() {
        Matcher placeholders = PLACEHOLDER.matcher(body);
        StringBuilder marked = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(marked, Matcher.quoteReplacement(MARK + placeholders.group(1) + MARK_END));
        }
        placeholders.appendTail(marked);
        String html = MARKED.matcher(Markdown.toSafeLetterHtml(marked.toString())).replaceAll("{{$1}}");
        return new Compiled(Filled.of(subject), Filled.of(body), Filled.of(html));
    }

    /** A template split at its placeholders once, so that filling it in is plain concatenation. */
    record Compiled(Filled subject, Filled body, Filled html) {

        Rendered render(Map<String, String> values) {
            return new Rendered(WHITESPACE.matcher(subject.fill(values, false)).replaceAll(" ").strip(),
                    body.fill(values, false).strip() + "\n", html.fill(values, true));
        }
    }

    /** Text as literal pieces with a placeholder between each two: {@code literals.length == names.length + 1}. */
    record Filled(String[] literals, String[] names) {

        static Filled of(String text) {
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(text);
            int from = 0;
            while (matcher.find()) {
                literals.add(text.substring(from, matcher.start()));
                names.add(matcher.group(1));
                from = matcher.end();
            }
            literals.add(text.substring(from));
            return new Filled(literals.toArray(String[]::new), names.toArray(String[]::new));
        }

        String fill(Map<String, String> values, boolean html) {
            StringBuilder out = new StringBuilder(literals[0].length() * 2);
            out.append(literals[0]);
            for (int i = 0; i < names.length; i++) {
                String value = values.getOrDefault(names[i], "");
                out.append(html ? HtmlUtils.htmlEscape(value) : value).append(literals[i + 1]);
            }
            return out.toString();
        }
    }
}
