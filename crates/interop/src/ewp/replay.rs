//! Refusing replayed requests: a signed request's `X-Request-Id` is a nonce,
//! remembered for as long as its date would still be accepted.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::httpsig::{Caller, MAX_SKEW, Refusal};

/// The nonces seen within the clock-skew window, per client key.
#[derive(Debug, Default)]
pub struct ReplayGuard {
    seen: HashMap<(String, String), DateTime<Utc>>,
}

impl ReplayGuard {
    /// Admits `caller`'s request once: a second request with the same key and
    /// `X-Request-Id` is refused while the first one's date is still accepted.
    pub fn admit(&mut self, caller: &Caller, now: DateTime<Utc>) -> Result<(), Refusal> {
        // A nonce whose date is past the window can no longer be replayed:
        // its date alone gets it refused.
        self.seen.retain(|_, expires| *expires >= now);
        let key = (caller.key_id.clone(), caller.request_id.clone());
        if self.seen.contains_key(&key) {
            return Err(Refusal::Invalid(format!(
                "the X-Request-Id {} was already used: each request needs a new one",
                caller.request_id
            )));
        }
        self.seen.insert(key, caller.signed_at + MAX_SKEW);
        Ok(())
    }

    /// How many nonces are remembered.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn caller(key: &str, id: &str, at: DateTime<Utc>) -> Caller {
        Caller {
            key_id: key.to_owned(),
            heis: Default::default(),
            request_id: id.to_owned(),
            signed_at: at,
        }
    }

    #[test]
    fn a_nonce_is_admitted_once_per_key() {
        let now = Utc::now();
        let mut guard = ReplayGuard::default();
        guard.admit(&caller("a", "1", now), now).unwrap();
        let again = guard.admit(&caller("a", "1", now), now).unwrap_err();
        assert_eq!(again.status(), 400);
        guard.admit(&caller("b", "1", now), now).unwrap();
        guard.admit(&caller("a", "2", now), now).unwrap();
    }

    #[test]
    fn nonces_are_forgotten_once_their_date_is_refused_anyway() {
        let then = Utc::now();
        let mut guard = ReplayGuard::default();
        guard.admit(&caller("a", "1", then), then).unwrap();
        let later = then + MAX_SKEW + Duration::seconds(1);
        guard.admit(&caller("a", "2", later), later).unwrap();
        assert_eq!(guard.len(), 1, "the first nonce is no longer kept");
    }
}
