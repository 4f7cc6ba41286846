//! What the command-line tests share: `kizuna` run on a data folder as a
//! user would run it, and a fresh folder for each test.
#![allow(dead_code)]

pub mod ewp;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `kizuna ARGS --data-dir DIR` on the folder's own SQLite file.
pub fn kizuna(dir: &Path, args: &[&str]) -> Output {
    kizuna_with_input(dir, args, "")
}

/// `kizuna ARGS --data-dir DIR` with `stdin` piped in.
pub fn kizuna_with_input(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env_remove("KIZUNA_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kizuna runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A new empty folder named after the test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("kizuna-{name}-{}-{}", std::process::id(), unique()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A number no earlier call returned in this process.
pub fn unique() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

/// A command's standard output as text.
pub fn stdout(o: &Output) -> String {
    text(&o.stdout)
}

/// A command's standard error as text.
pub fn stderr(o: &Output) -> String {
    text(&o.stderr)
}
