-- A reviewer's confirm/reject of a flagged message. Kept apart from flags (which a new import of
-- the case replaces) and keyed by what the flag is about, so decisions survive re-imports.
create table flag_decisions (
  case_id        uuid not null,
  chat_key       text not null,
  message_id     bigint not null default -1,
  category       text not null,
  rule           text not null,
  decision       text not null check (decision in ('confirmed', 'rejected')),
  decided_by     text not null,
  decided_at     timestamptz not null default now(),
  primary key (case_id, chat_key, message_id, category, rule)
);

create index media_by_cluster on media (case_id, cluster);
create index media_matched on media (case_id, matched desc, message_count desc);
create index flags_by_account on flags (case_id, account_key);
create index matches_by_media on matches (case_id, media_sha256);
-- Pages look up the media a message carried, a room's media and a room's members.
create index media_messages on media using gin (messages jsonb_path_ops);
create index accounts_chats on accounts using gin (chats);
create index role_evidence on role_claims using gin (evidence jsonb_path_ops);
