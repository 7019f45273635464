-- Which message carried which file, one row per post: pages look files up by message and by room,
-- which a btree answers directly (the jsonb list in media stays as the scan wrote it).
create table media_posts (
  case_id        uuid not null references cases on delete cascade,
  sha256         char(64) not null,
  chat_key       text not null,
  message_id     bigint,
  date           timestamptz
);
create index media_posts_by_message on media_posts (case_id, chat_key, message_id);
create index media_posts_by_file on media_posts (case_id, sha256);

insert into media_posts (case_id, sha256, chat_key, message_id, date)
select m.case_id, m.sha256, e->>'chat', (e->>'message_id')::bigint,
  to_timestamp(nullif((e->>'date')::bigint, 0))
from media m, jsonb_array_elements(m.messages) e;

drop index media_messages;
