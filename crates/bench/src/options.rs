//! Command-line flags.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};

/// The registries a run can measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetKind {
    /// The real ROR records (`kizuna import ror`).
    Ror,
    /// The generated registry (`kizuna import json`).
    Synthetic,
}

/// What to measure and how long.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where the Markdown report goes.
    pub out: PathBuf,
    /// The `kizuna` binary to drive.
    pub kizuna: PathBuf,
    /// The ROR data dump.
    pub ror: PathBuf,
    /// Generated organisations.
    pub scale: usize,
    /// Seed of the generated registry.
    pub seed: u64,
    /// Registries to measure, in order.
    pub datasets: Vec<DatasetKind>,
    /// At most this long sending requests to one endpoint at one concurrency…
    pub duration: Duration,
    /// …or at most this many requests, whichever comes first.
    pub requests: usize,
    /// Concurrent connections of the throughput runs.
    pub clients: usize,
    /// Most distinct search (and suggest) queries cycled through.
    pub queries: usize,
    /// Where registries and the generated dataset are written (a temporary directory by default).
    pub work_dir: Option<PathBuf>,
    /// Keep the work directory afterwards.
    pub keep: bool,
    /// Measure only endpoints whose name contains one of these (all when empty).
    pub only: Vec<String>,
    /// Serve a registry kept in the work directory by an earlier `--keep` run
    /// instead of importing it again (no import or cold-start figures).
    pub reuse: bool,
}

/// `--help`.
pub const USAGE: &str =
    "kizuna-bench: measures the release `kizuna` against the budgets of issue 7.

Options:
  --out FILE          report file (default BENCHMARKS.md)
  --kizuna PATH       kizuna binary (default: `kizuna` next to this executable)
  --ror FILE          ROR v2 dump (default ../shared/data/ror/ror-v2-records.jsonl.gz)
  --scale N           generated organisations (default 150000; other records scale with it)
  --seed N            seed of the generated registry (default 1)
  --datasets LIST     ror,synthetic (default both)
  --seconds S         time bound of one measurement (default 4)
  --requests N        request bound of one measurement (default 10000; /healthz runs the whole time)
  --clients N         connections of the throughput runs (default 32)
  --queries N         most distinct search queries (default 10000)
  --work-dir DIR      where registries go (default: a new temporary directory)
  --keep              keep the work directory
  --reuse             serve the registry a `--keep` run left in --work-dir (no import, no cold start)
  --only LIST         measure only endpoints whose name contains one of these (comma-separated)";

impl Options {
    /// Parses `args` (without the program name).
    pub fn parse(args: &[String]) -> anyhow::Result<Options> {
        let kizuna = std::env::current_exe()
            .context("finding this executable")?
            .with_file_name("kizuna");
        let mut o = Options {
            out: "BENCHMARKS.md".into(),
            kizuna,
            ror: "../shared/data/ror/ror-v2-records.jsonl.gz".into(),
            scale: 150_000,
            seed: 1,
            datasets: vec![DatasetKind::Ror, DatasetKind::Synthetic],
            duration: Duration::from_secs(4),
            requests: 10_000,
            clients: 32,
            queries: 10_000,
            work_dir: None,
            keep: false,
            only: Vec::new(),
            reuse: false,
        };
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            if flag == "--keep" {
                o.keep = true;
                continue;
            }
            if flag == "--reuse" {
                o.reuse = true;
                continue;
            }
            if flag == "--help" || flag == "-h" {
                println!("{USAGE}");
                std::process::exit(0);
            }
            let value = args
                .next()
                .with_context(|| format!("{flag} needs a value\n\n{USAGE}"))?;
            let number = || -> anyhow::Result<usize> {
                value
                    .parse()
                    .with_context(|| format!("{flag} takes a number, not {value:?}"))
            };
            match flag.as_str() {
                "--out" => o.out = value.into(),
                "--kizuna" => o.kizuna = value.into(),
                "--ror" => o.ror = value.into(),
                "--scale" => o.scale = number()?,
                "--seed" => o.seed = number()? as u64,
                "--seconds" => {
                    let seconds: f64 = value
                        .parse()
                        .with_context(|| format!("--seconds takes a number, not {value:?}"))?;
                    o.duration = Duration::from_secs_f64(seconds.max(0.1));
                }
                "--requests" => o.requests = number()?.max(1),
                "--clients" => o.clients = number()?.max(1),
                "--queries" => o.queries = number()?.max(1),
                "--work-dir" => o.work_dir = Some(value.into()),
                "--only" => o.only = value.split(',').map(str::to_owned).collect(),
                "--datasets" => {
                    o.datasets = value
                        .split(',')
                        .map(|d| match d.trim() {
                            "ror" => Ok(DatasetKind::Ror),
                            "synthetic" => Ok(DatasetKind::Synthetic),
                            other => bail!("unknown dataset {other:?}: use ror or synthetic"),
                        })
                        .collect::<anyhow::Result<_>>()?;
                }
                other => bail!("unknown flag {other}\n\n{USAGE}"),
            }
        }
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_the_defaults() {
        let args: Vec<String> =
            "--scale 5000 --datasets synthetic --seconds 0.5 --keep --reuse --only /map,search"
                .split(' ')
                .map(str::to_owned)
                .collect();
        let o = Options::parse(&args).unwrap();
        assert_eq!(o.scale, 5_000);
        assert_eq!(o.datasets, [DatasetKind::Synthetic]);
        assert_eq!(o.duration, Duration::from_millis(500));
        assert!(o.keep);
        assert!(o.reuse);
        assert_eq!(o.only, ["/map", "search"]);
        assert_eq!(o.clients, 32);
        assert!(Options::parse(&["--scale".to_owned()]).is_err());
        assert!(Options::parse(&["--datasets".to_owned(), "x".to_owned()]).is_err());
    }
}
