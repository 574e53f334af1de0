-- Messages to candidates: the organization's own wording of each template, and the outbox every message goes through.

-- An organization's edited template; without a row the shipped default applies.
create table message_template (
    organization_id uuid        not null references organization (id),
    event           text        not null,
    language        text        not null,
    subject         text        not null,
    body            text        not null,
    updated_at      timestamptz not null,
    updated_by      uuid,
    version         bigint      not null default 0,
    primary key (organization_id, event, language)
);

-- The outbox. A message is written in the same transaction as the decision that causes it and keeps its rendered
-- content, its idempotency key and its Message-ID for life, so a retry sends the very same email.
create table outbound_message (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    application_id  uuid,
    candidate_id    uuid,
    event           text        not null,
    language        text        not null,
    recipient       text        not null,
    recipient_name  text        not null,
    subject         text        not null,
    body_text       text        not null,
    body_html       text        not null,
    idempotency_key text        not null,
    message_id      text        not null,
    -- QUEUED (waiting for send_at or its first attempt), DEFERRED (failed, will retry), SENT, DEAD, CANCELLED
    status          text        not null,
    send_at         timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        int         not null default 0,
    last_error      text,
    sent_at         timestamptz,
    transport       text,
    created_at      timestamptz not null,
    created_by      uuid,
    created_by_name text,
    version         bigint      not null default 0,
    constraint outbound_message_key_uq unique (organization_id, idempotency_key),
    constraint outbound_message_id_uq unique (message_id)
);
-- what the dispatcher picks up next
create index outbound_message_due_idx on outbound_message (next_attempt_at) where status in ('QUEUED', 'DEFERRED');
-- an application's messages on its timeline
create index outbound_message_application_idx on outbound_message (application_id, created_at);
-- the mailbox, newest first, and its search by recipient
create index outbound_message_org_idx on outbound_message (organization_id, created_at desc, id desc);
create index outbound_message_recipient_idx on outbound_message (organization_id, lower(recipient));
