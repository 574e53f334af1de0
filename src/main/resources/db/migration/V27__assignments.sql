-- An application's take-home assignment: released at a chosen minute by the message that carries its instructions
-- (an outbox message scheduled for that minute, so it goes once, survives restarts, and is a promise the watch checks),
-- due a template's hours after that minute; waived when its stage is skipped, which cancels a release not yet gone.

create table assignment (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    application_id  uuid        not null references job_application (id) on delete cascade,
    template_id     uuid        not null references assignment_template (id),
    stage_id        uuid        not null,
    release_at      timestamptz not null,
    due_at          timestamptz not null,
    message_id      uuid        not null,
    waived_at       timestamptz,
    created_at      timestamptz not null,
    unique (application_id, template_id)
);
