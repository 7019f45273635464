-- The victims' portal and the support centre's work: reports, the hashes a victim registers (never
-- her pictures), the links she gives, takedown notices with their clocks, platforms' answers,
-- matches found later, and the events a victim sees on her report.

-- A platform user acts for one platform; notices to that platform are the ones it sees.
alter table users add column organisation text;

create sequence report_numbers;

create table reports (
  id               uuid primary key,
  reference        text not null unique,
  owner            text not null references users on delete restrict,
  filed_for        text not null check (filed_for in ('self', 'guardian', 'support_staff')),
  what_happened    text not null,
  happened_on      date,
  platform         text,
  contact_by       text not null default 'portal' check (contact_by in ('portal', 'email', 'phone')),
  contact          text,
  minor            boolean not null default false,
  urgency          text not null default 'normal'
                     check (urgency in ('low', 'normal', 'high', 'urgent')),
  status           text not null default 'new' check (status in
                     ('new', 'triaged', 'in_progress', 'waiting_platform', 'resolved', 'closed',
                      'withdrawn')),
  assigned_to      text references users on delete set null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index reports_queue on reports (status, urgency, created_at);
create index reports_by_owner on reports (owner);

create table report_links (
  id               bigserial primary key,
  report_id        uuid not null references reports on delete cascade,
  url              text not null,
  platform         text,
  note             text,
  added_at         timestamptz not null default now()
);

-- Hashes only. Withdrawn hashes stop being matched; the row stays so the history holds.
create table report_hashes (
  id               bigserial primary key,
  report_id        uuid not null references reports on delete cascade,
  pdq              char(64),
  quality          int,
  md5              char(32),
  sha256           char(64),
  label            text,
  added_at         timestamptz not null default now(),
  withdrawn_at     timestamptz,
  check (pdq is not null or md5 is not null or sha256 is not null)
);
create index report_hashes_active on report_hashes (report_id) where withdrawn_at is null;

-- Staff notes; never shown to the victim.
create table report_notes (
  id               bigserial primary key,
  report_id        uuid not null references reports on delete cascade,
  author           text not null,
  body             text not null,
  at               timestamptz not null default now()
);

-- The report's history; what the victim may see is marked.
create table report_events (
  id               bigserial primary key,
  report_id        uuid not null references reports on delete cascade,
  at               timestamptz not null default now(),
  kind             text not null,
  detail           text,
  for_victim       boolean not null default true
);
create index report_events_by_report on report_events (report_id, at);

create table notices (
  id               uuid primary key,
  report_id        uuid not null references reports on delete cascade,
  kind             text not null check (kind in ('DSA_ART16', 'TAKE_IT_DOWN', 'KR_KCSC')),
  platform         text not null,
  urls             text[] not null,
  explanation      text not null,
  language         text not null default 'ko',
  status           text not null default 'draft' check (status in
                     ('draft', 'sent', 'acknowledged', 'removed', 'refused')),
  created_by       text not null,
  created_at       timestamptz not null default now(),
  sent_at          timestamptz,
  due_at           timestamptz,
  statutory        boolean not null default false,
  answered_at      timestamptz,
  answer           text,
  removed_at       timestamptz
);
create index notices_by_report on notices (report_id);
create index notices_by_platform on notices (platform, status);

-- Platforms' statements of reasons (DSA Art. 17), as the Transparency Database's JSON.
create table statements_of_reasons (
  id               uuid primary key,
  notice_id        uuid references notices on delete set null,
  platform         text not null,
  body             jsonb not null,
  recorded_by      text not null,
  recorded_at      timestamptz not null default now()
);

-- A registered hash seen again: in a scanned case, or by a platform at upload.
create table report_matches (
  id               bigserial primary key,
  report_id        uuid not null references reports on delete cascade,
  hash_id          bigint not null references report_hashes on delete cascade,
  source           text not null check (source in ('scan', 'platform')),
  case_id          uuid,
  platform         text,
  media_sha256     char(64),
  distance         int not null,
  found_at         timestamptz not null default now(),
  unique nulls not distinct (hash_id, source, case_id, platform, media_sha256)
);
create index report_matches_by_report on report_matches (report_id, found_at);
