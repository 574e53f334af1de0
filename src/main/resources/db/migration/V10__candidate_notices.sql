-- Whether a decision at a stage tells the candidate by default (a stage without a row does), and why a message was
-- withheld when a decision chose not to tell.

create table stage_notice (
    stage_id        uuid        primary key references job_stage (id) on delete cascade,
    organization_id uuid        not null,
    notify          boolean     not null,
    updated_at      timestamptz not null,
    updated_by      uuid
);

alter table outbound_message add column note text;
