package io.hireflow.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.Languages;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.TransactionMemo;

/**
 * The organization's message templates: one per event and language, the shipped default until an admin edits it.
 * A template is checked when it is saved (unknown variables, broken placeholders, length), so one that renders badly
 * never reaches a candidate.
 */
@Service
public class MessageTemplates {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<MessageEvent, Map<String, TemplateText>> defaults = new EnumMap<>(MessageEvent.class);

    MessageTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (MessageEvent event : MessageEvent.values()) {
            Map<String, TemplateText> byLanguage = new HashMap<>();
            for (String language : Languages.ALL) {
                TemplateText text = load(event, language);
                if (!text.problems(event.allowed()).isEmpty()) {
                    throw new IllegalStateException("The default template " + event + "." + language + " is broken: "
                            + text.problems(event.allowed()));
                }
                byLanguage.put(language, text);
            }
            defaults.put(event, byLanguage);
        }
    }

    @Transactional(readOnly = true)
    public MessageTemplate template(OrganizationId organization, MessageEvent event, String language) {
        checkLanguage(language);
        checkOwn(event);
        return jdbc.sql("select * from message_template where organization_id = ? and event = ? and language = ?")
                .params(organization.value(), event.name(), language)
                .query((rs, row) -> new MessageTemplate(event, language, rs.getString("subject"), rs.getString("body"),
                        true, rs.getLong("version"), rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElseGet(() -> shipped(event, language));
    }

    /** Every event's template in both languages, in the order of {@link MessageEvent}. */
    @Transactional(readOnly = true)
    public List<MessageTemplate> templates(OrganizationId organization) {
        Map<String, MessageTemplate> custom = custom(organization);
        List<MessageTemplate> all = new ArrayList<>();
        for (MessageEvent event : MessageEvent.values()) {
            if (event.platform()) {
                continue;
            }
            for (String language : Languages.ALL) {
                all.add(custom.getOrDefault(event + "." + language, shipped(event, language)));
            }
        }
        return all;
    }

    /**
     * Saves the organization's wording of a template. Refuses (400, each problem named) an unknown variable, a broken
     * placeholder, a blank or too long subject or body; refuses a stale {@code version} (409).
     */
    @Transactional
    public MessageTemplate save(Actor admin, MessageEvent event, String language, String subject, String body,
            Long version) {
        checkLanguage(language);
        checkOwn(event);
        TemplateText text = new TemplateText(subject == null ? null : subject.strip(), body);
        var problems = text.problems(event.allowed());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        MessageTemplate current = template(admin.organizationId(), event, language);
        // version: the one the editor started from; none when it started from the shipped default
        if (version != null && !version.equals(current.version())) {
            throw new ConflictException("error.stale");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into message_template (organization_id, event, language, subject, body, updated_at, updated_by)
                values (:org, :event, :language, :subject, :body, :now, :by)
                on conflict (organization_id, event, language) do update set subject = excluded.subject,
                    body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                    version = message_template.version + 1""")
                .param("org", admin.organizationId().value()).param("event", event.name())
                .param("language", language).param("subject", text.subject()).param("body", text.body())
                .param("now", now).param("by", admin.userId())
                .update();
        return template(admin.organizationId(), event, language);
    }

    /** Goes back to the shipped default. */
    @Transactional
    public MessageTemplate reset(Actor admin, MessageEvent event, String language) {
        checkLanguage(language);
        checkOwn(event);
        jdbc.sql("delete from message_template where organization_id = ? and event = ? and language = ?")
                .params(admin.organizationId().value(), event.name(), language).update();
        return shipped(event, language);
    }

    /** Checks a template without saving it: its problems, or what it renders to with sample values. */
    TemplateText.Rendered preview(MessageEvent event, String subject, String body, Map<String, String> sample) {
        TemplateText text = new TemplateText(subject, body);
        var problems = text.problems(event.allowed());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return text.render(sample);
    }

    /**
     * The wording to render: the organization's own, else the shipped one. The organization's templates are read
     * once in a transaction that writes several messages.
     */
    TemplateText text(OrganizationId organization, MessageEvent event, String language) {
        checkLanguage(language);
        checkOwn(event);
        MessageTemplate own = TransactionMemo.get(List.of("message-templates", organization),
                () -> custom(organization)).get(event + "." + language);
        return own == null ? defaults.get(event).get(language) : new TemplateText(own.subject(), own.body());
    }

    /** The organization's own wording of its templates, by {@code event.language}. */
    private Map<String, MessageTemplate> custom(OrganizationId organization) {
        Map<String, MessageTemplate> custom = new HashMap<>();
        jdbc.sql("select * from message_template where organization_id = ?").param(organization.value())
                .query(rs -> {
                    MessageEvent event = MessageEvent.valueOf(rs.getString("event"));
                    String language = rs.getString("language");
                    custom.put(event + "." + language, new MessageTemplate(event, language, rs.getString("subject"),
                            rs.getString("body"), true, rs.getLong("version"),
                            rs.getTimestamp("updated_at").toInstant()));
                });
        return custom;
    }

    /** The platform's own messages have no organization's wording to see or change. */
    private static void checkOwn(MessageEvent event) {
        if (event.platform()) {
            throw new NotFoundException("template");
        }
    }

    /** The shipped wording, whatever any organization made of it: for the platform's own messages. */
    TemplateText shippedText(MessageEvent event, String language) {
        checkLanguage(language);
        return defaults.get(event).get(language);
    }

    private MessageTemplate shipped(MessageEvent event, String language) {
        TemplateText text = defaults.get(event).get(language);
        return new MessageTemplate(event, language, text.subject(), text.body(), false, null, null);
    }

    private static void checkLanguage(String language) {
        if (!Languages.ALL.contains(language)) {
            throw new InvalidInputException("language", "validation.oneOf", String.join(", ", Languages.ALL));
        }
    }

    /** A shipped template: {@code Subject: …}, a blank line, then the Markdown body. */
    private static TemplateText load(MessageEvent event, String language) {
        String path = "notifications/templates/" + event + "." + language + ".md";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = source.indexOf('\n');
            String first = source.substring(0, end);
            if (!first.startsWith("Subject: ")) {
                throw new IllegalStateException(path + " must start with a Subject: line");
            }
            return new TemplateText(first.substring("Subject: ".length()).strip(), source.substring(end + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default template " + path, e);
        }
    }
}
