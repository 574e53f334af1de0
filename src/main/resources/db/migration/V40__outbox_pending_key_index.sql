-- An interview's reminders are cancelled by the prefix of their key each time it moves or is scheduled. Without an
-- index for that prefix every cancellation read all of the organization's messages; the pending ones are few, so a
-- small index of the pending messages' keys, ordered byte by byte (text_pattern_ops, as the prefix match needs under
-- any collation), finds them directly.
create index outbound_message_pending_key_idx on outbound_message (organization_id, idempotency_key text_pattern_ops)
    where status in ('QUEUED', 'WITHHELD');
