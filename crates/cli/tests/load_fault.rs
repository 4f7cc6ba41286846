//! Sixty seconds of mixed reads and writes from 16 clients while the server is
//! killed with SIGKILL and restarted twice: every acknowledged write is there
//! afterwards, the database checks clean, and resident memory after the run is
//! within a tenth of before.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const CLIENTS: usize = 16;
const BACKGROUND_ORGANISATIONS: usize = 5_000;
/// Away from Japan, so the pages the clients read stay the size they are.
const BACKGROUND_COUNTRIES: [&str; 6] = ["DE", "FR", "SE", "PL", "IT", "NL"];
/// A third of the minute of load: before the first kill, between the kills, after the second.
const PHASE: Duration = Duration::from_secs(20);
const KILLS: usize = 2;
/// Records one client creates on one server before its writes are all
/// updates of its own record: the registry then grows by a few per cent over
/// the run however fast the machine is, so memory that grows with the data
/// is not taken for a leak (nor a leak hidden behind the data).
const CREATIONS_PER_SERVER: usize = 4;
const READS: [&str; 6] = [
    "/api/v1/organisations/utokyo",
    "/countries/jp",
    "/api/v1/search?q=nursing",
    "/api/v1/map?zoom=3",
    "/api/v1/agreements?country=JP",
    "/",
];

/// A `kizuna` command on this test's data folder and database.
fn kizuna(dir: &Path, url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kizuna"));
    command
        .arg("--data-dir")
        .arg(dir)
        .arg("--database-url")
        .arg(url)
        .env("RUST_LOG", "warn");
    command
}

