package io.hireflow.assessments;

import static io.hireflow.assessments.FieldChecks.blankToNull;
import static io.hireflow.assessments.FieldChecks.choice;
import static io.hireflow.assessments.FieldChecks.text;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.hireflow.identity.OrganizationCreated;
import io.hireflow.shared.Actor;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.Languages;
import io.hireflow.shared.OrganizationId;

/**
 * Each organization's question bank. A question is checked as a whole before it is stored (its kind decides what it
 * must have: choices with the right ones among them, accepted short answers, or neither); an import stores every row
 * or none, and names each row's problems. Every organization starts with Hireflow's DevOps questions, seeded once:
 * with the organization, or on the first start of a version that brings them for the organizations already there.
 */
@Service
public class QuestionBank {

    static final int MAX_TOPIC = 60;
    static final int MAX_PROMPT = 2_000;
    static final int MAX_CHOICES = 10;
    static final int MAX_CHOICE = 300;
    static final int MAX_ACCEPTED = 20;
    static final int MAX_ANSWER = 200;
    static final int MAX_NOTES = 5_000;
    static final int MAX_TAGS = 10;
    static final int MAX_TAG = 40;
    /** The most rows one import takes. */
    static final int MAX_IMPORT = 2_000;
    static final String DEFAULTS = "assessments/default-questions.csv";

