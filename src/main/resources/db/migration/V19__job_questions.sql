-- The questions each job asks on its apply form, and the answers to them. A posting keeps the questions as they were
-- published (in parallel arrays, like its steps), so a change of questions makes a new revision; an answer keeps the
-- question's text as the candidate read it, so it still reads right after the question changes or is removed.

create table job_question (
    id              uuid        primary key,
    organization_id uuid        not null,
    job_id          uuid        not null,
    position        int         not null,
    kind            text        not null,
    text_ko         text,
    text_en         text,
    choices         text[],
    required        boolean     not null default false,
    created_at      timestamptz not null,
    constraint job_question_job_fk foreign key (job_id, organization_id)
        references job (id, organization_id) on delete cascade,
    constraint job_question_position_uq unique (job_id, position) deferrable initially deferred,
    constraint job_question_kind check (kind in ('SHORT_TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE',
                                                 'YES_NO', 'FILE')),
    constraint job_question_text check (coalesce(text_ko, text_en) is not null),
    constraint job_question_choices check (case when kind in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE')
        then coalesce(cardinality(choices), 0) between 2 and 20 else choices is null end)
);

alter table job_posting
    add column question_ids       uuid[]    not null default '{}',
    add column question_kinds     text[]    not null default '{}',
    add column question_texts_ko  text[]    not null default '{}',
    add column question_texts_en  text[]    not null default '{}',
    -- each question's choices in one element, one per line ('' for a question without choices)
    add column question_choices   text[]    not null default '{}',
    add column question_required  boolean[] not null default '{}';

create table application_answer (
    application_id  uuid        not null references job_application (id) on delete cascade,
    question_id     uuid        not null,
    organization_id uuid        not null,
    -- the question as the candidate read it, in the language of the form
    question_text   text        not null,
    kind            text        not null,
    answer_text     text,
    answer_choices  text[],
    -- a FILE answer: the candidate_document it was stored as
    document_id     uuid        references candidate_document (id) on delete set null,
    primary key (application_id, question_id)
);
