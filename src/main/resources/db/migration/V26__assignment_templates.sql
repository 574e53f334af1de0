-- A job's take-home assignment: one template per ASSIGNMENT stage, saying what the candidate gets (instructions, a
-- repository or download link), how long they have, what they hand in, whether a late hand-in is refused or taken
-- and marked late, who reviews it, and the rubric the reviewers score against.

create table assignment_template (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    job_id          uuid        not null references job (id) on delete cascade,
    stage_id        uuid        not null unique references job_stage (id) on delete cascade,
    title           text        not null,
    instructions    text        not null,
    resource_url    text,
    duration_hours  integer     not null check (duration_hours between 1 and 720),
    submission      text        not null check (submission in ('LINK', 'FILES', 'LINK_AND_FILES')),
    late_policy     text        not null check (late_policy in ('REFUSE', 'ACCEPT_MARKED_LATE')),
    reviewer_ids    uuid[]      not null default '{}',
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);

create index assignment_template_job_idx on assignment_template (job_id);

create table assignment_criterion (
    id          uuid     primary key,
    template_id uuid     not null references assignment_template (id) on delete cascade,
    position    smallint not null,
    name        text     not null,
    description text,
    max_score   smallint not null check (max_score between 1 and 100),
    unique (template_id, position)
);
