//! `kizuna serve` refuses a malformed public URL or embedding origin before
//! serving anything, and its help names the settings.

use std::process::{Command, Output};

fn serve(env: &[(&str, &str)], args: &[&str]) -> Output {
    let dir = std::env::temp_dir().join(format!(
        "kizuna-public-url-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .arg("serve")
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .args(args)
        .envs(env.iter().copied())
        .env_remove("KIZUNA_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("kizuna runs");
    std::fs::remove_dir_all(&dir).ok();
    out
}

#[test]
fn a_bad_public_url_or_origin_stops_serve_at_start() {
    let bad_url = serve(&[], &["--public-url", "javascript:alert(1)//"]);
    assert!(!bad_url.status.success(), "{bad_url:?}");
    let err = String::from_utf8_lossy(&bad_url.stderr);
    assert!(err.contains("KIZUNA_PUBLIC_URL"), "{err}");

    let with_query = serve(
        &[("KIZUNA_PUBLIC_URL", "https://partners.example.org/?x=1")],
        &[],
    );
    assert!(!with_query.status.success(), "{with_query:?}");

    let bad_origin = serve(
        &[("KIZUNA_EMBED_ORIGINS", "https://www.example.org/page")],
        &[],
    );
    assert!(!bad_origin.status.success(), "{bad_origin:?}");
    let err = String::from_utf8_lossy(&bad_origin.stderr);
    assert!(err.contains("KIZUNA_EMBED_ORIGINS"), "{err}");
}

#[test]
fn serve_help_names_the_public_url_settings() {
    let out = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for name in [
        "--public-url",
        "KIZUNA_PUBLIC_URL",
        "KIZUNA_TRUST_PROXY",
        "KIZUNA_EMBED_ORIGINS",
    ] {
        assert!(help.contains(name), "serve --help names {name}: {help}");
    }
}
