-- A job's public posting on the careers site. The listing holds what staff set for the posting (pay, the last day to
-- apply, where interviews take place) and which posting is live; each publication is kept as an immutable posting,
-- so what a candidate applied to stays as it read that day while the job goes on changing.

create table job_listing (
    job_id             uuid        primary key references job (id) on delete cascade,
    organization_id    uuid        not null references organization (id),
    salary_min         bigint,
    salary_max         bigint,
    apply_until        date,
    interview_location text,
    posting_id         uuid,
    first_published_at timestamptz,
    version            bigint      not null default 0,
    constraint job_listing_salary check (salary_min is null or salary_min > 0),
    constraint job_listing_salary_range check (salary_max is null or salary_min is null or salary_max >= salary_min)
);
create index job_listing_live_idx on job_listing (organization_id) where posting_id is not null;

create table job_posting (
    id                 uuid        primary key,
    job_id             uuid        not null references job (id) on delete cascade,
    organization_id    uuid        not null references organization (id),
    revision           int         not null,
    title              text        not null,
    team               text,
    locations          text[]      not null,
    employment_type    text        not null,
    description        text        not null,
    salary_min         bigint,
    salary_max         bigint,
    apply_until        date,
    interview_location text,
    stage_kinds        text[]      not null,
    stage_names_ko     text[]      not null,
    stage_names_en     text[]      not null,
    published_at       timestamptz not null,
    constraint job_posting_revision_uq unique (job_id, revision)
);

alter table job_listing add constraint job_listing_posting_fk foreign key (posting_id) references job_posting (id);
