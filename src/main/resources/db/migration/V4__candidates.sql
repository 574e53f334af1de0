-- Candidates: one per person (email) per organization.

create table candidate (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    name            text        not null,
    email           text        not null,
    phone           text,
    region          text,
    github_url      text,
    portfolio_url   text,
    source          text,
    tags            text[]      not null default '{}',
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);
create unique index candidate_email_uq on candidate (organization_id, lower(email));
create index candidate_name_idx on candidate (organization_id, lower(name));
