-- Promises to candidates that were missed, each noticed once (whichever node notices it first), and what the
-- organization wants done about it.

create table missed_promise (
    key             text        primary key,
    organization_id uuid        not null references organization (id),
    kind            text        not null,
    job_id          uuid,
    application_id  uuid,
    message_id      uuid,
    announcement_id uuid,
    due_at          timestamptz not null,
    noticed_at      timestamptz not null,
    delay_notice_id uuid
);
create index missed_promise_org_idx on missed_promise (organization_id, noticed_at desc);

create table notification_settings (
    organization_id   uuid primary key references organization (id),
    -- when set, a candidate whose decision is overdue is told of the delay, with a new date this many days on
    delay_notice_days int check (delay_notice_days between 1 and 60),
    updated_at        timestamptz not null,
    updated_by        uuid
);
