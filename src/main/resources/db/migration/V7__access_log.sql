-- Who looked at or changed which candidate's data, when and from where (PIPA safeguard standard; SECURITY.md 16).
-- Rows are only ever added: the application cannot change or delete them.

create table access_log (
    id              bigint      generated always as identity primary key,
    organization_id uuid        not null,
    actor_id        uuid,
    actor_name      text        not null,
    remote_address  text,
    at              timestamptz not null,
    action          text        not null,
    subject         text,
    candidate_ids   uuid[]      not null default '{}'
);
create index access_log_organization_idx on access_log (organization_id, at);
create index access_log_candidate_idx on access_log using gin (candidate_ids);

create function access_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_log rows cannot be changed or deleted';
end $$;
create trigger access_log_no_change before update or delete on access_log
    for each row execute function access_log_append_only();
