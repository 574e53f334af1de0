package io.hireflow.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.OrganizationCreated;
import io.hireflow.shared.Actor;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;

/**
 * The organization's list of rejection reasons. A rejection names one of them (and may add free text), so reports
 * can count why candidates were turned down. Reasons are deactivated, never deleted: old rejections keep theirs.
 */
@Service
public class RejectionReasons {

    static final List<String> DEFAULT_CODES = List.of("SKILLS_MISMATCH", "EXPERIENCE", "CULTURE_FIT",
            "ASSIGNMENT_BELOW_BAR", "INTERVIEW_BELOW_BAR", "POSITION_FILLED", "UNRESPONSIVE", "OTHER");

    private final JdbcClient jdbc;
    private final MessageSource messages;

    RejectionReasons(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @EventListener
    void on(OrganizationCreated event) {
        for (int i = 0; i < DEFAULT_CODES.size(); i++) {
            String code = DEFAULT_CODES.get(i);
            String key = "rejection." + code;
            insert(event.organizationId(), code, messages.getMessage(key, null, Locale.KOREAN),
                    messages.getMessage(key, null, Locale.ENGLISH), i + 1);
        }
    }

    /** All reasons, active ones first, in the organization's order. */
    @Transactional(readOnly = true)
    public List<RejectionReason> reasons(OrganizationId organization) {
        return jdbc.sql("select * from rejection_reason where organization_id = ? order by active desc, position")
                .param(organization.value())
                .query((rs, row) -> new RejectionReason(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("label_ko"), rs.getString("label_en"), rs.getInt("position"),
                        rs.getBoolean("active")))
                .list();
    }

    @Transactional(readOnly = true)
    public boolean isActive(OrganizationId organization, String code) {
        return jdbc.sql("select exists(select 1 from rejection_reason where organization_id = ? and code = ? and active)")
                .params(organization.value(), code).query(Boolean.class).single();
    }

    /** Adds a reason; its code is derived from the English label and must be new. */
    @Transactional
    public RejectionReason add(Actor admin, String labelKo, String labelEn) {
        requireLabels(labelKo, labelEn);
        String code = labelEn.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        if (code.isEmpty() || code.length() > 40) {
            throw new InvalidInputException("labelEn", "validation.reason.code");
        }
        if (reasons(admin.organizationId()).stream().anyMatch(reason -> reason.code().equals(code))) {
            throw new InvalidInputException("labelEn", "validation.reason.taken", code);
        }
        int position = reasons(admin.organizationId()).size() + 1;
        UUID id = insert(admin.organizationId(), code, labelKo.strip(), labelEn.strip(), position);
        return reason(admin.organizationId(), id);
    }

    @Transactional
    public RejectionReason update(Actor admin, UUID id, String labelKo, String labelEn, boolean active) {
        reason(admin.organizationId(), id);
        requireLabels(labelKo, labelEn);
        jdbc.sql("update rejection_reason set label_ko = ?, label_en = ?, active = ? where id = ?")
                .params(labelKo.strip(), labelEn.strip(), active, id).update();
        return reason(admin.organizationId(), id);
    }

    private RejectionReason reason(OrganizationId organization, UUID id) {
        return reasons(organization).stream().filter(reason -> reason.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("rejectionReason"));
    }

    private static void requireLabels(String labelKo, String labelEn) {
        if (labelKo == null || labelKo.isBlank() || labelKo.length() > 80) {
            throw new InvalidInputException("labelKo", "validation.reason.label");
        }
        if (labelEn == null || labelEn.isBlank() || labelEn.length() > 80) {
            throw new InvalidInputException("labelEn", "validation.reason.label");
        }
    }

    private UUID insert(OrganizationId organization, String code, String labelKo, String labelEn, int position) {
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into rejection_reason (id, organization_id, code, label_ko, label_en, position)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, organization.value(), code, labelKo, labelEn, position).update();
        return id;
    }
}
