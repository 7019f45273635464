-- Cases as the scan found them. Evidence itself stays in the encrypted vault of the case folder;
-- the database holds what the analysis said about it and who looked at what.

create table cases (
  id             uuid primary key,
  title          text not null,
  folder         text not null,
  imported_at    timestamptz not null default now(),
  generated_at   timestamptz,
  custody_head   char(64),
  merkle_root    char(64),
  custody_entries bigint not null default 0,
  messages       bigint not null default 0,
  media_files    bigint not null default 0,
  matched_messages bigint not null default 0,
  victims        bigint not null default 0,
  banks          text[] not null default '{}',
  max_distance   int not null,
  min_quality    int not null
);

create table case_exports (
  case_id        uuid not null references cases on delete cascade,
  export_id      text not null,
  path           text not null,
  result_sha256  char(64) not null,
  shape          text,
  owner          text,
  chats          bigint not null,
  messages       bigint not null,
  media_files    bigint not null,
  primary key (case_id, export_id)
);

create table chats (
  case_id        uuid not null references cases on delete cascade,
  key            text not null,
  telegram_id    bigint,
  type           text,
  name           text,
  messages       bigint not null,
  members        bigint not null,
  matched_media  bigint not null,
  first_date     timestamptz,
  last_date      timestamptz,
  primary key (case_id, key)
);

create table accounts (
  case_id        uuid not null references cases on delete cascade,
  key            text not null,
  rank           int not null,
  display_name   text not null,
  named_only     boolean not null,
  names          jsonb not null,
  usernames      text[] not null,
  chats          text[] not null,
  messages       bigint not null,
  score          double precision not null,
  primary key (case_id, key)
);
create index accounts_by_rank on accounts (case_id, rank);

create table role_claims (
  case_id        uuid not null,
  account_key    text not null,
  role           text not null check (role in
                   ('creator', 'requester', 'distributor', 'admin', 'possessor', 'member')),
  reason         text not null,
  evidence       jsonb not null,
  evidence_count bigint not null,
  -- A reviewer's decision survives a new import of the same case.
  decision       text check (decision in ('confirmed', 'rejected')),
  decided_by     text,
  decided_at     timestamptz,
  primary key (case_id, account_key, role),
  foreign key (case_id, account_key) references accounts on delete cascade
);

create table media (
  case_id        uuid not null references cases on delete cascade,
  sha256         char(64) not null,
  md5            char(32),
  pdq            char(64),
  quality        int not null,
  kind           text,
  path           text,
  cluster        int not null,
  matched        boolean not null,
  message_count  bigint not null,
  messages       jsonb not null,
  primary key (case_id, sha256)
);

create table matches (
  id             bigserial primary key,
  case_id        uuid not null references cases on delete cascade,
  chat_key       text not null,
  message_id     bigint,
  date           timestamptz,
  export_id      text,
  media_sha256   char(64) not null,
  bank           text not null,
  entry_id       text not null,
  how            text not null,
  distance       int not null,
  labels         jsonb not null
);
create index matches_by_entry on matches (case_id, bank, entry_id);

create table flags (
  id             bigserial primary key,
  case_id        uuid not null references cases on delete cascade,
  chat_key       text not null,
  message_id     bigint,
  date           timestamptz,
  account_key    text,
  category       text not null,
  rule           text not null,
  excerpt        text not null
);
create index flags_by_case on flags (case_id, category);

create table findings (
  id             bigserial primary key,
  case_id        uuid not null references cases on delete cascade,
  kind           text not null,
  code           text,
  chat_key       text,
  message_id     bigint,
  detail         text
);

-- Who did what in the service: logins, searches, views and reveals of evidence, exports.
create table audit (
  id             bigserial primary key,
  at             timestamptz not null default now(),
  actor          text not null,
  action         text not null,
  case_id        uuid,
  target         text,
  detail         jsonb not null default '{}'
);
create index audit_by_case on audit (case_id, at);
