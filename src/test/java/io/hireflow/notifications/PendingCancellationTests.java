package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiTest;
import io.hireflow.shared.OrganizationId;

/**
 * Cancelling pending messages by the prefix of their keys (an interview's reminders when it moves): exactly the
 * organization's pending messages whose key starts with the prefix, not a key that merely sorts next to it, not a
 * message already gone, not another organization's.
 */
class PendingCancellationTests extends ApiTest {

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void cancelsExactlyThePendingMessagesUnderThePrefix() {
        UUID organization = UUID.fromString(organizations.create().id());
        UUID other = UUID.fromString(organizations.create().id());
        String prefix = "interview/7/reminder/";
        insert(organization, prefix + "1/candidate", "QUEUED");
        insert(organization, prefix + "2/panel/u", "WITHHELD");
        insert(organization, prefix, "QUEUED");
        insert(organization, prefix + "0/sent", "SENT");
        insert(organization, "interview/7/reminder0", "QUEUED");
        insert(organization, "interview/7/reminde", "QUEUED");
        insert(organization, "interview/70/reminder/1/candidate", "QUEUED");
        insert(other, prefix + "1/candidate", "QUEUED");

        assertThat(notifications.cancelPending(new OrganizationId(organization), prefix)).isEqualTo(3);

        assertThat(jdbc.sql("""
                select idempotency_key from outbound_message where organization_id = ? and status = 'CANCELLED'
                order by idempotency_key""").param(organization).query(String.class).list())
                .containsExactly(prefix, prefix + "1/candidate", prefix + "2/panel/u");
        assertThat(jdbc.sql("select status from outbound_message where organization_id = ?").param(other)
                .query(String.class).list()).isEqualTo(List.of("QUEUED"));
        // a prefix ending in a character beyond ASCII takes the same range
        insert(organization, "면접/알림", "QUEUED");
        insert(organization, "면접/앍", "QUEUED"); // the character after 알
        insert(organization, "면접/아", "QUEUED");
        assertThat(notifications.cancelPending(new OrganizationId(organization), "면접/알")).isEqualTo(1);
    }

    private void insert(UUID organization, String key, String status) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS));
        jdbc.sql("""
                insert into outbound_message (id, organization_id, event, language, recipient, recipient_name,
                    subject, body_text, body_html, idempotency_key, message_id, status, send_at, next_attempt_at,
                    created_at)
                values (?, ?, 'FREE_FORM', 'ko', 'someone@example.com', '지원자', '안내', '본문', '<p>본문</p>', ?, ?, ?,
                    ?, ?, now())""")
                .params(id, organization, key, "<" + id + "@hireflow.test>", status, at, at).update();
    }
}
