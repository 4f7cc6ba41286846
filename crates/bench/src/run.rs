//! One registry from scratch: the demo, the import, a cold start, a second
//! start, every endpoint at one client and at many, and the server's memory.

use std::io::BufWriter;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::Value;

use crate::kizuna::Kizuna;
use crate::options::{DatasetKind, Options};
use crate::synthetic::{self, Sizes};

use crate::results::{DatasetResult, Import, progress};

/// Measures one registry; a failure is recorded in the result with what was measured before it.
pub fn run(options: &Options, kind: DatasetKind, work: &Path) -> DatasetResult {
    let started = Instant::now();
    let mut result = DatasetResult {
        kind: Some(kind),
        scale: options.scale,
        load: (crate::machine::load_average(), None),
        ..DatasetResult::default()
    };
    if let Err(e) = steps(options, kind, work, &mut result) {
        progress(started, &format!("stopped: {e:#}"));
        result.error = Some(format!("{e:#}"));
    }
    result.elapsed = started.elapsed();
    result.load.1 = crate::machine::load_average();
    result
}

fn steps(
    options: &Options,
    kind: DatasetKind,
    work: &Path,
    r: &mut DatasetResult,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let name = match kind {
        DatasetKind::Ror => "ror".to_owned(),
        DatasetKind::Synthetic => format!("synthetic-{}", options.scale),
    };
    let dir = work.join(&name);
    let kizuna = Kizuna::new(&options.kizuna, &dir);
    let limit = Duration::from_secs(600);
    if options.reuse && dir.join("index").is_dir() {
        progress(
            started,
            &format!("{name}: serving the registry kept in {}", dir.display()),
        );
        r.source = format!("the registry kept in `{}` by an earlier run", dir.display());
        let server = kizuna.serve(limit)?;
        return measure_server(options, server, r, started);
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    progress(
        started,
        &format!("{name}: loading the demo dataset into {}", dir.display()),
    );
    kizuna.run(&["demo"])?;
    match kind {
        DatasetKind::Ror => import_ror(options, &kizuna, r, started)?,
        DatasetKind::Synthetic => import_synthetic(options, &kizuna, work, r, started)?,
    }
    let _ = std::fs::remove_dir_all(kizuna.data_dir().join("index"));
    progress(started, "cold start (no index on disk)");
    let cold = kizuna.serve(limit)?;
    r.starts.push((
        "cold start: index built from the database".into(),
        cold.ready,
    ));
    drop(cold);
    progress(started, "second start (index on disk)");
    let server = kizuna.serve(limit)?;
    r.starts
        .push(("second start: index on disk".into(), server.ready));
    measure_server(options, server, r, started)
}

/// Every endpoint against a ready server, then its memory.
fn measure_server(
    options: &Options,
    server: crate::kizuna::Server,
    r: &mut DatasetResult,
    started: Instant,
) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the client runtime")?;
    let measured = runtime.block_on(crate::measure::measure(
        options,
        &server.address,
        server.pid(),
        r,
        started,
    ));
    r.memory = server.memory();
    measured
}

fn import_ror(
    options: &Options,
    kizuna: &Kizuna,
    r: &mut DatasetResult,
    started: Instant,
) -> anyhow::Result<()> {
    if !options.ror.exists() {
        bail!(
            "the ROR dump {} is not there (use --ror FILE)",
            options.ror.display()
        );
    }
    let file = options.ror.to_str().context("the ROR path is not UTF-8")?;
    r.source = format!("the real ROR v2 dump `{file}`, after the Japan demo dataset");
    for label in [
        "first import into a fresh SQLite",
        "the same file again (all unchanged)",
    ] {
        progress(started, &format!("kizuna import ror: {label}"));
        let done = kizuna.run(&["import", "ror", file])?;
        let said = done
            .stdout
            .lines()
            .find(|l| l.contains(" records in "))
            .unwrap_or_default()
            .to_owned();
        let records = said
            .split(" records in ")
            .next()
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        r.imports.push(Import {
            label: label.to_owned(),
            records,
            elapsed: done.elapsed,
            peak_kb: done.peak_kb,
            said,
        });
    }
    Ok(())
}

fn import_synthetic(
    options: &Options,
    kizuna: &Kizuna,
    work: &Path,
    r: &mut DatasetResult,
    started: Instant,
) -> anyhow::Result<()> {
    let export = kizuna.run(&["export", "json"])?;
    let mut base: Value =
        serde_json::from_str(&export.stdout).context("reading `kizuna export json`")?;
    strip_timestamps(&mut base);
    let file = work.join(format!(
        "synthetic-{}-seed{}.json",
        options.scale, options.seed
    ));
    progress(started, &format!("generating {}", file.display()));
    let begun = Instant::now();
    let out =
        std::fs::File::create(&file).with_context(|| format!("creating {}", file.display()))?;
    let summary = synthetic::write(
        BufWriter::new(out),
        &base,
        Sizes::scaled(options.scale),
        options.seed,
    )?;
    let bytes = std::fs::metadata(&file)?.len();
    r.generated = Some((begun.elapsed(), bytes, summary));
    let s = Sizes::scaled(options.scale);
    r.source = format!(
        "a generated registry (seed {}): {} organisations, {} agreements, {} programmes, {} funding opportunities and {} contacts, on top of the Japan demo dataset",
        options.seed, s.organisations, s.agreements, s.programmes, s.funding, s.contacts
    );
    progress(
        started,
        &format!("kizuna import json ({:.0} MB)", bytes as f64 / 1e6),
    );
    let path = file.to_str().context("the work path is not UTF-8")?;
    let done = kizuna.run(&["import", "json", path])?;
    let records = summary.organisations
        + summary.agreements
        + summary.programmes
        + summary.funding
        + summary.contacts;
    r.imports.push(Import {
        label: "import json of the generated dataset".to_owned(),
        records,
        elapsed: done.elapsed,
        peak_kb: done.peak_kb,
        said: done.stdout.trim().to_owned(),
    });
    Ok(())
}

/// Drops storage's timestamps from exported records, as a hand-written dataset would.
fn strip_timestamps(data: &mut Value) {
    if let Some(sections) = data.as_object_mut() {
        for records in sections.values_mut().filter_map(Value::as_array_mut) {
            for record in records.iter_mut().filter_map(Value::as_object_mut) {
                record.remove("created_at");
                record.remove("updated_at");
            }
        }
    }
}
