//! Percentiles and the Markdown written to BENCHMARKS.md.

use std::time::Duration;

/// Latencies of one kind of request at one concurrency.
pub struct Latency {
    name: &'static str,
    clients: usize,
    sorted: Vec<Duration>,
    wall: Duration,
}

impl Latency {
    /// Sorts the samples.
    pub fn new(name: &'static str, clients: usize, mut samples: Vec<Duration>) -> Self {
        samples.sort();
        let wall = samples.iter().sum::<Duration>() / clients.max(1) as u32;
        Latency {
            name,
            clients,
            sorted: samples,
            wall,
        }
    }

    fn percentile(&self, p: f64) -> Duration {
        if self.sorted.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.sorted.len() as f64 - 1.0) * p).round() as usize;
        self.sorted[i]
    }
}

/// Everything measured.
pub struct Report {
    source: String,
    requests: usize,
    /// Records and seconds of the first import.
    pub import: Option<(usize, f64)>,
    /// Records and seconds of importing the same file again.
    pub reimport: Option<(usize, f64)>,
    /// Time to a ready server, by situation.
    pub starts: Vec<(String, Duration)>,
    /// Request latencies.
    pub latencies: Vec<Latency>,
    /// Bytes and features of the world map answer.
    pub world_map: Option<(usize, usize)>,
    /// Resident and peak memory in kB.
    pub memory: Option<(u64, u64)>,
}

impl Report {
    /// An empty report.
    pub fn new(source: String, requests: usize) -> Self {
        Report {
            source,
            requests,
            import: None,
            reimport: None,
            starts: Vec::new(),
            latencies: Vec::new(),
            world_map: None,
            memory: None,
        }
    }

    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        let mut out = String::from("# Benchmarks\n\n");
        out.push_str(&format!(
            "Measured {} on {} with `cargo run --release -p kizuna-bench`.\n\n",
            today(),
            machine()
        ));
        out.push_str(&format!(
            "Data: {}, plus the Japan demo dataset, in SQLite (release build).\n\n",
            self.source
        ));
        out.push_str(
            "## Import\n\n| | records | seconds | records/s |\n| --- | ---: | ---: | ---: |\n",
        );
        for (label, value) in [
            ("first import", self.import),
            ("same file again (all unchanged)", self.reimport),
        ] {
            if let Some((records, seconds)) = value {
                out.push_str(&format!(
                    "| {label} | {records} | {seconds:.1} | {:.0} |\n",
                    records as f64 / seconds.max(0.001)
                ));
            }
        }
        out.push_str("\n## Start to ready (`/readyz` answers)\n\n| | time |\n| --- | ---: |\n");
        for (label, d) in &self.starts {
            out.push_str(&format!("| {label} | {:.2} s |\n", d.as_secs_f64()));
        }
        out.push_str(&format!("\n## Latency ({} requests each, keep-alive, loopback)\n\n| requests | clients | p50 | p99 | max | requests/s |\n| --- | ---: | ---: | ---: | ---: | ---: |\n", self.requests));
        for l in &self.latencies {
            let throughput = l.sorted.len() as f64 / l.wall.as_secs_f64().max(1e-9);
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {throughput:.0} |\n",
                l.name,
                l.clients,
                ms(l.percentile(0.5)),
                ms(l.percentile(0.99)),
                ms(l.percentile(1.0))
            ));
        }
        if let Some((bytes, features)) = self.world_map {
            out.push_str(&format!("\nWorld map answer (`/api/v1/map?zoom=2&scope=all`): {features} features, {:.1} KB.\n", bytes as f64 / 1024.0));
        }
        if let Some((rss, peak)) = self.memory {
            out.push_str(&format!(
                "\nMemory of `kizuna serve` after the runs: {:.0} MB resident, {:.0} MB peak.\n",
                rss as f64 / 1024.0,
                peak as f64 / 1024.0
            ));
        }
        out.push_str("\nSearch requests cycle through: 東京, Karolinska, Karolinksa (typo), \"university hospital\", 理化学研究所, Goteborg, UTokyo, and institutes in Japan; map requests through the world view, Europe at zoom 5, Tokyo at zoom 8 and the partners-only world view.\n");
        out
    }
}

/// VmRSS and VmHWM of a process, in kB.
pub fn memory(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status.lines().find_map(|l| {
            l.strip_prefix(name)?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()
        })
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
            })
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| {
                    l.strip_prefix("MemTotal:")
                        .map(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                })
                .flatten()
        })
        .map(|kb| format!("{:.0} GiB", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_default();
    format!("{cores} cores ({cpu}), {memory} memory")
}

fn today() -> String {
    std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}
