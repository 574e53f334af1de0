-- A stage's count row was picked at random among 32, so two of the 20 pooled connections adding to the same stage at
-- once met on one row about every time a dozen of them were busy, and the second waited for the first to commit
-- (which, on the careers site, comes after storing the resume). The row is now picked by the database connection
-- (its server process), and a connection runs one transaction at a time: concurrent transactions of one node never
-- meet on a row unless two process ids fall on the same residue. Readers still add up all 32.

create or replace function stage_count_shard() returns smallint language sql stable as $$
    select (pg_backend_pid() % 32)::smallint
$$;

create or replace function stage_count_on_insert() returns trigger language plpgsql as $$
begin
    insert into stage_count (stage_id, status, shard, n)
    select stage_id, status, stage_count_shard(), count(*) from new_rows
    group by stage_id, status order by 1, 2
    on conflict (stage_id, status, shard) do update set n = stage_count.n + excluded.n;
    return null;
end $$;

create or replace function stage_count_on_update() returns trigger language plpgsql as $$
begin
    insert into stage_count (stage_id, status, shard, n)
    select stage_id, status, stage_count_shard(), sum(delta) from (
        select stage_id, status, -1 as delta from old_rows
        union all
        select stage_id, status, 1 from new_rows) changes
    group by stage_id, status having sum(delta) <> 0 order by 1, 2
    on conflict (stage_id, status, shard) do update set n = stage_count.n + excluded.n;
    return null;
end $$;

create or replace function stage_count_on_delete() returns trigger language plpgsql as $$
begin
    insert into stage_count (stage_id, status, shard, n)
    select stage_id, status, stage_count_shard(), -count(*) from old_rows
    group by stage_id, status order by 1, 2
    on conflict (stage_id, status, shard) do update set n = stage_count.n + excluded.n;
    return null;
end $$;
