//! Checkpoints off the writers' path.
//!
//! SQLite's automatic checkpoint runs inside the commit that takes the
//! write-ahead log past its threshold, so a bulk write would pay for copying
//! (and syncing) the log into the database before it returns. The store turns
//! that off and, after each write, checkpoints on a pool connection of its own
//! instead. A log only starts over when a checkpoint has copied all of it
//! before the next write begins, which back-to-back bulk writes never leave
//! time for: once the log has grown past [`LOG_LIMIT`], a bulk write
//! first waits for the running checkpoint, so the log stays bounded.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use sqlx::SqlitePool;
use tokio::sync::{Mutex, OwnedMutexGuard};

/// Bytes the log may hold before bulk writes wait for a checkpoint; also
/// what a log that grew longer is cut back to when it starts over.
pub(super) const LOG_LIMIT: i64 = 64 << 20;

/// Runs `PRAGMA wal_checkpoint(PASSIVE)` after writes, one at a time.
#[derive(Clone)]
pub(super) struct Checkpointer(Arc<Inner>);

struct Inner {
    pool: SqlitePool,
    /// Held while checkpoints run.
    running: Arc<Mutex<()>>,
    /// A write committed since the running checkpoint began.
    again: AtomicBool,
    /// Frames in the log when the last checkpoint ran.
    frames: AtomicI64,
    /// [`LOG_LIMIT`] in frames.
    bound: i64,
}

impl Checkpointer {
    /// Checkpoints the database of `pool`, whose pages are `page_size` bytes.
    pub(super) fn new(pool: SqlitePool, page_size: i64) -> Self {
        Checkpointer(Arc::new(Inner {
            pool,
            running: Arc::new(Mutex::new(())),
            again: AtomicBool::new(false),
            frames: AtomicI64::new(0),
            bound: LOG_LIMIT / page_size.max(512),
        }))
    }

    /// Notes a committed write: a checkpoint follows soon, in the background.
    pub(super) fn wrote(&self) {
        self.0.again.store(true, Ordering::SeqCst);
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        if let Ok(guard) = self.0.running.clone().try_lock_owned() {
            runtime.spawn(self.clone().run(guard));
        }
    }

    /// Before a bulk write: once the log is long, waits for the running
    /// checkpoint and copies what is left, so that the write starts the log over.
    pub(super) async fn bound(&self) {
        if self.0.frames.load(Ordering::SeqCst) < self.0.bound {
            return;
        }
        let _running = self.0.running.lock().await;
        if self.checkpoint().await.is_ok() {
            // Starting over (unless a reader still uses the log: then the
            // next checkpoint finds it long again).
            self.0.frames.store(0, Ordering::SeqCst);
        }
    }

    /// Checkpoints until no write came in meanwhile.
    async fn run(self, mut guard: OwnedMutexGuard<()>) {
        loop {
            while self.0.again.swap(false, Ordering::SeqCst) {
                if self.checkpoint().await.is_err() {
                    return;
                }
            }
            drop(guard);
            // A write that came in after the last round found the lock still
            // held and left its checkpoint to this task.
            if !self.0.again.load(Ordering::SeqCst) {
                return;
            }
            match self.0.running.clone().try_lock_owned() {
                Ok(next) => guard = next,
                Err(_) => return,
            }
        }
    }

    /// Copies the log into the database as far as readers allow; notes its length.
    async fn checkpoint(&self) -> Result<(), ()> {
        let done = sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&self.0.pool)
            .await;
        match done {
            Ok((_busy, log, _copied)) => {
                self.0.frames.store(log, Ordering::SeqCst);
                Ok(())
            }
            Err(sqlx::Error::PoolClosed) => Err(()),
            Err(error) => {
                tracing::warn!(%error, "checkpoint failed");
                Err(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use super::{Checkpointer, LOG_LIMIT};
    use crate::sqlite::SqliteStore;
    use crate::{Change, Expect, NewRecord, Store, testing};

    fn puts(from: usize) -> Vec<Change> {
        (from..from + 600)
            .map(|i| {
                let record = NewRecord {
                    collection: kizuna_domain::RecordSet::Organisations,
                    id: format!("org-{i}"),
                    kind: None,
                    country: None,
                    visibility: kizuna_domain::Visibility::Public,
                    search_text: String::new(),
                    doc: serde_json::json!({ "id": i, "text": "x".repeat(1_000) }).to_string(),
                };
                Change::Put(record, Expect::Absent)
            })
            .collect()
    }

    #[tokio::test]
    async fn the_log_is_checkpointed_after_writes_and_starts_over_when_long() {
        let url = testing::fresh_sqlite_url();
        let path = url.strip_prefix("sqlite://").unwrap().to_owned();
        let mut store = SqliteStore::open(&url).await.unwrap();
        store.migrate().await.unwrap();
        let page_size: i64 = sqlx::query_scalar("PRAGMA page_size")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        assert_eq!(page_size, 65_536, "new files get 64 KiB pages");
        // A log of one frame is already long.
        store.checkpointer = Checkpointer::new(store.pool.clone(), LOG_LIMIT);
        let file = || std::fs::metadata(&path).unwrap().len();
        let empty = file();

        store.apply(puts(0), "t").await.unwrap();
        drop(store.checkpointer.0.running.lock().await);
        assert!(
            file() > empty + 600_000,
            "the records reached the database file: {} bytes",
            file()
        );
        let first = store.checkpointer.0.frames.load(Ordering::SeqCst);
        assert!(first > 0);
        // Writes no checkpoint followed (the first starts the log over): the
        // log is about as long again, and not copied.
        for sql in [
            "INSERT INTO settings (key, value) VALUES ('k', 'v')",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) \
             INSERT INTO settings SELECT 'k' || i, hex(randomblob(600)) FROM n",
        ] {
            sqlx::query(sql).execute(&store.pool).await.unwrap();
        }

        store.apply(puts(600), "t").await.unwrap();
        drop(store.checkpointer.0.running.lock().await);
        let second = store.checkpointer.0.frames.load(Ordering::SeqCst);
        assert!(
            second < first + first / 2,
            "the log started over: {first} frames, then {second}"
        );
        assert_eq!(store.revision().await.unwrap(), 1_200);
        store.close().await;
    }
}
