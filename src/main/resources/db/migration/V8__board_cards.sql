-- A board card shows the candidate's name. Keeping the name on the application lets the board read its cards from
-- one index alone (an index-only scan) instead of visiting the candidate of every card. The candidates module
-- announces renames and the pipeline module copies them here.

alter table job_application add column candidate_name text;
update job_application a set candidate_name = c.name from candidate c where c.id = a.candidate_id;
alter table job_application alter column candidate_name set not null;

drop index job_application_board_idx;
create index job_application_board_idx on job_application (stage_id, status, stage_entered_at, id)
    include (candidate_id, candidate_name, version);
