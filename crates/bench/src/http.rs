//! A minimal HTTP/1.1 keep-alive client: enough to time GETs on loopback
//! without pulling a client library into the workspace. Every answer is
//! returned with its status; the caller decides what counts as a failure.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::stats::Run;

/// Whether `/readyz` answers 200 (a blocking probe, for start-up polling).
pub fn ready(address: &str) -> bool {
    let Ok(mut stream) = std::net::TcpStream::connect(address) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /readyz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    response.starts_with(b"HTTP/1.1 200")
}

/// One answer.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The body's length in bytes.
    pub length: usize,
    /// The decoded body, when it was asked for (timed runs only count it).
    pub body: Vec<u8>,
}

/// How the body of an answer ends.
#[derive(Debug, PartialEq, Eq)]
enum Framing {
    Length(usize),
    Chunked,
    UntilClose,
}

/// Status, framing and whether the server closes, from a complete head.
fn parse_head(head: &str) -> anyhow::Result<(u16, Framing, bool)> {
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("not an HTTP status line: {status_line:?}"))?;
    let (mut framing, mut close) = (Framing::UntilClose, false);
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
        match name.as_str() {
            "content-length" => {
                framing = Framing::Length(value.parse().context("a bad content-length")?)
            }
            "transfer-encoding" if value.eq_ignore_ascii_case("chunked") => {
                framing = Framing::Chunked
            }
            "connection" if value.eq_ignore_ascii_case("close") => close = true,
            _ => {}
        }
    }
    if matches!(status, 204 | 304) {
        framing = Framing::Length(0);
    }
    Ok((status, framing, close))
}

/// Decodes a chunked body at the start of `buf`: the body and the bytes used,
/// or `None` while incomplete.
fn decode_chunked(buf: &[u8]) -> anyhow::Result<Option<(Vec<u8>, usize)>> {
    let (mut body, mut at) = (Vec::new(), 0);
    loop {
        let Some(eol) = buf[at..].windows(2).position(|w| w == b"\r\n") else {
            return Ok(None);
        };
        let size_text = String::from_utf8_lossy(&buf[at..at + eol]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .with_context(|| format!("a bad chunk size {size_text:?}"))?;
        at += eol + 2;
        if size == 0 {
            // No trailers are expected: the final CRLF ends the body.
            return Ok((buf.len() >= at + 2).then(|| (body, at + 2)));
        }
        if buf.len() < at + size + 2 {
            return Ok(None);
        }
        body.extend_from_slice(&buf[at..at + size]);
        at += size + 2;
    }
}

/// A kept-alive connection.
pub struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
    host: String,
    /// The server said it closes after the last answer.
    pub closed: bool,
}

impl Connection {
    /// Connects to `address` (host:port).
    pub async fn open(address: &str) -> anyhow::Result<Self> {
        let stream = TcpStream::connect(address)
            .await
            .with_context(|| format!("connecting to {address}"))?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            stream,
            buffer: Vec::with_capacity(64 * 1024),
            host: address.to_owned(),
            closed: false,
        })
    }

    /// GETs `path` and reads the whole answer, whatever its status; the
    /// body is kept only when `keep` (a timed run reads and drops it, as wrk
    /// does, so that copying a large page is not charged to the server).
    /// With `gzip` the answer may come compressed (its body is then counted
    /// as sent, not decoded).
    pub async fn get(&mut self, path: &str, keep: bool, gzip: bool) -> anyhow::Result<Response> {
        let encoding = if gzip {
            "Accept-Encoding: gzip\r\n"
        } else {
            ""
        };
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nUser-Agent: kizuna-bench\r\n{encoding}\r\n",
            self.host
        );
        self.stream.write_all(request.as_bytes()).await?;
        let mut scanned = 0;
        let end = loop {
            if let Some(end) = self.buffer[scanned..]
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
            {
                break scanned + end;
            }
            scanned = self.buffer.len().saturating_sub(3);
            if !self.fill().await? {
                bail!("the server closed the connection before answering");
            }
        };
        let head = String::from_utf8_lossy(&self.buffer[..end]).into_owned();
        let (status, framing, close) = parse_head(&head)?;
        self.closed = close;
        self.buffer.drain(..end + 4);
        let body = match framing {
            Framing::Length(length) if !keep => {
                self.skip(length).await?;
                return Ok(Response {
                    status,
                    length,
                    body: Vec::new(),
                });
            }
            Framing::Length(length) => {
                while self.buffer.len() < length {
                    if !self.fill().await? {
                        bail!("the server closed the connection mid-answer");
                    }
                }
                self.buffer.drain(..length).collect()
            }
            Framing::Chunked => loop {
                if let Some((body, used)) = decode_chunked(&self.buffer)? {
                    self.buffer.drain(..used);
                    break body;
                }
                if !self.fill().await? {
                    bail!("the server closed the connection mid-answer");
                }
            },
            Framing::UntilClose => {
                while self.fill().await? {}
                self.closed = true;
                std::mem::take(&mut self.buffer)
            }
        };
        Ok(Response {
            status,
            length: body.len(),
            body: if keep { body } else { Vec::new() },
        })
    }

    /// Reads past `length` bytes of body, keeping only what follows them.
    async fn skip(&mut self, mut length: usize) -> anyhow::Result<()> {
        loop {
            if self.buffer.len() >= length {
                self.buffer.drain(..length);
                return Ok(());
            }
            length -= self.buffer.len();
            self.buffer.clear();
            if !self.fill().await? {
                bail!("the server closed the connection mid-answer");
            }
        }
    }

    /// Reads more straight into the buffer; false at end of stream.
    async fn fill(&mut self) -> anyhow::Result<bool> {
        self.buffer.reserve(64 * 1024);
        Ok(self.stream.read_buf(&mut self.buffer).await? > 0)
    }
}

