-- A scorecard reminder's key now puts the interview's sequence before the panelist
-- (interview/{id}/scorecard-due/{sequence}/{user}), so that one interview's reminders are written together; those
-- still waiting are given their new key, so that a panelist who submits still cancels theirs.
update outbound_message
set idempotency_key = regexp_replace(idempotency_key,
        '^(interview/[0-9a-f-]{36}/scorecard-due/)([0-9a-f-]{36})/([0-9]+)/([0-9a-f-]{36})$', '\1\3/\4')
where event = 'SCORECARD_DUE' and status in ('QUEUED', 'WITHHELD');
