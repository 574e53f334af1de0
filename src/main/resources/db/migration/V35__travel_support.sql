-- Travel support for in-person interviews. Each organization's policy (no row: the defaults below): the regions
-- counted as the office's metropolitan area (a candidate whose region starts with none of them is eligible), the
-- modes of transport paid for, the cap per trip in KRW, and whether receipts are required.
-- A claim is the candidate's, for one interview: its trips and receipts (PDF files kept as the candidate's documents),
-- and the bank details the payment needs, as one AES-GCM ciphertext (holder, bank, account number) with only the
-- account number's last four digits in clear; the ciphertext is removed when the claim is paid. No resident
-- registration number is asked for anywhere.

create table travel_policy (
    organization_id   uuid        primary key references organization (id),
    enabled           boolean     not null default true,
    metro_regions     text[]      not null default '{서울,경기,인천}',
    modes             text[]      not null default '{TRAIN,BUS}',
    cap_per_trip_krw  integer     not null default 150000 check (cap_per_trip_krw between 1000 and 2000000),
    receipts_required boolean     not null default true,
    updated_at        timestamptz not null,
    updated_by        uuid,
    version           bigint      not null default 0
);

create table travel_claim (
    id                 uuid        primary key,
    organization_id    uuid        not null references organization (id),
    interview_id       uuid        not null unique references interview (id) on delete cascade,
    application_id     uuid        not null references job_application (id) on delete cascade,
    candidate_id       uuid        not null references candidate (id) on delete cascade,
    status             text        not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
    total_krw          bigint      not null check (total_krw > 0),
    -- the policy's cap when the claim came in: it is judged by that
    cap_per_trip_krw   integer     not null,
    bank_details       bytea,
    account_last4      text,
    submitted_at       timestamptz not null,
    decided_at         timestamptz,
    decided_by         uuid,
    decided_by_name    text,
    reject_reason      text,
    override_note      text,
    paid_on            date,
    paid_at            timestamptz,
    paid_by_name       text,
    version            bigint      not null default 0,
    check (status <> 'REJECTED' or reject_reason is not null),
    check (status <> 'PAID' or (paid_on is not null and bank_details is null))
);

create index travel_claim_organization_idx on travel_claim (organization_id, status, submitted_at);

create table travel_trip (
    claim_id    uuid     not null references travel_claim (id) on delete cascade,
    position    smallint not null,
    travel_date date     not null,
    from_place  text     not null,
    to_place    text     not null,
    mode        text     not null check (mode in ('TRAIN', 'BUS', 'FLIGHT')),
    amount_krw  integer  not null check (amount_krw between 1 and 1000000),
    primary key (claim_id, position)
);

create table travel_receipt (
    claim_id    uuid     not null references travel_claim (id) on delete cascade,
    document_id uuid     not null references candidate_document (id) on delete cascade,
    position    smallint not null,
    primary key (claim_id, document_id)
);
