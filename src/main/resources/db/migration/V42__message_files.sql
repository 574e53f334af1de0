-- A message's attachment is kept as bytes, so it may be a binary file (an offer letter as PDF) as well as text (an
-- interview's iCalendar invite, in UTF-8).
alter table outbound_message add column attachment_data bytea;
update outbound_message set attachment_data = convert_to(attachment_content, 'UTF8') where attachment_content is not null;
alter table outbound_message drop column attachment_content;
