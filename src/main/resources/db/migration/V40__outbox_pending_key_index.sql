-- An interview's reminders are cancelled by the prefix of their key each time it moves or is scheduled. No index
-- served that prefix, so every cancellation read all of the organization's messages. The unique index of the keys is
-- now ordered byte by byte (text_pattern_ops, which the prefix range needs under any collation; equality, and so
-- uniqueness and ON CONFLICT, are the same), so it finds them directly, with no second index to keep up.
alter table outbound_message drop constraint outbound_message_key_uq;
create unique index outbound_message_key_uq on outbound_message (organization_id, idempotency_key text_pattern_ops);
