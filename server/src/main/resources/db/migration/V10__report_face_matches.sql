-- A face a victim enrolled ("protect my face"), found by a scan the service ran: recorded on her
-- report like a registered hash seen again, but as a lead for a person to review, never as an
-- identification. A face row names no registered hash; it keeps why the face matched (the
-- descriptors' distance and the person's rank among the enrolled for that face).
alter table report_matches
  alter column hash_id drop not null,
  add column kind          text not null default 'hash' check (kind in ('hash', 'face')),
  add column face_distance double precision,
  add column face_rank     int,
  add constraint report_matches_kind_fits check (
    (kind = 'hash' and hash_id is not null)
    or (kind = 'face' and hash_id is null and source = 'scan' and case_id is not null
        and media_sha256 is not null));

-- Once only, as before, for hash rows. The constraint V7 made would hold face rows once per file
-- for all reports together (their hash_id is null): it becomes an index on hash rows alone.
do $$
declare
  c text;
begin
  for c in
    select conname from pg_constraint
    where conrelid = 'report_matches'::regclass and contype = 'u'
  loop
    execute format('alter table report_matches drop constraint %I', c);
  end loop;
end
$$;
create unique index report_matches_hash_once on report_matches
  (hash_id, source, case_id, platform, media_sha256) nulls not distinct where kind = 'hash';

-- Once only for face rows: a report, a case, a file (however many faces or posts of it matched).
create unique index report_matches_face_once on report_matches
  (report_id, kind, case_id, media_sha256) where kind = 'face';
