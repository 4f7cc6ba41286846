//! Where and on what the numbers were measured.

use std::process::Command;

/// The report's header facts.
pub struct Header {
    /// `date -u`.
    pub date: String,
    /// Cores, CPU model and memory.
    pub machine: String,
    /// `git rev-parse --short HEAD` of the working directory, marked when it has uncommitted changes.
    pub commit: String,
    /// The command line of this run.
    pub command: String,
}

/// What a command prints, trimmed; empty when it cannot run.
fn output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

impl Header {
    /// Reads the date, machine and commit now.
    pub fn collect() -> Self {
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| {
                c.lines().find_map(|l| {
                    l.strip_prefix("model name")
                        .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
                })
            })
            .unwrap_or_else(|| "unknown CPU".to_owned());
        let memory = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines().find_map(|l| {
                    l.strip_prefix("MemTotal:")
                        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                })
            })
            .map(|kb| format!("{:.1} GiB", kb as f64 / 1024.0 / 1024.0))
            .unwrap_or_else(|| "unknown".to_owned());
        let mut commit = output("git", &["rev-parse", "--short", "HEAD"]);
        if commit.is_empty() {
            commit = "unknown (not a git checkout)".to_owned();
        } else if !output("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty() {
            commit.push_str(" with uncommitted changes");
        }
        let args: Vec<String> = std::env::args().skip(1).collect();
        Header {
            date: output("date", &["-u"]),
            machine: format!(
                "{} cores (`nproc`), {cpu}, {memory} memory",
                output("nproc", &[])
            ),
            commit,
            command: format!("kizuna-bench {}", args.join(" ")).trim().to_owned(),
        }
    }
}

/// The one-minute load average (`/proc/loadavg`): how busy the machine was.
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
