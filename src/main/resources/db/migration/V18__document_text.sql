-- Reading the text of candidates' documents in the background: a document being read carries when its reading started
-- (another node takes it over once that is older than the lease, so a crash never strands it) and how often reading
-- was started (a file that brings down whichever node reads it is given up after a few tries instead of forever).

alter table candidate_document add column text_started_at timestamptz;
alter table candidate_document add column text_attempts int not null default 0;

-- one index serves both what waits to be read and what is being read, oldest first; both stay small
drop index candidate_document_text_idx;
create index candidate_document_text_idx on candidate_document (created_at)
    where text_status in ('PENDING', 'EXTRACTING');
