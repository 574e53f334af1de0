-- Interview kits and scorecards. A kit template per INTERVIEW stage of a job: the focus attributes the panel rates,
-- and the quiz (chosen bank questions and/or a number drawn from each chosen topic). Each interview's kit is made from
-- its stage's template once, the first time anyone opens it (interview_kit), with its quiz drawn and copied
-- (interview_quiz_question), so the whole panel shares one quiz and later edits to the template or the bank do not
-- change it. Panelists add questions of their own for the candidate; each keeps quiz marks and notes as they go,
-- private until their scorecard is in. A scorecard is submitted once: a rating per focus attribute (copied by name),
-- the notes, the quiz score as it stood, and a recommendation.

create table interview_kit_template (
    stage_id         uuid        primary key references job_stage (id) on delete cascade,
    organization_id  uuid        not null references organization (id),
    focus_attributes text[]      not null default '{}',
    quiz_question_ids uuid[]     not null default '{}',
    quiz_topics      text[]      not null default '{}',
    quiz_per_topic   integer     not null default 0 check (quiz_per_topic between 0 and 10),
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create table interview_kit (
    interview_id      uuid        primary key references interview (id) on delete cascade,
    organization_id   uuid        not null references organization (id),
    focus_attributes  text[]      not null,
    created_at        timestamptz not null,
    -- a recruiter or hiring manager chose to see the scorecards before all were in
    revealed_at       timestamptz,
    revealed_by       uuid
);

create table interview_quiz_question (
    id              uuid     primary key,
    interview_id    uuid     not null references interview_kit (interview_id) on delete cascade,
    position        smallint not null,
    question_id     uuid,
    topic           text     not null,
    kind            text     not null,
    prompt          text     not null,
    choices         text[]   not null default '{}',
    expected_answer text,
    unique (interview_id, position)
);

create table interview_panel_question (
    id           uuid        primary key,
    interview_id uuid        not null references interview (id) on delete cascade,
    author_id    uuid        not null references staff_user (id),
    text         text        not null,
    created_at   timestamptz not null
);

create index interview_panel_question_idx on interview_panel_question (interview_id, created_at);

create table interview_quiz_mark (
    quiz_question_id uuid        not null references interview_quiz_question (id) on delete cascade,
    user_id          uuid        not null references staff_user (id),
    mark             text        not null check (mark in ('CORRECT', 'PARTIAL', 'WRONG')),
    marked_at        timestamptz not null,
    primary key (quiz_question_id, user_id)
);

create table interview_note (
    interview_id uuid        not null references interview (id) on delete cascade,
    user_id      uuid        not null references staff_user (id),
    text         text        not null,
    updated_at   timestamptz not null,
    primary key (interview_id, user_id)
);

create table scorecard (
    id              uuid          primary key,
    organization_id uuid          not null references organization (id),
    interview_id    uuid          not null references interview (id) on delete cascade,
    user_id         uuid          not null references staff_user (id),
    recommendation  text          not null check (recommendation in ('STRONG_NO', 'NO', 'YES', 'STRONG_YES')),
    notes           text,
    quiz_score      numeric(5, 1),
    quiz_marks      jsonb         not null default '[]',
    submitted_at    timestamptz   not null,
    unique (interview_id, user_id)
);

create table scorecard_rating (
    scorecard_id uuid     not null references scorecard (id) on delete cascade,
    position     smallint not null,
    attribute    text     not null,
    rating       text     not null check (rating in ('STRONG_NO', 'NO', 'YES', 'STRONG_YES')),
    primary key (scorecard_id, position)
);
