-- How many applications of each status sit in each stage, kept by the database itself so the board never counts a
-- big round row by row. Each (stage, status) is spread over 32 shards: concurrent inserts into one stage update
-- different rows instead of queueing on one; readers add the shards up.

create table stage_count (
    stage_id uuid     not null references job_stage (id) on delete cascade,
    status   text     not null,
    shard    smallint not null,
    n        bigint   not null,
    primary key (stage_id, status, shard)
);


create function stage_count_on_insert() returns trigger language plpgsql as $$
begin
    insert into stage_count (stage_id, status, shard, n)
    select stage_id, status, floor(random() * 32)::smallint, count(*) from new_rows
    group by stage_id, status order by 1, 2
    on conflict (stage_id, status, shard) do update set n = stage_count.n + excluded.n;
    return null;
end $$;

create function stage_count_on_update() returns trigger language plpgsql as $$
begin
    insert into stage_count (stage_id, status, shard, n)
    select stage_id, status, floor(random() * 32)::smallint, sum(delta) from (
        select stage_id, status, -1 as delta from old_rows
        union all
        select stage_id, status, 1 from new_rows) changes
    group by stage_id, status having sum(delta) <> 0 order by 1, 2
    on conflict (stage_id, status, shard) do update set n = stage_count.n + excluded.n;
    return null;
end $$;

create function stage_count_on_delete() returns trigger language plpgsql as $$
begin
    insert into stage_count (stage_id, status, shard, n)
    select stage_id, status, floor(random() * 32)::smallint, -count(*) from old_rows
    group by stage_id, status order by 1, 2
    on conflict (stage_id, status, shard) do update set n = stage_count.n + excluded.n;
    return null;
end $$;

create trigger job_application_count_insert after insert on job_application
    referencing new table as new_rows for each statement execute function stage_count_on_insert();
create trigger job_application_count_update after update on job_application
    referencing old table as old_rows new table as new_rows for each statement execute function stage_count_on_update();
create trigger job_application_count_delete after delete on job_application
    referencing old table as old_rows for each statement execute function stage_count_on_delete();

insert into stage_count (stage_id, status, shard, n)
select stage_id, status, 0, count(*) from job_application group by stage_id, status;

-- the board's counts now come from stage_count
drop index job_application_counts_idx;
