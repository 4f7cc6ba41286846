//! Passwords and API tokens: how they are made, hashed and checked.
//!
//! Passwords are hashed with argon2id (default parameters, random salt) into
//! a PHC string. API tokens are 32 random bytes, shown once as
//! `kz_` + base64url; only their SHA-256 is stored, which suffices for a
//! secret of that entropy and lets a token be looked up by its hash.
//!
//! Hashing and verifying a password takes tens of milliseconds of CPU: call
//! them from `tokio::task::spawn_blocking` in a server.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine;
use sha2::{Digest, Sha256};

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted, in characters.
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// What every API token starts with, so leaked ones are easy to recognise.
pub const TOKEN_PREFIX: &str = "kz_";

/// The password hash of an account made by single sign-on: no password matches it.
pub const NO_PASSWORD: &str = "";

/// Why a password cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    #[error("the password is too short: use at least {MIN_PASSWORD_CHARS} characters (it has {0})")]
    TooShort(usize),
    /// More than [`MAX_PASSWORD_CHARS`] characters.
    #[error("the password is too long: use at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    /// The operating system gave no randomness, or argon2 failed.
    #[error("the password could not be hashed: {0}")]
    Hashing(String),
}

/// Checks a new password against the rules (length only: long passphrases
/// are what we want people to choose).
pub fn check_password(password: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(PasswordError::TooShort(chars))
    } else if chars > MAX_PASSWORD_CHARS {
        Err(PasswordError::TooLong)
    } else {
        Ok(())
    }
}

/// Checks a new password and hashes it into an argon2id PHC string
/// (`$argon2id$v=19$...`) with a random salt.
pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    check_password(password)?;
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| PasswordError::Hashing(e.to_string()))
}

/// Whether `password` matches a PHC string from [`hash_password`]; a
/// malformed hash matches nothing.
pub fn verify_password(password: &str, hash: &str) -> bool {
    if password.chars().count() > MAX_PASSWORD_CHARS {
        return false;
    }
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// Spends the time of one verification and returns `false`: call it when the
/// account does not exist, so the answer's timing does not tell who has one.
pub fn verify_nothing(password: &str) -> bool {
    static DUMMY: LazyLock<String> = LazyLock::new(|| {
        hash_password("not a real password, never matches").expect("a fixed password hashes")
    });
    verify_password(password, &DUMMY);
    false
}

/// A new API token: the text to give its owner once (`kz_` + 32 random bytes
/// in unpadded base64url) and the hash to store ([`token_hash`]).
pub fn new_api_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    let plain = format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    let hash = token_hash(&plain);
    (plain, hash)
}

/// The stored form of a token: SHA-256 of its text, in lower-case hex.
pub fn token_hash(plain: &str) -> String {
    let digest = Sha256::digest(plain.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        let again = hash_password("correct horse battery").unwrap();
        assert_ne!(hash, again, "every hash has its own salt");
        assert!(verify_password("correct horse battery", &again));
    }

    #[test]
    fn short_and_huge_passwords_are_refused() {
        let err = hash_password("short pass").unwrap_err();
        assert_eq!(err, PasswordError::TooShort(10));
        assert!(err.to_string().contains("at least 12 characters"), "{err}");
        assert!(check_password("twelve chars").is_ok());
        assert!(
            check_password("東京大学の国際交流担当者").is_ok(),
            "characters, not bytes"
        );
        assert!(check_password("東京大学").is_err());
        assert_eq!(
            check_password(&"x".repeat(MAX_PASSWORD_CHARS + 1)),
            Err(PasswordError::TooLong)
        );
    }

    #[test]
    fn malformed_hashes_match_nothing() {
        assert!(!verify_password("correct horse battery", ""));
        assert!(!verify_password("correct horse battery", "plain text"));
        assert!(!verify_nothing("correct horse battery"));
    }

    #[test]
    fn tokens_are_random_prefixed_and_stored_as_sha256() {
        let (plain, hash) = new_api_token();
        assert!(plain.starts_with("kz_"), "{plain}");
        assert_eq!(plain.len(), 3 + 43, "32 bytes in unpadded base64url");
        assert!(
            plain[3..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(hash, token_hash(&plain));
        assert_eq!(hash.len(), 64);
        let (other, other_hash) = new_api_token();
        assert_ne!(plain, other);
        assert_ne!(hash, other_hash);
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
