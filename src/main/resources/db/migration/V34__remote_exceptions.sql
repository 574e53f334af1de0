-- Each organization's in-person policy: interviews are held in person unless their kind is one the organization lets
-- be remote; a candidate may ask for an exception for an interview held in person, with a reason, which recruiters
-- approve (the interview becomes a video or phone interview and its invite is sent again) or decline, with a note.

create table interview_policy (
    organization_id uuid        primary key references organization (id),
    remote_kinds    text[]      not null default '{}',
    updated_at      timestamptz not null
);

create table remote_exception (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    interview_id    uuid        not null references interview (id) on delete cascade,
    format          text        not null check (format in ('VIDEO', 'PHONE')),
    reason          text        not null,
    requested_at    timestamptz not null,
    status          text        not null check (status in ('PENDING', 'APPROVED', 'DECLINED')),
    decided_at      timestamptz,
    decided_by      uuid,
    decided_by_name text,
    note            text
);

-- one request waiting per interview at a time
create unique index remote_exception_pending_uq on remote_exception (interview_id) where status = 'PENDING';
create index remote_exception_organization_idx on remote_exception (organization_id, status, requested_at);
