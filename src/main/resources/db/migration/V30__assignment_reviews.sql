-- What the candidate handed in beside a link (files, kept as the candidate's documents), and the reviewers' scores.
-- A reviewer submits a review once, whole: a score for every line of the rubric as it read then (its name and
-- maximum are kept with the score, because changing a template writes its rubric lines anew), each with an
-- optional note, and a note on the whole.

create table assignment_file (
    assignment_id uuid     not null references assignment (id) on delete cascade,
    document_id   uuid     not null references candidate_document (id) on delete cascade,
    position      smallint not null,
    primary key (assignment_id, document_id)
);

create table assignment_review (
    assignment_id uuid        not null references assignment (id) on delete cascade,
    reviewer_id   uuid        not null references staff_user (id),
    note          text,
    submitted_at  timestamptz not null,
    primary key (assignment_id, reviewer_id)
);

create table assignment_score (
    assignment_id  uuid     not null,
    reviewer_id    uuid     not null,
    position       smallint not null,
    criterion_id   uuid     not null,
    criterion_name text     not null,
    max_score      smallint not null,
    score          smallint not null check (score between 0 and max_score),
    note           text,
    primary key (assignment_id, reviewer_id, position),
    foreign key (assignment_id, reviewer_id) references assignment_review (assignment_id, reviewer_id)
        on delete cascade
);
