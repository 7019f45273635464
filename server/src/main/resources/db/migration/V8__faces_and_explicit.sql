-- What the scan's face stage said: triage signals and leads for a person to review, never findings.

-- Per file: the explicit-content classifier's score (P(porn) + P(hentai)) and every class's
-- probability, and how many faces the detector found. All null when no model looked at the file;
-- explicit is null too when only faces were searched.
alter table media
  add column explicit         double precision,
  add column explicit_model   text,
  add column explicit_classes jsonb,
  -- The class with the highest probability, kept so that lists need not open the jsonb.
  add column explicit_top     text,
  add column faces            int,
  -- The picture's size, upright, as the models saw it: the frame of its face boxes.
  add column width            int,
  add column height           int,
  -- The first post of the file: the media grid's date order.
  add column first_seen       timestamptz;

update media m set first_seen = (
  select min(p.date) from media_posts p where p.case_id = m.case_id and p.sha256 = m.sha256);

-- The review queue's default order: files that matched a victim first, then the most explicit.
create index media_review on media
  (case_id, matched desc, explicit desc nulls last, message_count desc, sha256);

-- Why an enrolled face matched (how = 'face'): distance and similarity of the descriptors, the
-- person's rank among the enrolled for that face, the face's box in image pixels (x, y, width,
-- height) and the embedding model. Null for hash matches.
alter table matches
  add column face_distance   double precision,
  add column face_similarity double precision,
  add column face_rank       int,
  add column face_box        double precision[],
  add column face_model      text;

-- A file's page reads its matches (and face leads) by file.
create index matches_by_file on matches (case_id, media_sha256);
