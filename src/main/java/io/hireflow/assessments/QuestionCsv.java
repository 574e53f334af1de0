package io.hireflow.assessments;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import io.hireflow.shared.InvalidInputException;

/**
 * The question bank as CSV (RFC 4180, UTF-8), one question per row under this header:
 * {@code topic,difficulty,type,language,prompt,choices,correct,accepted_answers,grading_notes,tags}. A cell with
 * several values (choices, the correct ones, accepted answers, tags) has one per line, as a spreadsheet writes a
 * line break inside a cell. The export starts with a byte order mark, which Excel needs to read UTF-8, and the
 * import skips one. A cell that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) is written with a leading apostrophe, which the import takes off again.
 */
final class QuestionCsv {

    static final String[] HEADER = {"topic", "difficulty", "type", "language", "prompt", "choices", "correct",
        "accepted_answers", "grading_notes", "tags"};
    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private QuestionCsv() {
    }

    /** The rows as drafts, unchecked; refuses a file that is not this CSV, or has more than {@code max} rows. */
    static List<QuestionDraft> read(Reader in, int max) {
        try {
            Reader reader = skipBom(in);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(false).get();
            try (CSVParser csv = CSVParser.parse(reader, format)) {
                Map<String, Integer> columns = csv.getHeaderMap();
                List<String> missing = Arrays.stream(HEADER).filter(name -> !columns.containsKey(name)).toList();
                if (!missing.isEmpty()) {
                    throw new InvalidInputException("file", "validation.questions.header", String.join(",", HEADER));
                }
                List<QuestionDraft> drafts = new ArrayList<>();
                for (CSVRecord record : csv) {
                    if (drafts.size() == max) {
                        throw new InvalidInputException("file", "validation.questions.tooMany", max);
                    }
                    drafts.add(new QuestionDraft(cell(record, "topic"), cell(record, "difficulty"),
                            cell(record, "type"), cell(record, "language"), cell(record, "prompt"),
                            lines(record, "choices"), lines(record, "correct"), lines(record, "accepted_answers"),
                            cell(record, "grading_notes"), lines(record, "tags")));
                }
                return drafts;
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a malformed file (an unclosed quote, a short header) with these
            throw new InvalidInputException("file", "validation.questions.notCsv");
        }
    }

    static void write(List<Question> questions, Appendable out) {
        try {
            out.append(BOM);
            try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
                for (Question question : questions) {
                    csv.printRecord(safe(question.topic()), question.difficulty().name(), question.kind().name(),
                            question.language(), safe(question.prompt()), lines(question.choices()),
                            lines(question.correct()), lines(question.acceptedAnswers()),
                            safe(question.gradingNotes()), lines(question.tags()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader skipBom(Reader in) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != BOM) {
            reader.unread(first);
        }
        return reader;
    }

    private static String cell(CSVRecord record, String column) {
        String value = record.isSet(column) ? record.get(column) : null;
        return value == null ? null : unsafe(value);
    }

    private static List<String> lines(CSVRecord record, String column) {
        String value = record.isSet(column) ? record.get(column) : null;
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split("\r?\n")).map(QuestionCsv::unsafe).toList();
    }

    private static String lines(List<String> values) {
        return String.join("\n", values.stream().map(QuestionCsv::safe).toList());
    }

    // a spreadsheet runs a cell starting with these as a formula (CSV injection)
    private static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'' ? "'" + value : value;
    }

    private static String unsafe(String value) {
        return value.startsWith("'") ? value.substring(1) : value;
    }
}
