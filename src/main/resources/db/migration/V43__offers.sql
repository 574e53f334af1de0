-- Offers and their negotiation. A job's salary bands: the yearly base salary in KRW per level. The organization's
-- offer approvers (none: its admins approve). An offer belongs to an application in an OFFER stage and is a thread:
-- the company proposes version 1, the candidate answers it with a counter-proposal (which carries the number of the
-- version it answers), the company proposes version 2, and so on; position is the order in the thread. A company version outside the band, with no band for its level, or changing the
-- compensation of an approved version needs an approver's yes before it can be sent; a sent version carries its PDF
-- letter as the candidate got it. Versions are never changed after they are proposed except for their approval and
-- sending; the thread's events (approvals, sending, answers, expiry, extension, withdrawal) are appended only.

create table salary_band (
    job_id          uuid        not null references job (id) on delete cascade,
    level           text        not null check (length(level) between 1 and 40),
    organization_id uuid        not null references organization (id),
    min_krw         bigint      not null check (min_krw > 0),
    max_krw         bigint      not null check (max_krw <= 10000000000),
    updated_at      timestamptz not null,
    updated_by_name text        not null,
    primary key (job_id, level),
    check (max_krw >= min_krw)
);

create table offer_approver (
    organization_id uuid not null references organization (id),
    user_id         uuid not null references staff_user (id) on delete cascade,
    primary key (organization_id, user_id)
);

create table offer (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    application_id  uuid        not null references job_application (id) on delete cascade,
    job_id          uuid        not null references job (id),
    status          text        not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    -- the version the candidate has in hand, and until when it holds
    sent_version    integer,
    expires_at      timestamptz,
    decline_reason  text check (decline_reason in ('COMPENSATION', 'START_DATE', 'OTHER_OFFER', 'LOCATION', 'OTHER')),
    decline_note    text,
    withdraw_reason text,
    created_at      timestamptz not null,
    created_by_name text        not null,
    closed_at       timestamptz,
    version         bigint      not null default 0,
    check (status <> 'DECLINED' or decline_reason is not null),
    check (status <> 'WITHDRAWN' or withdraw_reason is not null)
);

-- one offer in play per application
create unique index offer_live_uq on offer (application_id) where status in ('OPEN', 'EXPIRED');
create index offer_organization_idx on offer (organization_id, created_at);
-- the expiry watch reads only the sent offers still open
create index offer_expiry_idx on offer (expires_at) where status = 'OPEN' and expires_at is not null;

create table offer_version (
    offer_id             uuid        not null references offer (id) on delete cascade,
    position             integer     not null check (position > 0),
    number               integer     not null check (number > 0),
    proposed_by          text        not null check (proposed_by in ('COMPANY', 'CANDIDATE')),
    proposed_by_user     uuid,
    proposed_by_name     text        not null,
    proposed_at          timestamptz not null,
    level                text        not null,
    title                text        not null,
    base_salary_krw      bigint      not null check (base_salary_krw between 1 and 10000000000),
    sign_on_bonus_krw    bigint      not null check (sign_on_bonus_krw between 0 and 10000000000),
    bonus_target_percent integer     not null check (bonus_target_percent between 0 and 200),
    stock_options        integer     not null check (stock_options >= 0),
    vesting              text,
    start_date           date        not null,
    work_location        text        not null,
    other_terms          text,
    expires_on           date        not null,
    message              text,
    -- NOT_NEEDED, or PENDING until an approver answers APPROVED or REJECTED; a candidate's version needs none
    approval             text        not null check (approval in ('NOT_NEEDED', 'PENDING', 'APPROVED', 'REJECTED')),
    approval_reason      text check (approval_reason in ('OUTSIDE_BAND', 'NO_BAND', 'CHANGED_AFTER_APPROVAL')),
    decided_by           uuid,
    decided_by_name      text,
    decided_at           timestamptz,
    decision_note        text,
    sent_at              timestamptz,
    letter_language      text,
    letter_pdf           bytea,
    primary key (offer_id, position),
    unique (offer_id, proposed_by, number),
    check (proposed_by = 'COMPANY' or (approval = 'NOT_NEEDED' and sent_at is null)),
    check (sent_at is null or approval in ('NOT_NEEDED', 'APPROVED')),
    check (sent_at is null or letter_pdf is not null)
);

create table offer_event (
    id         uuid        primary key,
    offer_id   uuid        not null references offer (id) on delete cascade,
    at         timestamptz not null,
    kind       text        not null,
    version    integer,
    actor_name text        not null,
    note       text
);

create index offer_event_offer_idx on offer_event (offer_id, id);

create function offer_event_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'offer_event rows are immutable';
end $$;
create trigger offer_event_no_update before update on offer_event
    for each row execute function offer_event_immutable();

-- each organization's letter wording per language; no row: Hireflow's own
create table offer_letter_template (
    organization_id uuid        not null references organization (id),
    language        text        not null check (language in ('ko', 'en')),
    before_terms    text        not null,
    after_terms     text        not null,
    updated_at      timestamptz not null,
    updated_by_name text        not null,
    primary key (organization_id, language)
);
