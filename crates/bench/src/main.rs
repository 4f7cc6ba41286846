//! `kizuna-bench`: measures the release `kizuna` against the budgets of issue 7
//! on two fresh SQLite registries — the ~51k real ROR records and a generated
//! registry of 150k organisations — and writes the report (BENCHMARKS.md).
//!
//! For each registry: import rate, cold start and second start to ready, p50/p99
//! of every public page and API endpoint at one client, throughput at 32
//! keep-alive connections as a share of `/healthz`, and the server's memory.
//!
//! Run `cargo build --release -p kizuna -p kizuna-bench`, then
//! `target/release/kizuna-bench` from the repository root (`--help` lists the flags);
//! `kizuna-bench sheet-import` times a spreadsheet import instead.

mod endpoints;
mod http;
mod kizuna;
mod machine;
mod measure;
mod options;
mod queries;
mod report;
mod results;
mod rng;
mod run;
mod sheet_import;
mod stats;
mod synthetic;

use anyhow::{Context, bail};

use options::Options;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "sheet-import") {
        return sheet_import::main(&args[1..]);
    }
    let options = Options::parse(&args)?;
    if !options.kizuna.exists() {
        bail!(
            "{} is missing: run `cargo build --release -p kizuna` first, or pass --kizuna PATH",
            options.kizuna.display()
        );
    }
    let header = machine::Header::collect();
    let work = match &options.work_dir {
        Some(dir) => dir.clone(),
        None => std::env::temp_dir().join(format!("kizuna-bench-{}", std::process::id())),
    };
    std::fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
    let results: Vec<results::DatasetResult> = options
        .datasets
        .iter()
        .map(|&kind| run::run(&options, kind, &work))
        .collect();
    if !options.keep && !options.reuse {
        let _ = std::fs::remove_dir_all(&work);
    }
    let markdown = report::markdown(&header, &options, &results);
    std::fs::write(&options.out, &markdown)
        .with_context(|| format!("writing {}", options.out.display()))?;
    println!("{markdown}");
    eprintln!("written to {}", options.out.display());
    Ok(())
}
