-- People who use the service, and which cases each may see. Passwords are stored as bcrypt hashes.
create table users (
  username       text primary key,
  password_hash  text not null,
  role           text not null check (role in
                   ('investigator', 'support_staff', 'platform', 'victim', 'admin')),
  created_at     timestamptz not null default now()
);

create table case_access (
  case_id        uuid not null references cases on delete cascade,
  username       text not null references users on delete cascade,
  primary key (case_id, username)
);
