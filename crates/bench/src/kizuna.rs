//! Driving the release `kizuna` binary: commands against one data directory,
//! and `kizuna serve` on a free loopback port.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// What a finished command printed and cost.
pub struct Finished {
    /// Its standard output.
    pub stdout: String,
    /// Wall time from spawn to exit.
    pub elapsed: Duration,
    /// Peak resident memory (VmHWM) last seen while it ran, in kB.
    pub peak_kb: Option<u64>,
}

/// The binary and the data directory (SQLite database and search index) it works on.
pub struct Kizuna {
    binary: PathBuf,
    data_dir: PathBuf,
}

impl Kizuna {
    /// Commands of `binary` on the registry in `data_dir`.
    pub fn new(binary: &Path, data_dir: &Path) -> Self {
        Kizuna {
            binary: binary.to_owned(),
            data_dir: data_dir.to_owned(),
        }
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.binary);
        command
            .args(args)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env("RUST_LOG", "warn");
        command
    }

    /// Runs `kizuna ARGS`, timing it and watching its memory; fails with its stderr.
    pub fn run(&self, args: &[&str]) -> anyhow::Result<Finished> {
        let started = Instant::now();
        let stdout_file = self.data_dir.join(".bench-stdout");
        let stderr_file = self.data_dir.join(".bench-stderr");
        let mut child = self
            .command(args)
            .stdout(std::fs::File::create(&stdout_file)?)
            .stderr(std::fs::File::create(&stderr_file)?)
            .spawn()
            .with_context(|| format!("starting {}", self.binary.display()))?;
        let mut peak_kb = None;
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            peak_kb = memory(child.id()).map(|m| m.1).or(peak_kb);
            std::thread::sleep(Duration::from_millis(20));
        };
        let elapsed = started.elapsed();
        let stdout = std::fs::read_to_string(&stdout_file).unwrap_or_default();
        if !status.success() {
            let stderr = std::fs::read_to_string(&stderr_file).unwrap_or_default();
            let tail: String = stderr.lines().rev().take(30).collect::<Vec<_>>().join("\n");
            bail!("kizuna {args:?} failed ({status}) after {elapsed:.1?}:\n{tail}");
        }
        Ok(Finished {
            stdout,
            elapsed,
            peak_kb,
        })
    }

    /// Starts `kizuna serve` on a free loopback port and waits until `/readyz` answers 200.
    pub fn serve(&self, limit: Duration) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let address = format!("127.0.0.1:{port}");
        let started = Instant::now();
        let child = self
            .command(&["serve", "--listen", &address])
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("starting {} serve", self.binary.display()))?;
        let mut server = Server {
            child,
            address,
            ready: Duration::ZERO,
        };
        while started.elapsed() < limit {
            if crate::http::ready(&server.address) {
                server.ready = started.elapsed();
                return Ok(server);
            }
            if let Some(status) = server.child.try_wait()? {
                bail!("kizuna serve exited before it was ready: {status}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        bail!("kizuna serve was not ready within {limit:?}")
    }
}

/// A running `kizuna serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// host:port it listens on.
    pub address: String,
    /// From spawn to the first 200 of `/readyz`.
    pub ready: Duration,
}

impl Server {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// VmRSS and VmHWM of the server, in kB.
    pub fn memory(&self) -> Option<(u64, u64)> {
        memory(self.child.id())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGTERM lets it finish cleanly; SIGKILL if it does not within 10 s.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
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

/// CPU time used so far by a process (user + system), in clock ticks.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line; what follows the name starts at field 3.
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    Some(ticks(11)? + ticks(12)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_has_memory_and_cpu_time() {
        let (rss, peak) = memory(std::process::id()).unwrap();
        assert!(rss > 0 && peak >= rss);
        let ticks = || cpu_ticks(std::process::id()).unwrap();
        let (before, spin) = (ticks(), Instant::now());
        while ticks() == before && spin.elapsed() < Duration::from_secs(5) {}
        assert!(ticks() > before, "spinning uses CPU time");
    }
}
