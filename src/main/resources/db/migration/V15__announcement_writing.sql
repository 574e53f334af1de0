-- An announcement's messages are written in chunks, each committed on its own, so sending starts while the rest are
-- still being written. Until it is finished the announcement holds a lease on its writing; if the node writing it
-- dies, another node finishes it when the lease has run out (those already written are not written again).
alter table announcement add column written        int not null default 0;
alter table announcement add column written_passed int not null default 0;
alter table announcement add column written_at     timestamptz;
alter table announcement add column writing_until  timestamptz;
update announcement set written = total, written_passed = passed, written_at = created_at;
create index announcement_writing_idx on announcement (writing_until) where written_at is null;
