-- Applying on the careers site: the files a candidate sends (stored here, under generated keys), what they agreed to,
-- each submission (one per form, however often it is sent), and the counters that limit how often one address or
-- one email may apply.

create table candidate_document (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    candidate_id    uuid        not null references candidate (id),
    application_id  uuid,
    kind            text        not null,
    original_name   text        not null,
    media_type      text        not null,
    size_bytes      int         not null,
    sha256          text        not null,
    content         bytea       not null,
    text_status     text        not null default 'PENDING',
    text            text,
    text_error      text,
    created_at      timestamptz not null
);
alter table candidate_document alter column content set storage external;
create index candidate_document_candidate_idx on candidate_document (candidate_id, created_at);
create index candidate_document_text_idx on candidate_document (created_at) where text_status = 'PENDING';

create table consent_record (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    candidate_id    uuid        not null references candidate (id),
    application_id  uuid,
    purpose         text        not null,
    version         text        not null,
    language        text        not null,
    shown_text      text        not null,
    agreed          boolean     not null,
    keep_until      date,
    remote_address  text,
    at              timestamptz not null
);
create index consent_record_candidate_idx on consent_record (candidate_id, at);

create table careers_submission (
    submission_key  uuid        primary key,
    organization_id uuid        not null references organization (id),
    posting_id      uuid        not null references job_posting (id),
    application_id  uuid,
    remote_address  text,
    submitted_at    timestamptz not null
);

create table rate_limit (
    key          text        not null,
    window_start timestamptz not null,
    hits         int         not null,
    primary key (key, window_start)
);
