//! `kizuna serve` with `KIZUNA_EWP_CATALOGUE`: a catalogue that cannot be
//! read stops the start with the reason; a good one turns the `/ewp/` node on.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn temp_dir(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = std::env::temp_dir().join(format!("kizuna-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn kizuna(dir: &Path, catalogue: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kizuna"));
    command
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("KIZUNA_DATABASE_URL")
        .env("KIZUNA_EWP_CATALOGUE", catalogue)
        .env("RUST_LOG", "warn");
    command
}

/// The registry's example catalogue, from the offline copy of the specs.
fn example_catalogue() -> PathBuf {
    kizuna_interop::ewp::specs::dir().join("ewp-specs-api-registry/stable-v1/catalogue-example.xml")
}

#[test]
fn a_catalogue_that_cannot_be_read_stops_the_start() {
    let dir = temp_dir("ewp-bad");
    let missing = dir.join("no-such-catalogue.xml");
    let out = kizuna(&dir, &missing, &["serve", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot read the EWP catalogue"), "{err}");

    let broken = dir.join("broken.xml");
    std::fs::write(&broken, "<catalogue").unwrap();
    let out = kizuna(&dir, &broken, &["serve", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("not well-formed XML"), "{err}");
}

#[test]
fn with_a_catalogue_serve_answers_the_manifest_and_refuses_unsigned_calls() {
    let dir = temp_dir("ewp-on");
    let catalogue = example_catalogue();
    assert!(
        kizuna(&dir, &catalogue, &["demo"])
            .status()
            .unwrap()
            .success()
    );
    let mut child = kizuna(&dir, &catalogue, &["serve", "--listen", "127.0.0.1:0"])
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
    let fetch = |path: &str| {
        let mut stream = TcpStream::connect(&address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: ewp.example.org\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    };
    let manifest = fetch("/ewp/manifest.xml");
    let unsigned = fetch("/ewp/iias/index");
    let _ = child.kill();
    let _ = child.wait();
    assert!(manifest.starts_with("HTTP/1.1 200"), "{manifest}");
    assert!(
        manifest.contains("<ia7:index-url>https://ewp.example.org/ewp/iias/index</ia7:index-url>"),
        "{manifest}"
    );
    assert!(unsigned.starts_with("HTTP/1.1 401"), "{unsigned}");
    assert!(unsigned.contains("<error-response"), "{unsigned}");
}
