//! ROR import: reads Research Organization Registry v2 records (a data dump
//! array, JSON lines or one record; gzip or plain) into organisations.
//!
//! Re-importing updates organisations in place by ROR id. Organisations a
//! person has edited keep their values; ROR only fills their gaps.

mod importer;
mod mapping;
mod reader;
mod record;
mod summary;

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use kizuna_core::Registry;

pub use importer::ACTOR;
pub use summary::{ImportSummary, Relationship};

use crate::InteropError;
use importer::Importer;
use reader::{Counting, Item, read_items};

/// Receives progress: bytes read from the input and its total size (0 when unknown).
pub trait Progress: Sync {
    /// Called as the input is read, and once at the end.
    fn update(&self, read: u64, total: u64);
}

impl<F: Fn(u64, u64) + Sync> Progress for F {
    fn update(&self, read: u64, total: u64) {
        self(read, total)
    }
}

/// Progress nobody watches.
fn silent(_: u64, _: u64) {}

/// A configured ROR import into one registry.
pub struct RorImport<'a> {
    registry: &'a Registry,
    progress: &'a dyn Progress,
}

impl<'a> RorImport<'a> {
    /// An import into `registry` with default settings and no progress reports.
    pub fn new(registry: &'a Registry) -> Self {
        RorImport {
            registry,
            progress: &silent,
        }
    }

    /// Reports progress to `progress`.
    pub fn progress(mut self, progress: &'a dyn Progress) -> Self {
        self.progress = progress;
        self
    }

    /// Imports the file at `path`.
    pub async fn run_file(self, path: &Path) -> Result<ImportSummary, InteropError> {
        let open = |source| InteropError::Open {
            path: path.to_owned(),
            source,
        };
        let file = File::open(path).map_err(open)?;
        let total = file.metadata().map_err(open)?.len();
        self.run_reader(file, total).await
    }

    /// Imports from any byte stream; `total` is its size for progress, or 0.
    pub async fn run_reader(
        self,
        input: impl Read + Send + 'static,
        total: u64,
    ) -> Result<ImportSummary, InteropError> {
        let mut importer = Importer::new(self.registry).await?;
        let bytes = Arc::new(AtomicU64::new(0));
        let input = Counting::new(input, bytes.clone());
        // Parsing runs on a blocking thread while this task writes, so the
        // CPU work of JSON overlaps the database's.
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<Item>>(16);
        let reading = tokio::task::spawn_blocking(move || {
            read_items(input, &mut |items| tx.blocking_send(items).is_ok())
        });
        while let Some(items) = rx.recv().await {
            for item in items {
                importer.take(item).await?;
            }
            self.progress.update(bytes.load(Ordering::Relaxed), total);
        }
        reading.await.map_err(std::io::Error::other)??;
        let summary = importer.finish().await?;
        self.progress.update(bytes.load(Ordering::Relaxed), total);
        if summary.created + summary.updated + summary.unchanged == 0 {
            return Err(InteropError::NoUsableRecord(summary.nothing_usable()));
        }
        tracing::info!(
            read = summary.read,
            created = summary.created,
            updated = summary.updated,
            skipped = summary.skipped.len(),
            "ROR import done"
        );
        Ok(summary)
    }
}

/// Imports the ROR file at `path` into `registry`, reporting progress as it reads.
pub async fn import(
    registry: &Registry,
    path: &Path,
    progress: &dyn Progress,
) -> Result<ImportSummary, InteropError> {
    RorImport::new(registry)
        .progress(progress)
        .run_file(path)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The import can run inside a spawned task (a web handler, say).
    #[allow(dead_code)]
    fn import_is_send(registry: &Registry, path: &Path) {
        fn send<T: Send>(_: T) {}
        send(import(registry, path, &|_, _| {}));
    }
}
