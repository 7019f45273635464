-- Face templates a victim enrols on her own report ("protect my face"). Her browser finds her face
-- in a photo and computes the template (128 numbers of face-api's recognition net); the photo
-- never reaches the service. A face template is biometric data: it is kept only with her consent,
-- encrypted, and withdrawing deletes the rows (no history of the numbers is kept).
create table report_faces (
  id               bigserial primary key,
  report_id        uuid not null references reports on delete cascade,
  -- The embedding model, e.g. face-api-1.7.15/face_recognition: templates of different models
  -- are never compared.
  model            text not null,
  -- AES-256-GCM with the data folder's vault key, the report id bound in as associated data:
  -- 12-byte nonce, then the 128 float32 values (big-endian) encrypted, then the 16-byte tag.
  descriptor       bytea not null,
  -- SHA-256 of the photo it came from, computed in her browser (never the photo), so that the
  -- same photo is not enrolled twice.
  photo_sha256     char(64),
  -- What she agreed to, word for word as the page showed it, who agreed and when.
  consent_text     text not null,
  consent_by       text not null,
  consent_at       timestamptz not null,
  created_at       timestamptz not null default now(),
  unique (report_id, photo_sha256)
);
create index report_faces_by_report on report_faces (report_id);
