-- Single sign-on: the identity (issuer and subject) an account is linked to,
-- so a person keeps their account when the provider's e-mail address changes.
ALTER TABLE users ADD COLUMN sign_on_identity TEXT;
CREATE UNIQUE INDEX users_by_sign_on_identity ON users (sign_on_identity);
