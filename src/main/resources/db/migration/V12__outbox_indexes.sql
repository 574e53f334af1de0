-- Fewer indexes to keep up when thousands of messages are written at once. A Message-ID is made from the message's
-- own id, so it is unique without a constraint; the recipient search is a substring match, which a b-tree does not
-- serve; the mailbox pages by id within the organization.
alter table outbound_message drop constraint outbound_message_id_uq;
drop index outbound_message_recipient_idx;
drop index outbound_message_org_idx;
create index outbound_message_org_idx on outbound_message (organization_id, id desc);
