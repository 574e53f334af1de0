-- Job openings, their ordered pipelines, hiring teams and the organization's pipeline templates.

create table pipeline_template (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    name            text        not null,
    is_default      boolean     not null default false,
    created_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint pipeline_template_name_uq unique (organization_id, name)
);
create unique index pipeline_template_one_default on pipeline_template (organization_id) where is_default;

create table pipeline_template_stage (
    template_id       uuid not null references pipeline_template (id) on delete cascade,
    position          int  not null,
    kind              text not null,
    name              text not null,
    candidate_name_ko text not null,
    candidate_name_en text not null,
    deadline_days     int,
    primary key (template_id, position)
);

create table job (
    id              uuid        primary key,
    organization_id uuid        not null references organization (id),
    title           text        not null,
    team            text,
    locations       text[]      not null default '{}',
    employment_type text        not null,
    description     text        not null default '',
    headcount       int         not null default 1,
    status          text        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint job_id_org_uq unique (id, organization_id),
    constraint job_headcount_positive check (headcount > 0)
);
create index job_organization_idx on job (organization_id, status, created_at desc);

create table job_stage (
    id                uuid not null primary key,
    organization_id   uuid not null,
    job_id            uuid not null,
    position          int  not null,
    kind              text not null,
    name              text not null,
    candidate_name_ko text not null,
    candidate_name_en text not null,
    deadline_days     int,
    constraint job_stage_job_fk foreign key (job_id, organization_id) references job (id, organization_id) on delete cascade,
    constraint job_stage_position_uq unique (job_id, position) deferrable initially deferred,
    constraint job_stage_id_job_uq unique (id, job_id),
    constraint job_stage_deadline_positive check (deadline_days is null or deadline_days > 0)
);

create table job_member (
    job_id  uuid not null references job (id) on delete cascade,
    user_id uuid not null references staff_user (id),
    role    text not null,
    primary key (job_id, role, user_id)
);
create index job_member_user_idx on job_member (user_id);
