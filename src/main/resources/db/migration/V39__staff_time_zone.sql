-- A member of staff may keep their own time zone (an interviewer abroad); null follows the organization's. Pages, and
-- the times in the emails they get, are in it.
alter table staff_user add column time_zone text;