/// An admin account and its API token, made with the CLI as an operator would.
fn admin_token(dir: &Path, url: &str) -> String {
    let mut add = kizuna(dir, url)
        .args(["user", "add", "load@example.org", "--role", "admin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    add.stdin
        .take()
        .unwrap()
        .write_all(b"a long enough password\n")
        .unwrap();
    assert!(add.wait().unwrap().success());
    let token = kizuna(dir, url)
        .args(["user", "token", "load@example.org"])
        .output()
        .unwrap();
    assert!(token.status.success(), "{token:?}");
    let text = String::from_utf8(token.stdout).unwrap();
    text.lines().last().unwrap().trim().to_owned()
}

/// A running `kizuna serve`.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Server {
    fn start(dir: &Path, url: &str, address: SocketAddr) -> Server {
        let child = kizuna(dir, url)
            .args(["serve", "--listen", &address.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, address };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !matches!(get(address, "/readyz"), Ok((200, _, _))) {
            assert!(Instant::now() < deadline, "the server did not get ready");
            thread::sleep(Duration::from_millis(100));
        }
        server
    }

    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Resident memory of the process's own (anonymous) pages, in KiB:
    /// mapped files (the binary, the search index) are the kernel's page
    /// cache, shared and given back under pressure.
    fn anonymous_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("RssAnon:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .expect("RssAnon in /proc")
    }

    /// Memory once the server has settled after a warm-up in which 16
    /// clients write and read at once, so the connection pool, the runtime's
    /// threads and the write path's buffers are at their working size.
    fn warm_anonymous_kib(&self, token: &str) -> u64 {
        thread::scope(|scope| {
            for client in 0..CLIENTS {
                scope.spawn(move || {
                    let auth = format!("Bearer {token}");
                    let headers = [
                        ("Authorization", auth.as_str()),
                        ("Content-Type", "application/json"),
                    ];
                    for round in 0..4 {
                        let id = format!("warm-{}-{client}-{round}", self.address.port());
                        let body = organisation(&id, "Kyoto");
                        let created = exchange(
                            self.address,
                            "POST",
                            "/api/v1/organisations",
                            &headers,
                            &body,
                        );
                        assert!(matches!(created, Ok((201, ..))), "{created:?}");
                        for path in READS {
                            let _ = get(self.address, path);
                        }
                    }
                });
            }
        });
        // Threads the runtime started for a burst of blocking work end after
        // 10 s idle, taking their stacks with them; the allocator hands freed
        // pages back in the background. Then the count holds still.
        thread::sleep(Duration::from_secs(11));
        let mut last = self.anonymous_kib();
        for _ in 0..20 {
            thread::sleep(Duration::from_secs(1));
            let now = self.anonymous_kib();
            if now.abs_diff(last) * 100 <= last {
                return now;
            }
            last = now;
        }
        last
    }
}

/// Status, `ETag` and body of one HTTP/1.0 exchange (HTTP/1.0 keeps the
/// answer unchunked and the connection short).
type Answer = (u16, Option<String>, String);

fn exchange(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut request = format!(
        "{method} {path} HTTP/1.0\r\nHost: {address}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("a cut answer"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    let etag = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("etag")
            .then(|| value.trim().to_owned())
    });
    Ok((status, etag, body.to_owned()))
}

fn get(address: SocketAddr, path: &str) -> std::io::Result<Answer> {
    exchange(address, "GET", path, &[], "")
}

/// What one client was told, to compare with what the database holds.
#[derive(Default)]
struct Ledger {
    /// Organisations whose creation was acknowledged with 201.
    created: Vec<String>,
    /// The client's own record: the last city acknowledged and the highest tried.
    city_acknowledged: usize,
    city_tried: usize,
}

struct Shared {
    address: Mutex<SocketAddr>,
    token: String,
    stop: AtomicBool,
    paused: AtomicBool,
    acknowledged: AtomicUsize,
    failures: AtomicUsize,
}

fn organisation(id: &str, city: &str) -> String {
    serde_json::json!({
        "id": id, "kind": "education", "country": "JP", "city": city,
        "names": [{"value": format!("Load Test {id}"), "lang": "en", "kind": "display"}],
        "location": {"lat": 35.0, "lng": 135.7}, "visibility": "public"
    })
    .to_string()
}

fn client(n: usize, shared: &Shared) -> Ledger {
    let auth = format!("Bearer {}", shared.token);
    let json = [
        ("Authorization", auth.as_str()),
        ("Content-Type", "application/json"),
    ];
    let own = format!("load-own-{n}");
    let mut ledger = Ledger::default();
    let mut step = 0usize;
    let mut own_exists = false;
    let mut server = *shared.address.lock().unwrap();
    let mut created_here = 0;
    while !shared.stop.load(Ordering::Relaxed) {
        if shared.paused.load(Ordering::Relaxed) {
            thread::sleep(Duration::from_millis(50));
            continue;
        }
        step += 1;
        let address = *shared.address.lock().unwrap();
        if address != server {
            server = address;
            created_here = 0;
        }
        let kind = match step % 4 {
            1 if created_here >= CREATIONS_PER_SERVER => 0,
            kind => kind,
        };
        let outcome = match kind {
            0 if !own_exists => {
                let body = organisation(&own, "City 0");
                exchange(address, "POST", "/api/v1/organisations", &json, &body).map(
                    |(status, ..)| {
                        // 409: an earlier creation landed, but its answer was lost.
                        own_exists = matches!(status, 201 | 409);
                        status
                    },
                )
            }
            0 => {
                let path = format!("/api/v1/organisations/{own}");
                get(address, &path).and_then(|(_, etag, _)| {
                    let etag = etag.unwrap_or_default();
                    let city = ledger.city_tried + 1;
                    ledger.city_tried = city;
                    let mut headers = json.to_vec();
                    headers.push(("If-Match", etag.as_str()));
                    let body = serde_json::json!({ "city": format!("City {city}") }).to_string();
                    let (status, ..) = exchange(address, "PATCH", &path, &headers, &body)?;
                    if status == 200 {
                        ledger.city_acknowledged = city;
                    }
                    Ok(status)
                })
            }
            1 => {
                let id = format!("load-{n}-{step}");
                let body = organisation(&id, "Kyoto");
                exchange(address, "POST", "/api/v1/organisations", &json, &body).map(
                    |(status, ..)| {
                        if status == 201 {
                            ledger.created.push(id);
                            created_here += 1;
                        }
                        status
                    },
                )
            }
            _ => get(address, READS[(step / 4 + n) % READS.len()]).map(|(status, ..)| status),
        };
        match outcome {
            Ok(200 | 201) => {
                shared.acknowledged.fetch_add(1, Ordering::Relaxed);
            }
            // Refused while the server is down or a write raced its own retry.
            Ok(409 | 412) => {
                shared.failures.fetch_add(1, Ordering::Relaxed);
            }
            // The server is down: try again shortly rather than spin.
            Err(_) => {
                shared.failures.fetch_add(1, Ordering::Relaxed);
                thread::sleep(Duration::from_millis(20));
            }
            Ok(status) => panic!("client {n}: unexpected status {status} at step {step}"),
        }
    }
    ledger
}

fn free_address() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

fn temp_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = std::env::temp_dir().join(format!("kizuna-load-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A registry of some size, so that what the run adds is a small part of it
/// and memory that grows with the data is not taken for a leak.
fn populate(dir: &Path, url: &str) {
    assert!(kizuna(dir, url).arg("demo").status().unwrap().success());
    let path = dir.join("ror.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..BACKGROUND_ORGANISATIONS {
        let record = serde_json::json!({
            "id": format!("https://ror.org/0lf{i:06}"),
            "status": "active",
            "types": ["education"],
            "names": [{"value": format!("Background University {i}"), "lang": "en", "types": ["ror_display", "label"]}],
            "locations": [{"geonames_id": 1, "geonames_details": {
                "country_code": BACKGROUND_COUNTRIES[i % BACKGROUND_COUNTRIES.len()],
                "name": "Somewhere", "lat": 48.0 + (i % 90) as f64 / 10.0, "lng": (i % 300) as f64 / 10.0}}],
            "links": [], "external_ids": [], "relationships": [], "domains": [],
        });
        writeln!(out, "{record}").unwrap();
    }
    out.flush().unwrap();
    drop(out);
    let import = kizuna(dir, url)
        .args(["import", "ror"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(import.status.success(), "{import:?}");
}

fn survives_kills_under_load(url: &str, dir: &Path) {
    populate(dir, url);
    let token = admin_token(dir, url);

    let mut address = free_address();
    let mut server = Server::start(dir, url, address);

    let shared = Arc::new(Shared {
        address: Mutex::new(address),
        token,
        stop: AtomicBool::new(false),
        paused: AtomicBool::new(false),
        acknowledged: AtomicUsize::new(0),
        failures: AtomicUsize::new(0),
    });
    let clients: Vec<_> = (0..CLIENTS)
        .map(|n| {
            let shared = shared.clone();
            thread::spawn(move || client(n, &shared))
        })
        .collect();
    // Memory is measured on servers that carried a third of the load each (so
    // their connection pools and threads are at working size), after the same
    // warm-up: the first before any kill, the last after two.
    thread::sleep(PHASE);
    shared.paused.store(true, Ordering::Relaxed);
    let before = server.warm_anonymous_kib(&shared.token);
    shared.paused.store(false, Ordering::Relaxed);
    for _ in 0..KILLS {
        server.kill();
        // A new port: a client never mistakes a half-open old socket for the new server.
        address = free_address();
        server = Server::start(dir, url, address);
        *shared.address.lock().unwrap() = address;
        thread::sleep(PHASE);
    }
    shared.stop.store(true, Ordering::Relaxed);
    let ledgers: Vec<Ledger> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    let acknowledged = shared.acknowledged.load(Ordering::Relaxed);
    assert!(
        acknowledged > 150,
        "too little load to mean anything: {acknowledged} answers"
    );

    let after = server.warm_anonymous_kib(&shared.token);
    // Every acknowledged write is there, after a restart that reads only the database.
    server.kill();
    let server = Server::start(dir, url, free_address());
    let mut created = 0;
    for (n, ledger) in ledgers.iter().enumerate() {
        for id in &ledger.created {
            let (status, ..) = get(server.address, &format!("/api/v1/organisations/{id}")).unwrap();
            assert_eq!(status, 200, "the acknowledged creation of {id} was lost");
            created += 1;
        }
        if ledger.city_acknowledged > 0 {
            let (_, _, body) = get(
                server.address,
                &format!("/api/v1/organisations/load-own-{n}"),
            )
            .unwrap();
            let city: serde_json::Value = serde_json::from_str(&body).unwrap();
            let city: usize = city["city"].as_str().unwrap()["City ".len()..]
                .parse()
                .unwrap();
            assert!(
                (ledger.city_acknowledged..=ledger.city_tried).contains(&city),
                "client {n}: city {city}, but {} was acknowledged",
                ledger.city_acknowledged
            );
        }
    }
    assert!(created > 30, "only {created} creations were acknowledged");
    server.kill();
    eprintln!(
        "{acknowledged} answers, {created} creations kept, {} refused or cut, memory {before} -> {after} KiB",
        shared.failures.load(Ordering::Relaxed)
    );
    assert!(
        after * 10 <= before * 11,
        "the server held {before} KiB before the run and {after} KiB after it"
    );
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Runtime::new().unwrap().block_on(f)
}

#[test]
fn sqlite_keeps_every_acknowledged_write_through_kills() {
    let dir = temp_dir();
    let url = format!("sqlite://{}", dir.join("kizuna.db").display());
    survives_kills_under_load(&url, &dir);
    block_on(async {
        use sqlx::Connection;
        let mut db = sqlx::SqliteConnection::connect(&url).await.unwrap();
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut db)
            .await
            .unwrap();
        assert_eq!(integrity, "ok");
        let broken_keys = sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(&mut db)
            .await
            .unwrap();
        assert!(
            broken_keys.is_empty(),
            "{} broken references",
            broken_keys.len()
        );
    });
}

#[test]
fn postgresql_keeps_every_acknowledged_write_through_kills() {
    let url =
        block_on(kizuna_storage::testing::fresh_postgres_url()).expect("PostgreSQL is configured");
    survives_kills_under_load(&url, &temp_dir());
    block_on(async {
        use sqlx::Connection;
        let mut db = sqlx::PgConnection::connect(&url).await.unwrap();
        sqlx::query("CREATE EXTENSION IF NOT EXISTS amcheck")
            .execute(&mut db)
            .await
            .unwrap();
        // Every B-tree index agrees with its table, heap included.
        let checked: i64 = sqlx::query_scalar(
            "SELECT count(bt_index_check(c.oid, true)) FROM pg_index i \
             JOIN pg_class c ON c.oid = i.indexrelid \
             JOIN pg_namespace n ON n.oid = c.relnamespace \
             JOIN pg_am a ON a.oid = c.relam \
             WHERE a.amname = 'btree' AND n.nspname = 'public'",
        )
        .fetch_one(&mut db)
        .await
        .unwrap();
        assert!(checked > 0, "no index was checked");
    });
}
