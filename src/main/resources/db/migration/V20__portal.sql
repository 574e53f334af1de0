-- The candidate portal: one-time sign-in links (only a hash of each is kept), and the platform's own messages (a
-- sign-in link belongs to no organization, so no organization's staff see it).

create table portal_sign_in (
    token_hash   text        primary key,
    email        text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    remote_address text
);
create index portal_sign_in_expiry_idx on portal_sign_in (expires_at);

alter table outbound_message alter column organization_id drop not null;

-- the portal finds one person's records in every organization by email
create index candidate_email_idx on candidate (lower(email));
