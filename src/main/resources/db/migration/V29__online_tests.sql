-- A job's online test: one per ONLINE_TEST stage, its questions drawn from the question bank when it is made and
-- copied here (so later edits to the bank do not change a test people are taking), a time limit and an open window.
-- Each invited application has one sitting: started once within the window, its deadline the earlier of the start
-- plus the time limit and the window's end, answers saved one question at a time as the candidate goes, graded
-- automatically for choice and short-answer questions and by staff for essays.

create table online_test (
    id                 uuid        primary key,
    organization_id    uuid        not null references organization (id),
    job_id             uuid        not null references job (id) on delete cascade,
    stage_id           uuid        not null unique references job_stage (id) on delete cascade,
    title              text        not null,
    language           text        not null check (language in ('ko', 'en')),
    time_limit_minutes integer     not null check (time_limit_minutes between 1 and 600),
    opens_at           timestamptz not null,
    closes_at          timestamptz not null,
    max_points         integer     not null,
    pass_mark          numeric(6, 2),
    created_at         timestamptz not null,
    created_by         uuid,
    check (closes_at > opens_at)
);

create index online_test_job_idx on online_test (job_id);

create table online_test_question (
    test_id           uuid     not null references online_test (id) on delete cascade,
    position          smallint not null,
    question_id       uuid,
    topic             text     not null,
    kind              text     not null check (kind in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_ANSWER', 'ESSAY')),
    prompt            text     not null,
    choices           text[]   not null default '{}',
    -- the correct choices in sorted order, and the accepted answers folded (lower case, single spaces), as grading
    -- compares them
    correct           text[]   not null default '{}',
    accepted_answers  text[]   not null default '{}',
    grading_notes     text,
    points            smallint not null check (points between 1 and 100),
    primary key (test_id, position)
);

create table online_test_sitting (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    test_id         uuid        not null references online_test (id) on delete cascade,
    application_id  uuid        not null references job_application (id) on delete cascade,
    invited_at      timestamptz not null,
    message_id      uuid,
    started_at      timestamptz,
    deadline_at     timestamptz,
    submitted_at    timestamptz,
    -- set when the sitting is graded: what the automatic grading gave, and what staff gave the essays
    auto_points     numeric(8, 2),
    essay_points    numeric(8, 2),
    graded_at       timestamptz,
    unique (test_id, application_id)
);

create index online_test_sitting_application_idx on online_test_sitting (application_id);

create table online_test_answer (
    sitting_id uuid        not null references online_test_sitting (id) on delete cascade,
    position   smallint    not null,
    answer     text[]      not null,
    saved_at   timestamptz not null,
    -- the grade: right or not (null for an essay not yet graded), and the points it earned
    correct    boolean,
    points     numeric(6, 2),
    graded_by  uuid,
    primary key (sitting_id, position)
);
