//! `kizuna backup` and `kizuna restore`: everything needed to rebuild a
//! deployment (records, history, documents, accounts, tokens, settings) in
//! one file whose format is in [`format`]. Both stream: the database sends
//! items one at a time to a blocking task that writes them, and a blocking
//! task reads and checks lines while the database writes them, so neither
//! holds the whole registry.

mod format;

use std::ffi::OsString;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use kizuna_core::Registry;
use kizuna_core::store::{BackupCounts, DumpItem, RestoreStep, StoreError};
use tokio::sync::mpsc;

use crate::config::{Settings, redact};
use format::{FORMAT, Header, Line, Probe, VERSION};

/// Items a restore hands the database at once...
const STEP_ITEMS: usize = 500;
/// ...or fewer, when their lines (documents' bytes) add up to this much.
const STEP_BYTES: usize = 8 << 20;

/// Writes a backup of everything in the database to `file`, through a
/// partial file that replaces `file` only once it is complete and on disk.
pub(crate) async fn backup(registry: &Registry, file: &Path) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let store = registry.store().clone();
    let partial = partial_path(file);
    let gzip = file.extension().is_some_and(|e| e == "gz");
    let output = Output::create(&partial, gzip)?;
    let header = Header::new(store.backend());
    let (out, items) = mpsc::channel(64);
    let writing = tokio::task::spawn_blocking(move || output.write_items(&header, items));
    let dumped = store.dump_backup(out).await;
    let written = writing.await.context("the backup writer stopped")?;
    let finished = match (dumped, written) {
        // The writer's error is why the dump stopped.
        (_, Err(e)) => Err(e),
        (Err(e), Ok(_)) => Err(anyhow::Error::new(e).context("reading the database")),
        (Ok(counts), Ok(output)) => tokio::task::spawn_blocking(move || output.finish(counts))
            .await
            .context("the backup writer stopped")?,
    };
    let counts = match finished {
        Ok(counts) => counts,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e.context(format!("writing the backup {}", file.display())));
        }
    };
    std::fs::rename(&partial, file)
        .with_context(|| format!("moving the backup to {}", file.display()))?;
    println!(
        "Backed up {counts} to {} in {:.1} s.",
        file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Restores the backup in `file` in one transaction (into an empty database
/// unless `force`), then rebuilds the search index.
pub(crate) async fn restore(
    settings: &Settings,
    registry: &Registry,
    file: &Path,
    force: bool,
) -> anyhow::Result<()> {
    let lines = Lines::open_backup(file)?;
    let started = std::time::Instant::now();
    let store = registry.store().clone();
    let (steps, received) = mpsc::channel(2);
    let reading = tokio::task::spawn_blocking(move || lines.send_items(steps));
    let restored = store.restore_backup(received, force).await;
    let read = reading.await.context("the backup reader stopped")?;
    let unchanged = || {
        format!(
            "{} was not restored; the database is as it was",
            file.display()
        )
    };
    let counts = match (read, restored) {
        (_, Err(e @ StoreError::NotEmpty { .. })) => bail!(
            "{e} ({}): nothing was restored. `kizuna restore --force {}` replaces everything in it",
            redact(&settings.database_url()),
            file.display()
        ),
        // A bad line stops the reader; the database then sees it go and rolls back.
        (Err(e), _) => return Err(e.context(unchanged())),
        (Ok(_), Err(e)) => return Err(anyhow::Error::new(e).context(unchanged())),
        (Ok(Some(read)), Ok(written)) if read == written => written,
        (Ok(read), Ok(written)) => bail!(
            "{}: read {read:?} but the database wrote {written}",
            unchanged()
        ),
    };
    println!(
        "Restored {counts} from {} in {:.1} s.",
        file.display(),
        started.elapsed().as_secs_f64()
    );
    crate::reindex::reindex(settings, registry).await
}

/// Whether `text` starts like a backup (for `import json`, which reads datasets).
pub(crate) fn is_backup(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default();
    serde_json::from_str::<Probe>(first).is_ok_and(|p| p.format.as_deref() == Some(FORMAT))
}

/// `FILE.partial` beside `FILE`.
fn partial_path(file: &Path) -> PathBuf {
    let mut name = OsString::from(file.as_os_str());
    name.push(".partial");
    PathBuf::from(name)
}

/// Where a backup is written.
enum Sink {
    Plain(BufWriter<File>),
    Gzip(Box<GzEncoder<BufWriter<File>>>),
}

/// A backup being written, with what it holds so far.
struct Output {
    sink: Sink,
    counts: BackupCounts,
}

impl Output {
    fn create(path: &Path, gzip: bool) -> anyhow::Result<Self> {
        let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let file = BufWriter::with_capacity(1 << 20, file);
        let sink = if gzip {
            Sink::Gzip(Box::new(GzEncoder::new(file, Compression::default())))
        } else {
            Sink::Plain(file)
        };
        Ok(Output {
            sink,
            counts: BackupCounts::default(),
        })
    }

    fn line(&mut self, value: &impl serde::Serialize) -> anyhow::Result<()> {
        let writer: &mut dyn Write = match &mut self.sink {
            Sink::Plain(w) => w,
            Sink::Gzip(w) => w,
        };
        serde_json::to_writer(&mut *writer, value)?;
        writer.write_all(b"\n")?;
        Ok(())
    }

    /// Writes the header and every item the dump sends, until it is done.
    fn write_items(
        mut self,
        header: &Header,
        mut items: mpsc::Receiver<DumpItem>,
    ) -> anyhow::Result<Self> {
        self.line(header)?;
        while let Some(item) = items.blocking_recv() {
            self.counts.count(&item);
            self.line(&Line::from_dump(item)?)?;
        }
        Ok(self)
    }

    /// Ends the file with the counts of a complete dump and puts it on disk.
    fn finish(mut self, dumped: BackupCounts) -> anyhow::Result<BackupCounts> {
        if dumped != self.counts {
            bail!(
                "the database sent {dumped} but {} were written",
                self.counts
            );
        }
        self.line(&Line::End(dumped.into()))?;
        let file = match self.sink {
            Sink::Plain(w) => w.into_inner().map_err(|e| e.into_error())?,
            Sink::Gzip(w) => w.finish()?.into_inner().map_err(|e| e.into_error())?,
        };
        file.sync_all()?;
        Ok(dumped)
    }
}

/// A backup being read, line by line.
struct Lines {
    reader: Box<dyn BufRead + Send>,
    /// The current line's number, from 1.
    number: usize,
    text: String,
}

impl Lines {
    /// Opens a file, gzip-compressed or not.
    fn open(file: &Path) -> anyhow::Result<Self> {
        let raw = File::open(file).with_context(|| format!("opening {}", file.display()))?;
        let mut raw = BufReader::with_capacity(1 << 20, raw);
        let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let reader: Box<dyn BufRead + Send> = if gzip {
            Box::new(BufReader::with_capacity(1 << 20, MultiGzDecoder::new(raw)))
        } else {
            Box::new(raw)
        };
        Ok(Lines {
            reader,
            number: 0,
            text: String::new(),
        })
    }

    /// Opens a backup and checks its header: a file of another kind, or of a
    /// newer format version, is refused with what to do instead.
    fn open_backup(file: &Path) -> anyhow::Result<Self> {
        let mut lines = Self::open(file)?;
        let first = lines.next()?.map(|(_, t)| t.to_owned()).unwrap_or_default();
        let probe = serde_json::from_str::<Probe>(&first).ok();
        let Some(probe) = probe.filter(|p| p.format.as_deref() == Some(FORMAT)) else {
            if is_dataset(file) {
                bail!(
                    "{} is a dataset (a backup written before `kizuna restore` existed, or \
                     `kizuna export json`): it holds records only. Load it with \
                     `kizuna import json {}`",
                    file.display(),
                    file.display()
                );
            }
            bail!(
                "{} is not a Kizuna backup: its first line is not a `{FORMAT}` header",
                file.display()
            );
        };
        let version = probe.version.unwrap_or_default();
        if version > VERSION {
            bail!(
                "{} is a backup of format version {version} (written by Kizuna {}); this \
                 Kizuna ({}) reads versions up to {VERSION}: restore it with a newer one",
                file.display(),
                probe.kizuna.as_deref().unwrap_or("unknown"),
                env!("CARGO_PKG_VERSION")
            );
        }
        let header: Header = serde_json::from_str(&first)
            .with_context(|| format!("{}: line 1 is not a complete header", file.display()))?;
        tracing::info!(written_at = %header.written_at, from = header.database, "restoring");
        Ok(lines)
    }

    /// The next line's number and text without its end, or `None` at the end of the file.
    fn next(&mut self) -> anyhow::Result<Option<(usize, &str)>> {
        self.text.clear();
        if self.reader.read_line(&mut self.text)? == 0 {
            return Ok(None);
        }
        self.number += 1;
        Ok(Some((
            self.number,
            self.text.trim_end_matches(['\n', '\r']),
        )))
    }

    /// Reads every item and sends it on in steps, and the commit after a
    /// correct end line. `None`: the database stopped listening (it says why).
    fn send_items(
        mut self,
        steps: mpsc::Sender<RestoreStep>,
    ) -> anyhow::Result<Option<BackupCounts>> {
        let mut counts = BackupCounts::default();
        let (mut step, mut bytes) = (Vec::new(), 0);
        let expected = loop {
            let Some((number, text)) = self.next()? else {
                bail!("the file ends before its `end` line: it is incomplete");
            };
            bytes += text.len();
            let line: Line = serde_json::from_str(text)
                .with_context(|| format!("line {number} is not a backup line"))?;
            let item = line.into_item().with_context(|| format!("line {number}"))?;
            match item {
                Ok(item) => {
                    counts.count(&item);
                    step.push(item);
                }
                Err(expected) => break expected,
            }
            if step.len() >= STEP_ITEMS || bytes >= STEP_BYTES {
                let full = std::mem::take(&mut step);
                if steps.blocking_send(RestoreStep::Items(full)).is_err() {
                    return Ok(None);
                }
                bytes = 0;
            }
        };
        if expected != counts {
            bail!(
                "line {}: the end line counts {expected}, but the file holds {counts}",
                self.number
            );
        }
        while let Some((number, rest)) = self.next()? {
            if !rest.trim().is_empty() {
                bail!("line {number}: the backup goes on after its end line");
            }
        }
        for step in [RestoreStep::Items(step), RestoreStep::Commit] {
            if steps.blocking_send(step).is_err() {
                return Ok(None);
            }
        }
        Ok(Some(counts))
    }
}

/// Whether `file` is a JSON dataset (what `backup` wrote before this format).
fn is_dataset(file: &Path) -> bool {
    Lines::open(file).is_ok_and(|lines| {
        serde_json::from_reader::<_, kizuna_domain::Dataset>(lines.reader).is_ok()
    })
}
