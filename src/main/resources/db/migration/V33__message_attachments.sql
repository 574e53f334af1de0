-- A message may carry one text attachment, kept as it is sent: an interview's iCalendar invite (text/calendar with
-- its iTIP method), so a retry sends the very same invite.
alter table outbound_message add column attachment_name text;
alter table outbound_message add column attachment_type text;
alter table outbound_message add column attachment_content text;
