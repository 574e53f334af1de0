-- Job applications, their timeline, and the organization's rejection reasons.

create table rejection_reason (
    id              uuid    primary key,
    organization_id uuid    not null references organization (id),
    code            text    not null,
    label_ko        text    not null,
    label_en        text    not null,
    position        int     not null,
    active          boolean not null default true,
    constraint rejection_reason_code_uq unique (organization_id, code)
);

create table job_application (
    id               uuid        primary key,
    organization_id  uuid        not null,
    job_id           uuid        not null,
    candidate_id     uuid        not null references candidate (id),
    stage_id         uuid        not null,
    status           text        not null,
    version          bigint      not null default 0,
    applied_at       timestamptz not null,
    stage_entered_at timestamptz not null,
    updated_at       timestamptz not null,
    -- the stage must belong to the application's job; a stage that holds applications cannot be removed
    constraint job_application_stage_fk foreign key (stage_id, job_id) references job_stage (id, job_id),
    constraint job_application_once_per_job unique (job_id, candidate_id)
);
-- board columns: cards of one stage, longest waiting first
create index job_application_board_idx on job_application (stage_id, status, stage_entered_at, id);
-- board counts: index-only scan per job
create index job_application_counts_idx on job_application (job_id, status, stage_id);
-- keyset pages (ids are time-ordered UUIDv7)
create index job_application_job_page_idx on job_application (job_id, id);
create index job_application_org_page_idx on job_application (organization_id, id);
create index job_application_candidate_idx on job_application (candidate_id);

create table application_event (
    id              bigint      generated always as identity primary key,
    organization_id uuid        not null,
    application_id  uuid        not null references job_application (id) on delete cascade,
    type            text        not null,
    from_stage_id   uuid,
    to_stage_id     uuid,
    actor_id        uuid,
    actor_name      text        not null,
    at              timestamptz not null,
    reason_code     text,
    reason          text
);
create index application_event_application_idx on application_event (application_id, id);

-- The timeline is a record of what happened: it is never rewritten.
create function application_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'application_event rows are immutable';
end $$;
create trigger application_event_no_update before update on application_event
    for each row execute function application_event_immutable();
