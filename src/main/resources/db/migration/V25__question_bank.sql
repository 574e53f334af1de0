-- Each organization's question bank, used by online tests and interview kits: a question by topic, difficulty, kind
-- and language, with what counts as right (the correct choices, the accepted short answers) and notes for whoever
-- grades it. The bank starts with Hireflow's DevOps questions (question_bank_seed records that it did, once).

create table question (
    id               uuid        primary key,
    organization_id  uuid        not null references organization (id),
    topic            text        not null,
    difficulty       text        not null check (difficulty in ('EASY', 'MEDIUM', 'HARD')),
    kind             text        not null check (kind in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_ANSWER', 'ESSAY')),
    language         text        not null check (language in ('ko', 'en')),
    prompt           text        not null,
    choices          text[]      not null default '{}',
    correct          text[]      not null default '{}',
    accepted_answers text[]      not null default '{}',
    grading_notes    text,
    tags             text[]      not null default '{}',
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create index question_topic_idx on question (organization_id, lower(topic), id);
create index question_organization_idx on question (organization_id, id);

create table question_bank_seed (
    organization_id uuid        primary key references organization (id),
    seeded_at       timestamptz not null
);
