package io.hireflow.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.OrganizationCreated;
import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * The organization's pipeline templates. Every organization starts with one: the hiring process of the story
 * (document screening, assignment, technical interview, culture-fit interview, offer negotiation, hired), named in the
 * organization's language, with candidate-facing names in Korean and English.
 */
@Service
public class PipelineTemplates {

    private static final List<StageKind> STORY_KINDS = List.of(StageKind.REVIEW, StageKind.ASSIGNMENT,
            StageKind.INTERVIEW, StageKind.INTERVIEW, StageKind.OFFER, StageKind.HIRED);
    private static final List<Integer> STORY_DEADLINES = java.util.Arrays.asList(7, 7, 10, 10, 14, null);

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    PipelineTemplates(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void on(OrganizationCreated event) {
        Locale locale = Locale.forLanguageTag(event.defaultLocale());
        List<StagePlan> stages = new ArrayList<>();
        for (int i = 0; i < STORY_KINDS.size(); i++) {
            String key = "template.story.stage" + (i + 1);
            stages.add(new StagePlan(null, messages.getMessage(key, null, locale), STORY_KINDS.get(i),
                    messages.getMessage(key, null, Locale.KOREAN), messages.getMessage(key, null, Locale.ENGLISH),
                    STORY_DEADLINES.get(i)));
        }
        insert(event.organizationId(), messages.getMessage("template.story.name", null, locale), true, stages);
    }

    @Transactional(readOnly = true)
    public List<PipelineTemplate> templates(OrganizationId organization) {
        Map<UUID, PipelineTemplate> templates = new LinkedHashMap<>();
        jdbc.sql("select * from pipeline_template where organization_id = ? order by is_default desc, name")
                .param(organization.value())
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    templates.put(id, new PipelineTemplate(id, rs.getString("name"), rs.getBoolean("is_default"),
                            rs.getLong("version"), new ArrayList<>()));
                });
        if (!templates.isEmpty()) {
            jdbc.sql("""
                    select * from pipeline_template_stage where template_id in (:ids) order by template_id, position""")
                    .param("ids", templates.keySet())
                    .query(rs -> {
                        templates.get(rs.getObject("template_id", UUID.class)).stages().add(new StagePlan(null,
                                rs.getString("name"), StageKind.valueOf(rs.getString("kind")),
                                rs.getString("candidate_name_ko"), rs.getString("candidate_name_en"),
                                (Integer) rs.getObject("deadline_days")));
                    });
        }
        return List.copyOf(templates.values());
    }

    @Transactional(readOnly = true)
    public PipelineTemplate template(OrganizationId organization, UUID templateId) {
        return templates(organization).stream().filter(template -> template.id().equals(templateId)).findFirst()
                .orElseThrow(() -> new NotFoundException("template"));
    }

    @Transactional(readOnly = true)
    public PipelineTemplate defaultTemplate(OrganizationId organization) {
        return templates(organization).stream().filter(PipelineTemplate::isDefault).findFirst()
                .orElseThrow(() -> new NotFoundException("template"));
    }

    @Transactional
    public PipelineTemplate create(Actor actor, String name, List<StagePlan> stages) {
        UUID id = insert(actor.organizationId(), requireName(actor, name, null), false, PipelineRules.check(stages));
        return template(actor.organizationId(), id);
    }

    @Transactional
    public PipelineTemplate update(Actor actor, UUID templateId, String name, List<StagePlan> stages, long version) {
        template(actor.organizationId(), templateId);
        List<StagePlan> checked = PipelineRules.check(stages);
        int updated = jdbc.sql("update pipeline_template set name = :name, version = version + 1 "
                        + "where id = :id and version = :version")
                .param("name", requireName(actor, name, templateId)).param("id", templateId).param("version", version)
                .update();
        if (updated == 0) {
            throw new ConflictException("error.stale");
        }
        jdbc.sql("delete from pipeline_template_stage where template_id = ?").param(templateId).update();
        insertStages(templateId, checked);
        return template(actor.organizationId(), templateId);
    }

    @Transactional
    public void makeDefault(Actor actor, UUID templateId) {
        template(actor.organizationId(), templateId);
        jdbc.sql("update pipeline_template set is_default = false where organization_id = ? and is_default")
                .param(actor.organizationId().value()).update();
        jdbc.sql("update pipeline_template set is_default = true where id = ?").param(templateId).update();
    }

    @Transactional
    public void delete(Actor actor, UUID templateId) {
        if (template(actor.organizationId(), templateId).isDefault()) {
            throw new ConflictException("error.template.deleteDefault");
        }
        jdbc.sql("delete from pipeline_template where id = ?").param(templateId).update();
    }

    private String requireName(Actor actor, String name, UUID except) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "validation.required");
        }
        String stripped = name.strip();
        if (stripped.length() > 80) {
            throw new InvalidInputException("name", "validation.tooLong", 80);
        }
        boolean taken = templates(actor.organizationId()).stream()
                .anyMatch(template -> template.name().equalsIgnoreCase(stripped) && !template.id().equals(except));
        if (taken) {
            throw new InvalidInputException("name", "validation.template.nameTaken", stripped);
        }
        return stripped;
    }

    private UUID insert(OrganizationId organization, String name, boolean isDefault, List<StagePlan> stages) {
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into pipeline_template (id, organization_id, name, is_default, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(id, organization.value(), name, isDefault, Timestamp.from(clock.instant())).update();
        insertStages(id, stages);
        return id;
    }

    private void insertStages(UUID templateId, List<StagePlan> stages) {
        for (int i = 0; i < stages.size(); i++) {
            StagePlan stage = stages.get(i);
            jdbc.sql("""
                    insert into pipeline_template_stage
                        (template_id, position, kind, name, candidate_name_ko, candidate_name_en, deadline_days)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(templateId, i + 1, stage.kind().name(), stage.name(), stage.candidateNameKo(),
                            stage.candidateNameEn(), stage.deadlineDays())
                    .update();
        }
    }
}
