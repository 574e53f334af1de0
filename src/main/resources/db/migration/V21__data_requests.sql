-- What a candidate asks of an organization about their data: documents back (Fair Hiring Procedure Act Art. 11: within
-- 14 days), or their data deleted (Personal Information Protection Act: without delay, read as within 5 days).
create table data_request (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    candidate_id    uuid        not null references candidate (id),
    kind            text        not null,
    note            text,
    requested_at    timestamptz not null,
    due_at          timestamptz not null,
    done_at         timestamptz,
    done_by_name    text
);
create index data_request_open_idx on data_request (organization_id, due_at) where done_at is null;
create index data_request_candidate_idx on data_request (candidate_id, requested_at);