    private static final Logger log = LoggerFactory.getLogger(QuestionBank.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Clock clock;

    QuestionBank(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Adds a question; refuses one that is not whole with a problem for each field. */
    @Transactional
    public Question create(Actor actor, QuestionDraft draft) {
        Checked question = check(draft, "");
        UUID id = insert(actor.organizationId(), List.of(question)).get(0);
        return question(actor.organizationId(), id);
    }

    /**
     * The bank's questions, in the order they were added, optionally of one topic (any case) and language; a page of
     * at most {@code limit} after the given question.
     */
    @Transactional(readOnly = true)
    public List<Question> questions(OrganizationId organization, String topic, String language, UUID after,
            int limit) {
        return jdbc.sql("""
                select * from question
                where organization_id = :org
                  and (cast(:topic as text) is null or lower(topic) = lower(:topic))
                  and (cast(:language as text) is null or language = :language)
                  and (cast(:after as uuid) is null or id > :after)
                order by id limit :limit""")
                .param("org", organization.value()).param("topic", blankToNull(topic))
                .param("language", blankToNull(language)).param("after", after).param("limit", limit)
                .query(QuestionBank::row).list();
    }

    /** The bank's topics with how many questions each has, by name. */
    @Transactional(readOnly = true)
    public List<Topic> topics(OrganizationId organization) {
        return jdbc.sql("""
                select min(topic) as topic, count(*) as questions from question where organization_id = ?
                group by lower(topic) order by lower(min(topic))""")
                .param(organization.value())
                .query((rs, row) -> new Topic(rs.getString("topic"), rs.getInt("questions"))).list();
    }

    /** A topic of the bank and how many questions it has. */
    public record Topic(String name, int questions) {
    }

    @Transactional(readOnly = true)
    public Question question(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from question where id = ? and organization_id = ?")
                .params(id, organization.value()).query(QuestionBank::row).optional()
                .orElseThrow(() -> new io.hireflow.shared.NotFoundException("question"));
    }

    /**
     * Imports questions from CSV ({@link QuestionCsv}): all of them, or, when any row has a problem, none, with the
     * problems named by row ({@code row 3: choices}). Answers how many were added.
     */
    @Transactional
    public int importCsv(Actor actor, Reader csv) {
        List<QuestionDraft> drafts = QuestionCsv.read(csv, MAX_IMPORT);
        List<Checked> checked = checkAll(drafts);
        insert(actor.organizationId(), checked);
        return checked.size();
    }

    /** The bank as CSV, in the form {@link #importCsv} reads. */
    @Transactional(readOnly = true)
    public void exportCsv(OrganizationId organization, Appendable out) {
        List<Question> all = jdbc.sql("select * from question where organization_id = ? order by lower(topic), id")
                .param(organization.value()).query(QuestionBank::row).list();
        QuestionCsv.write(all, out);
    }

    /** A new organization's bank starts with Hireflow's questions, in the transaction that creates it. */
    @EventListener
    void on(OrganizationCreated created) {
        seed(created.organizationId());
    }

    /** Organizations created before the bank came get its questions on the first start that has it. */
    @EventListener(ApplicationReadyEvent.class)
    void seedMissing() {
        List<UUID> missing = jdbc.sql("""
                select id from organization o
                where not exists (select 1 from question_bank_seed s where s.organization_id = o.id)""")
                .query(UUID.class).list();
        for (UUID organization : missing) {
            transactions.executeWithoutResult(status -> seed(new OrganizationId(organization)));
        }
    }

    // once per organization, whichever node or listener comes first
    private void seed(OrganizationId organization) {
        boolean first = jdbc.sql("""
                insert into question_bank_seed (organization_id, seeded_at) values (?, ?)
                on conflict (organization_id) do nothing""")
                .params(organization.value(), Timestamp.from(clock.instant())).update() == 1;
        if (!first) {
            return;
        }
        insert(organization, DEFAULT_QUESTIONS);
        log.debug("Question bank of {} seeded with {} questions", organization, DEFAULT_QUESTIONS.size());
    }

    // read and checked once; a broken file stops the application at its start rather than at the first seeding
    private static final List<Checked> DEFAULT_QUESTIONS = defaults();

    private static List<Checked> defaults() {
        try (Reader csv = new InputStreamReader(new ClassPathResource(DEFAULTS).getInputStream(),
                StandardCharsets.UTF_8)) {
            return checkAll(QuestionCsv.read(csv, MAX_IMPORT));
        } catch (IOException e) {
            throw new UncheckedIOException("The default questions cannot be read", e);
        }
    }

    private static List<Checked> checkAll(List<QuestionDraft> drafts) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            try {
                // the header is line 1, so the first question is on line 2
                checked.add(check(drafts.get(i), "row " + (i + 2) + ": "));
            } catch (InvalidInputException refusal) {
                problems.addAll(refusal.problems());
            }
        }
        if (drafts.isEmpty()) {
            problems.add(new FieldProblem("file", "validation.questions.empty"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    /** A question that passed its checks, its lists without blanks or repeats. */
    record Checked(String topic, Difficulty difficulty, QuestionKind kind, String language, String prompt,
            List<String> choices, List<String> correct, List<String> acceptedAnswers, String gradingNotes,
            List<String> tags) {
    }

    static Checked check(QuestionDraft draft, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        String topic = text(draft.topic(), MAX_TOPIC, prefix + "topic", true, problems);
        String prompt = text(draft.prompt(), MAX_PROMPT, prefix + "prompt", true, problems);
        String notes = text(draft.gradingNotes(), MAX_NOTES, prefix + "gradingNotes", false, problems);
        Difficulty difficulty = choice(Difficulty.class, draft.difficulty(), prefix + "difficulty", problems);
        QuestionKind kind = choice(QuestionKind.class, draft.kind(), prefix + "kind", problems);
        String language = draft.language() == null ? null : draft.language().strip().toLowerCase(Locale.ROOT);
        if (language == null || language.isEmpty()) {
            problems.add(new FieldProblem(prefix + "language", "validation.required"));
        } else if (!Languages.ALL.contains(language)) {
            problems.add(new FieldProblem(prefix + "language", "validation.oneOf", String.join(", ", Languages.ALL)));
        }
        List<String> choices = distinct(draft.choices());
        List<String> correct = distinct(draft.correct());
        List<String> accepted = distinct(draft.acceptedAnswers());
        List<String> tags = distinct(draft.tags()).stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct()
                .toList();
        if (kind != null && kind.hasChoices()) {
            if (choices.size() < 2 || choices.size() > MAX_CHOICES
                    || choices.stream().anyMatch(choice -> choice.length() > MAX_CHOICE)) {
                problems.add(new FieldProblem(prefix + "choices", "validation.questions.choices", MAX_CHOICES,
                        MAX_CHOICE));
            } else if (!choices.containsAll(correct) || correct.isEmpty()) {
                problems.add(new FieldProblem(prefix + "correct", "validation.questions.correctAmong"));
            } else if (kind == QuestionKind.SINGLE_CHOICE && correct.size() != 1) {
                problems.add(new FieldProblem(prefix + "correct", "validation.questions.oneCorrect"));
            }
            if (!accepted.isEmpty()) {
                problems.add(new FieldProblem(prefix + "acceptedAnswers", "validation.questions.notForKind", kind));
            }
        } else if (kind != null) {
            if (!choices.isEmpty() || !correct.isEmpty()) {
                problems.add(new FieldProblem(prefix + "choices", "validation.questions.notForKind", kind));
            }
            if (kind == QuestionKind.SHORT_ANSWER && (accepted.isEmpty() || accepted.size() > MAX_ACCEPTED
                    || accepted.stream().anyMatch(answer -> answer.length() > MAX_ANSWER))) {
                problems.add(new FieldProblem(prefix + "acceptedAnswers", "validation.questions.accepted",
                        MAX_ACCEPTED, MAX_ANSWER));
            }
            if (kind == QuestionKind.ESSAY && !accepted.isEmpty()) {
                problems.add(new FieldProblem(prefix + "acceptedAnswers", "validation.questions.notForKind", kind));
            }
        }
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(tag -> tag.length() > MAX_TAG)) {
            problems.add(new FieldProblem(prefix + "tags", "validation.questions.tags", MAX_TAGS, MAX_TAG));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(topic, difficulty, kind, language, prompt, choices, correct, accepted, notes, tags);
    }

    // one batch (one round trip) for any number of questions; answers their ids in order
    private List<UUID> insert(OrganizationId organization, List<Checked> questions) {
        Timestamp now = Timestamp.from(clock.instant());
        List<UUID> ids = new ArrayList<>(questions.size());
        SqlParameterSource[] rows = new SqlParameterSource[questions.size()];
        for (int i = 0; i < rows.length; i++) {
            Checked question = questions.get(i);
            UUID id = Ids.newId();
            ids.add(id);
            rows[i] = new MapSqlParameterSource().addValue("id", id).addValue("org", organization.value())
                    .addValue("topic", question.topic()).addValue("difficulty", question.difficulty().name())
                    .addValue("kind", question.kind().name()).addValue("language", question.language())
                    .addValue("prompt", question.prompt())
                    .addValue("choices", question.choices().toArray(String[]::new))
                    .addValue("correct", question.correct().toArray(String[]::new))
                    .addValue("accepted", question.acceptedAnswers().toArray(String[]::new))
                    .addValue("notes", question.gradingNotes()).addValue("tags", question.tags().toArray(String[]::new))
                    .addValue("now", now);
        }
        batch.batchUpdate("""
                insert into question (id, organization_id, topic, difficulty, kind, language, prompt, choices, correct,
                                      accepted_answers, grading_notes, tags, created_at, updated_at)
                values (:id, :org, :topic, :difficulty, :kind, :language, :prompt, :choices, :correct, :accepted,
                        :notes, :tags, :now, :now)""", rows);
        return ids;
    }

    private static List<String> distinct(List<String> values) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return List.copyOf(kept);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Question row(ResultSet rs, int row) throws SQLException {
        return new Question(rs.getObject("id", UUID.class),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("topic"),
                Difficulty.valueOf(rs.getString("difficulty")), QuestionKind.valueOf(rs.getString("kind")),
                rs.getString("language"), rs.getString("prompt"), list(rs.getArray("choices")),
                list(rs.getArray("correct")), list(rs.getArray("accepted_answers")), rs.getString("grading_notes"),
                list(rs.getArray("tags")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
