-- An optional second factor for investigators and admins: time-based one-time codes (TOTP,
-- RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps make them.
--
-- totp_secret is the shared key in Base32 (RFC 4648, no padding); null means no second factor.
-- Unlike a password it is not hashed, because it cannot be: checking a code means computing
-- HMAC-SHA1 over the current step with the key itself, so the server must be able to read it back.
-- Whoever can read this column can make codes, but still needs the user's password as well.
--
-- totp_last_step is the last 30-second step whose code was accepted. A code for that step or an
-- earlier one is refused, so a code that has been used (or seen over a shoulder) cannot be reused.
alter table users
  add column totp_secret    text,
  add column totp_last_step bigint;
