//! Rebuilding the search index from the database: its own command, and the
//! last step of a restore.

use anyhow::Context;
use kizuna_core::Registry;

use crate::config::Settings;

/// Rebuilds the search index from the database.
pub(crate) async fn reindex(settings: &Settings, registry: &Registry) -> anyhow::Result<()> {
    let dir = settings.data_dir.join("index");
    let snapshot = registry.snapshot().await?;
    let started = std::time::Instant::now();
    let index = kizuna_search::SearchIndex::open_or_create(&dir)
        .with_context(|| format!("opening the search index in {}", dir.display()))?;
    index
        .rebuild(&snapshot)
        .context("rebuilding the search index")?;
    println!(
        "Indexed {} records at revision {} in {:.1} s ({}).",
        index.len(),
        snapshot.revision,
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    Ok(())
}
