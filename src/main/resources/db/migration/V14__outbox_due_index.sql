-- The dispatcher takes queued and deferred messages whose time has come, and also messages still marked as being
-- sent whose sender's lease ran out. The due index covered only the first two, so every look for due messages read
-- the whole outbox; now it covers all three, and a sent or dead message leaves it.
drop index outbound_message_due_idx;
create index outbound_message_due_idx on outbound_message (next_attempt_at)
    where status in ('QUEUED', 'DEFERRED', 'SENDING');

