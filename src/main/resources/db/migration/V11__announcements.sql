-- Bulk result announcements: the results of a job's stage told to every candidate at once, as outbox messages that
-- point back to their announcement so its progress can be counted.

create table announcement (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    job_id          uuid        not null,
    stage_id        uuid        not null,
    pass_event      text,
    fail_event      text,
    send_at         timestamptz not null,
    total           int         not null,
    passed          int         not null,
    failed          int         not null,
    skipped         int         not null,
    created_at      timestamptz not null,
    created_by      uuid,
    created_by_name text
);
create index announcement_job_idx on announcement (organization_id, created_at desc);

alter table outbound_message add column announcement_id uuid references announcement (id);
-- the stage a message is about (the one passed, skipped or rejected in), so a result is never announced twice
alter table outbound_message add column stage_id uuid;
create index outbound_message_announcement_idx on outbound_message (announcement_id, status)
    where announcement_id is not null;
