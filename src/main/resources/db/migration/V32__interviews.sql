-- Interviews of applications in INTERVIEW stages: what, how long, in person (the default), by video or by phone,
-- where, and the panel with each member's role on it. The time is set by the recruiter, or picked by the candidate
-- from offered slots. Every scheduled interview holds its panel's time in interviewer_busy, where an exclusion
-- constraint makes two overlapping interviews for one person impossible, whichever node or transaction tries.
-- sequence is the iCalendar SEQUENCE of the interview's invites: it rises with every change sent out.

create extension if not exists btree_gist;

create table interview (
    id               uuid        primary key,
    organization_id  uuid        not null references organization (id),
    application_id   uuid        not null references job_application (id) on delete cascade,
    stage_id         uuid        not null references job_stage (id) on delete cascade,
    title            text        not null,
    kind             text        not null check (kind in ('TECHNICAL', 'CULTURE_FIT', 'OTHER')),
    duration_minutes integer     not null check (duration_minutes between 10 and 480),
    format           text        not null default 'IN_PERSON' check (format in ('IN_PERSON', 'VIDEO', 'PHONE')),
    location         text,
    video_link       text,
    starts_at        timestamptz,
    status           text        not null check (status in ('OFFERED', 'SCHEDULED', 'CANCELLED')),
    sequence         integer     not null default 0,
    cancel_reason    text,
    created_at       timestamptz not null,
    created_by       uuid,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    check (status = 'OFFERED' or starts_at is not null)
);

create index interview_application_idx on interview (application_id);
create index interview_organization_idx on interview (organization_id, starts_at);

create table interview_panelist (
    interview_id uuid     not null references interview (id) on delete cascade,
    user_id      uuid     not null references staff_user (id),
    position     smallint not null,
    panel_role   text     not null,
    primary key (interview_id, user_id)
);

create index interview_panelist_user_idx on interview_panelist (user_id);

create table interviewer_busy (
    interview_id uuid      not null references interview (id) on delete cascade,
    user_id      uuid      not null,
    during       tstzrange not null,
    primary key (interview_id, user_id),
    constraint interviewer_busy_no_overlap exclude using gist (user_id with =, during with &&)
);

create table interview_slot (
    id           uuid        primary key,
    interview_id uuid        not null references interview (id) on delete cascade,
    starts_at    timestamptz not null,
    unique (interview_id, starts_at)
);
