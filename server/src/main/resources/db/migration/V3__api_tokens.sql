-- Per-user API tokens. Only a SHA-256 of each token is kept; the token is shown once.
create table api_tokens (
  token_sha256   char(64) primary key,
  username       text not null references users on delete cascade,
  label          text not null default '',
  created_at     timestamptz not null default now(),
  last_used_at   timestamptz
);
