-- Tenants, staff users, API tokens and the sign-in log.

create table organization (
    id             uuid        primary key,
    slug           text        not null,
    name           text        not null,
    default_locale text        not null default 'ko',
    time_zone      text        not null default 'Asia/Seoul',
    created_at     timestamptz not null,
    version        bigint      not null default 0,
    constraint organization_slug_uq unique (slug),
    constraint organization_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$')
);

create table staff_user (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    email           text        not null,
    display_name    text        not null,
    password_hash   text        not null,
    roles           text[]      not null,
    enabled         boolean     not null default true,
    failed_sign_ins int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null,
    version         bigint      not null default 0
);
-- Staff sign in with their email alone, so an email names one account on the whole platform.
create unique index staff_user_email_uq on staff_user (lower(email));
create index staff_user_organization_idx on staff_user (organization_id, display_name);

create table api_token (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    user_id         uuid        not null references staff_user (id),
    name            text        not null,
    token_hash      bytea       not null,
    token_prefix    text        not null,
    created_at      timestamptz not null,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    constraint api_token_hash_uq unique (token_hash)
);
create index api_token_user_idx on api_token (user_id, created_at);

-- Every staff sign-in attempt, successful or not.
create table sign_in_attempt (
    id         bigint      generated always as identity primary key,
    email      text        not null,
    user_id    uuid,
    remote_ip  text,
    succeeded  boolean     not null,
    at         timestamptz not null
);
create index sign_in_attempt_at_idx on sign_in_attempt (at);
