//! `kizuna serve` as an operator runs it: one process per data folder, and a
//! graceful stop that lets requests in flight finish.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::{kizuna_with_input as kizuna, temp_dir, text};

/// A running `kizuna serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
    stdout: std::io::Lines<BufReader<std::process::ChildStdout>>,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kizuna"))
            .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(dir)
            .env_remove("KIZUNA_DATABASE_URL")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let deadline = Instant::now() + Duration::from_secs(60);
        let address = loop {
            let line = stdout.next().expect("serve prints its address").unwrap();
            if let Some(rest) = line.strip_prefix("Kizuna is running at http://") {
                break rest.split('/').next().unwrap().to_owned();
            }
            assert!(Instant::now() < deadline, "serve did not start");
        };
        Server {
            child,
            address,
            stdout,
        }
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end, at most `limit`.
    fn wait(&mut self, limit: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "serve did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_second_process_on_a_data_folder_in_use_is_told_why_and_changes_nothing() {
    let dir = temp_dir("in-use");
    assert!(kizuna(&dir, &["demo"], "").status.success());
    let mut server = Server::start(&dir);

    for (args, advice) in [
        (&["reindex"][..], "keeps its search index up to date"),
        (&["serve", "--listen", "127.0.0.1:0"][..], "--data-dir"),
    ] {
        let refused = kizuna(&dir, args, "");
        let err = text(&refused.stderr);
        assert_eq!(refused.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.starts_with(&format!(
                "error: the data folder {} is in use: another kizuna process, pid {} (kizuna serve),",
                dir.display(),
                server.child.id()
            )),
            "{args:?}: {err}"
        );
        assert!(err.contains(advice), "{args:?}: {err}");
        assert!(!err.contains("internal error") && !err.contains("LockBusy"));
        assert!(refused.stdout.is_empty(), "{args:?}: nothing was started");
    }
    // Commands that use only the database still work beside the server.
    let listed = kizuna(&dir, &["user", "list"], "");
    assert!(listed.status.success(), "{}", text(&listed.stderr));

    server.terminate();
    let status = server.wait(Duration::from_secs(30));
    assert!(status.success(), "{status:?}");
    let reindexed = kizuna(&dir, &["reindex"], "");
    assert!(
        reindexed.status.success(),
        "free once the server is gone: {}",
        text(&reindexed.stderr)
    );
}

/// Reads from `stream` until `text` has arrived (or the peer closes).
fn read_until(stream: &mut TcpStream, text: &str) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).contains(text) {
        let n = stream.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&got).into_owned()
}

#[test]
fn sigterm_lets_a_request_in_flight_finish_and_then_exits_zero() {
    let dir = temp_dir("graceful");
    assert!(kizuna(&dir, &["demo"], "").status.success());
    let added = kizuna(
        &dir,
        &["user", "add", "admin@example.org", "--role", "admin"],
        "a long enough passphrase\n",
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    let issued = kizuna(&dir, &["user", "token", "admin@example.org"], "");
    let token = text(&issued.stdout)
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned();
    let mut server = Server::start(&dir);

    // A write whose body is held back: with `Expect: 100-continue` the server
    // says when the handler has started reading it, so the request is known
    // to be in flight before the signal is sent.
    let body = r#"{"name": "Hanako Yamada", "countries": ["JP"], "visibility": "public"}"#;
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST /api/v1/contacts HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n",
        server.address,
        body.len()
    )
    .unwrap();
    let interim = read_until(&mut stream, "\r\n\r\n");
    assert!(interim.starts_with("HTTP/1.1 100 Continue"), "{interim}");

    server.terminate();
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server waits for the request in flight"
    );
    stream.write_all(body.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 201"), "{response}");
    assert!(response.contains("Hanako Yamada"), "{response}");

    let status = server.wait(Duration::from_secs(30));
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
    let rest: Vec<String> = server.stdout.by_ref().map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l == "Kizuna stopped."), "{rest:?}");
    let exported = kizuna(&dir, &["export", "json"], "");
    assert!(
        text(&exported.stdout).contains("Hanako Yamada"),
        "the write was committed"
    );
}

#[test]
fn sigterm_right_after_start_up_still_stops_gracefully() {
    let dir = temp_dir("early-stop");
    assert!(kizuna(&dir, &["demo"], "").status.success());
    for _ in 0..3 {
        let mut server = Server::start(&dir);
        server.terminate();
        let status = server.wait(Duration::from_secs(30));
        assert!(
            status.success(),
            "exit 0, not killed by the signal: {status:?}"
        );
        let rest: Vec<String> = server.stdout.by_ref().map_while(Result::ok).collect();
        assert!(rest.iter().any(|l| l == "Kizuna stopped."), "{rest:?}");
    }
}