/// One GET on a fresh connection.
pub async fn fetch(address: &str, path: &str) -> anyhow::Result<Response> {
    Connection::open(address)
        .await?
        .get(path, true, false)
        .await
}

/// One GET that must answer 2xx; returns the body as JSON.
pub async fn fetch_json(address: &str, path: &str) -> anyhow::Result<serde_json::Value> {
    let response = fetch(address, path).await?;
    if !(200..300).contains(&response.status) {
        bail!("GET {path} answered {}", response.status);
    }
    serde_json::from_slice(&response.body).with_context(|| format!("GET {path}: not JSON"))
}

/// The bounds of one run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Concurrent keep-alive connections.
    pub clients: usize,
    /// At most this many requests…
    pub requests: usize,
    /// …or no new request after this long, whichever comes first.
    pub duration: Duration,
    /// Requests still unanswered this long after `duration` are cut off.
    pub grace: Duration,
    /// Where in `paths` the run starts.
    pub offset: usize,
    /// Ask for gzip (`Accept-Encoding: gzip`), as browsers do.
    pub gzip: bool,
}

/// Sends GETs cycling through `paths` from `limits.clients` connections until
/// the request or time bound; every non-2xx answer is counted as a failure.
pub async fn load(address: &str, paths: Arc<Vec<String>>, limits: Limits) -> Run {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let stop_sending = started + limits.duration;
    let hard_stop = tokio::time::Instant::from_std(stop_sending + limits.grace);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..limits.clients.max(1) {
        let (address, paths, next) = (address.to_owned(), paths.clone(), next.clone());
        tasks.spawn(async move {
            let mut run = Run::default();
            let mut connection: Option<Connection> = None;
            while Instant::now() < stop_sending && !paths.is_empty() {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= limits.requests {
                    break;
                }
                let path = &paths[(limits.offset + i) % paths.len()];
                let sent = Instant::now();
                let answer = tokio::time::timeout_at(hard_stop, async {
                    if connection.as_ref().is_none_or(|c| c.closed) {
                        connection = Some(Connection::open(&address).await?);
                    }
                    match connection.as_mut() {
                        Some(c) => c.get(path, false, limits.gzip).await,
                        None => bail!("no connection"),
                    }
                })
                .await;
                match answer {
                    Ok(Ok(r)) if (200..300).contains(&r.status) => {
                        run.samples.push(sent.elapsed());
                        run.bytes += r.length as u64;
                    }
                    Ok(Ok(r)) => run.fail(format!("{} on {path}", r.status)),
                    Ok(Err(e)) => {
                        connection = None;
                        run.fail(format!("{e:#} on {path}"));
                    }
                    Err(_) => {
                        run.cut_off += 1;
                        break;
                    }
                }
            }
            run
        });
    }
    let mut total = Run::default();
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(run) => total.merge(run),
            Err(e) => total.fail(format!("a client task failed: {e}")),
        }
    }
    total.finish(started.elapsed(), limits.clients);
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_give_status_framing_and_close() {
        let head = "HTTP/1.1 404 Not Found\r\ncontent-type: text/html\r\nContent-Length: 12";
        assert_eq!(parse_head(head).unwrap(), (404, Framing::Length(12), false));
        let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close";
        assert_eq!(parse_head(head).unwrap(), (200, Framing::Chunked, true));
        assert!(parse_head("garbage").is_err());
    }

    #[test]
    fn chunked_bodies_decode_only_when_complete() {
        let wire = b"5\r\nhello\r\n7;x=y\r\n, world\r\n0\r\n\r\nNEXT";
        let (body, used) = decode_chunked(wire).unwrap().unwrap();
        assert_eq!(body, b"hello, world");
        assert_eq!(&wire[used..], b"NEXT");
        assert!(decode_chunked(&wire[..10]).unwrap().is_none());
        assert!(decode_chunked(b"zz\r\n").is_err());
    }

    #[tokio::test]
    async fn answers_are_read_whole_whether_their_bodies_are_kept_or_not() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        let big = "x".repeat(300 * 1024);
        let server =
            tokio::spawn(async move {
                let (mut socket, _) = listener.accept().await.unwrap();
                let mut request = [0u8; 1024];
                for answer in [
                format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n{big}", big.len()),
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".to_owned(),
                "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nno\r\n0\r\n\r\n"
                    .to_owned(),
            ] {
                let _ = socket.read(&mut request).await.unwrap();
                socket.write_all(answer.as_bytes()).await.unwrap();
            }
            });
        let mut connection = Connection::open(&address).await.unwrap();
        let skipped = connection.get("/big", false, false).await.unwrap();
        assert_eq!((skipped.status, skipped.length), (200, 300 * 1024));
        assert!(skipped.body.is_empty());
        let kept = connection.get("/small", true, false).await.unwrap();
        assert_eq!((kept.status, kept.body.as_slice()), (200, &b"hello"[..]));
        let chunked = connection.get("/missing", true, false).await.unwrap();
        assert_eq!((chunked.status, chunked.body.as_slice()), (404, &b"no"[..]));
        server.await.unwrap();
    }
}
