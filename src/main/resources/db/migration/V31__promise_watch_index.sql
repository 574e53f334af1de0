-- The promise watch looks every few seconds for scheduled messages that have not gone a minute after their time. The
-- messages it can find are the queued, deferred, being-sent and dead ones outside announcements: few beside the sent
-- ones, so it reads this small index by time instead of the whole outbox (bench/promise-watch.sh: on 312,000 messages
-- the look's statement went from a scan of the table, about 190 ms, to well under a millisecond).
create index outbound_message_promise_idx on outbound_message (send_at)
    where status in ('QUEUED', 'DEFERRED', 'SENDING', 'DEAD') and announcement_id is null;
