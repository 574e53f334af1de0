-- What the candidate hands in for an assignment, through the portal: a link to a repository or pull request, when,
-- and whether it came after the deadline (taken only where the template accepts late hand-ins).
alter table assignment add column submission_link text;
alter table assignment add column submitted_at timestamptz;
alter table assignment add column submitted_late boolean not null default false;
