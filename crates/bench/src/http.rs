//! A minimal HTTP/1.1 keep-alive client: enough to time GETs on loopback
//! without pulling a client library into the workspace.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Whether `/readyz` answers 200.
pub fn ready(address: &str) -> bool {
    let Ok(mut stream) = std::net::TcpStream::connect(address) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if write!(
        stream,
        "GET /readyz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
    )
    .is_err()
    {
        return false;
    }
    let mut response = String::new();
    stream.read_to_string(&mut response).is_ok() && response.starts_with("HTTP/1.1 200")
}

struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    async fn open(address: &str) -> anyhow::Result<Self> {
        let stream = TcpStream::connect(address).await?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            stream,
            buffer: Vec::with_capacity(64 * 1024),
        })
    }

    /// GETs `path` and returns the body.
    async fn get(&mut self, path: &str) -> anyhow::Result<Vec<u8>> {
        self.stream
            .write_all(format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n").as_bytes())
            .await?;
        loop {
            if let Some(end) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&self.buffer[..end]).to_ascii_lowercase();
                anyhow::ensure!(
                    head.starts_with("http/1.1 200"),
                    "{path}: {}",
                    head.lines().next().unwrap_or_default()
                );
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse().ok())
                    .ok_or_else(|| anyhow::anyhow!("{path}: no content-length"))?;
                while self.buffer.len() < end + 4 + length {
                    self.fill().await?;
                }
                let body = self.buffer[end + 4..end + 4 + length].to_vec();
                self.buffer.drain(..end + 4 + length);
                return Ok(body);
            }
            self.fill().await?;
        }
    }

    async fn fill(&mut self) -> anyhow::Result<()> {
        let mut chunk = [0u8; 64 * 1024];
        let n = self.stream.read(&mut chunk).await?;
        anyhow::ensure!(n > 0, "the server closed the connection");
        self.buffer.extend_from_slice(&chunk[..n]);
        Ok(())
    }
}

/// Sends `total` GETs cycling through `paths` from `clients` connections at once;
/// returns every latency.
pub async fn load(
    address: &str,
    paths: &[String],
    total: usize,
    clients: usize,
) -> anyhow::Result<Vec<Duration>> {
    let mut tasks = Vec::new();
    for client in 0..clients {
        let (address, paths) = (address.to_owned(), paths.to_vec());
        let share = total / clients + usize::from(client < total % clients);
        tasks.push(tokio::spawn(async move {
            let mut connection = Connection::open(&address).await?;
            let mut latencies = Vec::with_capacity(share);
            for i in 0..share {
                let path = &paths[(client + i) % paths.len()];
                let started = Instant::now();
                connection.get(path).await?;
                latencies.push(started.elapsed());
            }
            anyhow::Ok(latencies)
        }));
    }
    let mut all = Vec::with_capacity(total);
    for task in tasks {
        all.extend(task.await??);
    }
    Ok(all)
}

/// The body size of one response and its number of GeoJSON features.
pub async fn size(address: &str, path: &str) -> anyhow::Result<(usize, usize)> {
    let body = Connection::open(address).await?.get(path).await?;
    let value: serde_json::Value = serde_json::from_slice(&body)?;
    Ok((
        body.len(),
        value["features"].as_array().map(Vec::len).unwrap_or(0),
    ))
}
