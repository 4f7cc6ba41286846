//! `kizuna-bench`: loads the ~51k ROR records (or a generated set of the same
//! size) into a fresh SQLite registry with the release `kizuna`, then measures
//! import rate, cold start to ready, search and map latency at 1 and 32
//! concurrent clients, and resident memory; writes BENCHMARKS.md.
//!
//! Run with `cargo run --release -p kizuna-bench` after `cargo build --release -p kizuna`.

mod http;
mod report;
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use report::{Latency, Report};

const ROR_FILE: &str = "../shared/data/ror/ror-v2-records.jsonl.gz";

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| "BENCHMARKS.md".into());
    let requests: usize = args
        .iter()
        .position(|a| a == "--requests")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let kizuna = std::env::current_exe()?.with_file_name("kizuna");
    if !kizuna.exists() {
        bail!(
            "{} is missing: run `cargo build --release -p kizuna` first",
            kizuna.display()
        );
    }
    let data_dir = std::env::temp_dir().join(format!("kizuna-bench-{}", std::process::id()));
    std::fs::create_dir_all(&data_dir)?;
    let (input, source) = match args
        .iter()
        .position(|a| a == "--ror")
        .and_then(|i| args.get(i + 1))
    {
        Some(file) => (PathBuf::from(file), format!("ROR records from {file}")),
        None if Path::new(ROR_FILE).exists() => (
            PathBuf::from(ROR_FILE),
            "the 51,370 real ROR records of ../shared/data/ror".to_owned(),
        ),
        None => {
            let file = data_dir.join("generated.jsonl");
            synthetic::write(&file, 51_370)?;
            (
                file,
                "51,370 generated ROR-shaped records (../shared was not found)".to_owned(),
            )
        }
    };
    let runtime = tokio::runtime::Runtime::new()?;
    let mut report = Report::new(source, requests);

    eprintln!(
        "loading the demo dataset and importing {} ...",
        input.display()
    );
    run(&kizuna, &data_dir, &["demo"])?;
    let started = Instant::now();
    let output = run(
        &kizuna,
        &data_dir,
        &["import", "ror", input.to_str().context("a UTF-8 path")?],
    )?;
    let seconds = started.elapsed().as_secs_f64();
    let records = output
        .lines()
        .find_map(|l| l.split(" records in ").next()?.trim().parse::<f64>().ok())
        .unwrap_or(0.0);
    report.import = Some((records as usize, seconds));
    let again = Instant::now();
    run(
        &kizuna,
        &data_dir,
        &["import", "ror", input.to_str().context("a UTF-8 path")?],
    )?;
    report.reimport = Some((records as usize, again.elapsed().as_secs_f64()));

    for (label, wipe_index) in [
        ("cold start, index built from the database", true),
        ("restart with the index on disk", false),
    ] {
        if wipe_index {
            let _ = std::fs::remove_dir_all(data_dir.join("index"));
        }
        let (mut child, address, ready) = serve(&kizuna, &data_dir)?;
        report.starts.push((label.to_owned(), ready));
        if !wipe_index {
            runtime.block_on(measure(&address, requests, &mut report))?;
            report.memory = report::memory(child.id());
        }
        stop(&mut child);
    }
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::write(&out, report.markdown())?;
    println!("{}", report.markdown());
    eprintln!("written to {}", out.display());
    Ok(())
}

/// The search and map requests measured, by name.
const SEARCHES: &[&str] = &[
    "q=%E6%9D%B1%E4%BA%AC",
    "q=Karolinska",
    "q=Karolinksa",
    "q=university%20hospital",
    "q=%E7%90%86%E5%8C%96%E5%AD%A6%E7%A0%94%E7%A9%B6%E6%89%80",
    "q=Goteborg",
    "q=UTokyo",
    "q=institute&type=organisations&country=JP",
];
const MAPS: &[&str] = &[
    "zoom=2&scope=all",
    "zoom=2&scope=all&bbox=-180,-85,180,85",
    "zoom=5&scope=all&bbox=-10,35,30,70",
    "zoom=8&scope=all&bbox=138,34,141,37",
    "zoom=2",
];

async fn measure(address: &str, requests: usize, report: &mut Report) -> anyhow::Result<()> {
    let search: Vec<String> = SEARCHES
        .iter()
        .map(|q| format!("/api/v1/search?{q}"))
        .collect();
    let map: Vec<String> = MAPS.iter().map(|q| format!("/api/v1/map?{q}")).collect();
    let world = vec!["/api/v1/map?zoom=2&scope=all".to_owned()];
    for (name, paths) in [
        ("search", &search),
        ("map (all views)", &map),
        ("map (world view)", &world),
    ] {
        for clients in [1usize, 32] {
            let latencies = http::load(address, paths, requests, clients).await?;
            report
                .latencies
                .push(Latency::new(name, clients, latencies));
        }
    }
    let (bytes, features) = http::size(address, "/api/v1/map?zoom=2&scope=all").await?;
    report.world_map = Some((bytes, features));
    Ok(())
}

fn run(kizuna: &Path, data_dir: &Path, args: &[&str]) -> anyhow::Result<String> {
    let output = Command::new(kizuna)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env("RUST_LOG", "warn")
        .output()?;
    if !output.status.success() {
        bail!(
            "kizuna {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Starts `kizuna serve` and returns it with its address once /readyz answers.
fn serve(kizuna: &Path, data_dir: &Path) -> anyhow::Result<(Child, String, Duration)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let address = format!("127.0.0.1:{port}");
    let started = Instant::now();
    let mut child = Command::new(kizuna)
        .args(["serve", "--listen", &address, "--data-dir"])
        .arg(data_dir)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()?;
    while started.elapsed() < Duration::from_secs(300) {
        if http::ready(&address) {
            return Ok((child, address, started.elapsed()));
        }
        if let Some(status) = child.try_wait()? {
            bail!("kizuna serve exited: {status}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    stop(&mut child);
    bail!("kizuna serve was not ready within 300 s")
}

fn stop(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
}
