//! `kizuna user ...` run as an administrator would, the password piped in.

mod support;

use std::path::Path;
use std::process::{Command, Output};
use support::{kizuna_with_input as kizuna, stderr, stdout, temp_dir};

use kizuna_core::{Store, credentials};
use kizuna_domain::Email;

const PASSWORD: &str = "a long enough passphrase";

fn add(dir: &Path, email: &str, extra: &[&str], password: &str) -> Output {
    let mut args = vec!["user", "add", email];
    args.extend_from_slice(extra);
    kizuna(dir, &args, &format!("{password}\n"))
}

/// Runs `check` against the store the commands wrote.
fn with_store<T>(dir: &Path, check: impl AsyncFnOnce(&dyn Store) -> T) -> T {
    let url = format!("sqlite://{}", dir.join("kizuna.db").display());
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = kizuna_storage::connect(&url).await.unwrap();
        let result = check(store.as_ref()).await;
        store.close().await;
        result
    })
}

fn email(s: &str) -> Email {
    s.parse().unwrap()
}

#[test]
fn a_user_is_added_with_the_password_on_stdin() {
    let dir = temp_dir("users");
    let out = add(&dir, "Admin@Example.org", &["--role", "admin"], PASSWORD);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Added admin@example.org as admin."),
        "{}",
        stdout(&out)
    );
    let account = with_store(&dir, async |store| {
        store
            .get_user_by_email(&email("admin@example.org"))
            .await
            .unwrap()
            .unwrap()
    });
    assert!(
        credentials::verify_password(PASSWORD, &account.password_hash),
        "the stored hash is of the piped password, without its newline"
    );
    let list = kizuna(&dir, &["user", "list"], "");
    assert!(
        stdout(&list)
            .lines()
            .any(|l| l.starts_with("admin@example.org") && l.contains("admin")),
        "{}",
        stdout(&list)
    );
}

#[test]
fn a_duplicate_user_is_refused() {
    let dir = temp_dir("users");
    assert!(
        add(&dir, "anna@ki.se", &["--role", "viewer"], PASSWORD)
            .status
            .success()
    );
    let again = add(&dir, "ANNA@ki.se", &["--role", "admin"], PASSWORD);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("a user anna@ki.se already exists"),
        "{}",
        stderr(&again)
    );
    let users = with_store(&dir, async |store| store.list_users().await.unwrap());
    assert_eq!(users.len(), 1);
    assert_eq!(
        users[0].role,
        kizuna_domain::Role::Viewer,
        "nothing changed"
    );
}

#[test]
fn a_weak_or_missing_password_is_refused() {
    let dir = temp_dir("users");
    let weak = add(&dir, "bo@ki.se", &["--role", "admin"], "short");
    assert!(!weak.status.success());
    assert!(
        stderr(&weak).contains("the password is too short: use at least 12 characters"),
        "{}",
        stderr(&weak)
    );
    let none = kizuna(&dir, &["user", "add", "bo@ki.se", "--role", "admin"], "");
    assert!(!none.status.success());
    assert!(
        stderr(&none).contains("no password on standard input"),
        "{}",
        stderr(&none)
    );
    let users = with_store(&dir, async |store| store.list_users().await.unwrap());
    assert!(users.is_empty(), "no account without a good password");
}

#[test]
fn tokens_are_printed_last_different_each_time_and_stored_hashed() {
    let dir = temp_dir("users");
    let early = add(
        &dir,
        "cora@ki.se",
        &["--role", "editor", "--unit", "cmb"],
        PASSWORD,
    );
    assert!(
        !early.status.success(),
        "cmb does not exist before the demo is loaded"
    );
    assert!(kizuna(&dir, &["demo"], "").status.success());
    assert!(
        add(
            &dir,
            "cora@ki.se",
            &["--role", "editor", "--unit", "cmb"],
            PASSWORD
        )
        .status
        .success()
    );
    let last_line = |o: &Output| stdout(o).lines().last().unwrap_or_default().to_owned();
    let first = kizuna(&dir, &["user", "token", "cora@ki.se"], "");
    let second = kizuna(&dir, &["user", "token", "cora@ki.se", "--name", "ci"], "");
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(second.status.success(), "{}", stderr(&second));
    let (one, two) = (last_line(&first), last_line(&second));
    assert!(one.starts_with("kz_") && one.len() == 46, "{one}");
    assert!(two.starts_with("kz_"), "{two}");
    assert_ne!(one, two);
    assert!(stdout(&first).contains("`token-1`"), "{}", stdout(&first));

    let (user, tokens) = with_store(&dir, async |store| {
        let user = store
            .user_by_token_hash(&credentials::token_hash(&one))
            .await
            .unwrap();
        let tokens = store.list_tokens(user.as_ref().unwrap().id).await.unwrap();
        (user, tokens)
    });
    let user = user.expect("the printed token authenticates");
    assert_eq!(user.email.as_str(), "cora@ki.se");
    assert_eq!(
        tokens.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["token-1", "ci"]
    );
    let db = std::fs::read(dir.join("kizuna.db")).unwrap();
    let wal = std::fs::read(dir.join("kizuna.db-wal")).unwrap_or_default();
    for bytes in [&db, &wal] {
        assert!(
            !bytes.windows(one.len()).any(|w| w == one.as_bytes()),
            "the token itself is never stored"
        );
    }

    let taken = kizuna(&dir, &["user", "token", "cora@ki.se", "--name", "ci"], "");
    assert!(!taken.status.success());
    assert!(
        stderr(&taken).contains("already has a token named `ci`"),
        "{}",
        stderr(&taken)
    );
    let revoked = kizuna(&dir, &["user", "revoke-token", "cora@ki.se", "ci"], "");
    assert!(revoked.status.success(), "{}", stderr(&revoked));
    let again = kizuna(&dir, &["user", "revoke-token", "cora@ki.se", "ci"], "");
    assert!(
        stderr(&again).contains("has no live token named `ci` (it has token-1)"),
        "{}",
        stderr(&again)
    );
    let gone = with_store(&dir, async |store| {
        store
            .user_by_token_hash(&credentials::token_hash(&two))
            .await
            .unwrap()
    });
    assert!(gone.is_none(), "a revoked token authenticates no one");
}

#[test]
fn an_editor_needs_existing_units() {
    let dir = temp_dir("users");
    assert!(kizuna(&dir, &["demo"], "").status.success());
    let none = add(&dir, "dan@ki.se", &["--role", "editor"], PASSWORD);
    assert!(!none.status.success());
    assert!(
        stderr(&none).contains("an editor needs at least one unit")
            && stderr(&none).contains("--unit ID"),
        "{}",
        stderr(&none)
    );
    let unknown = add(
        &dir,
        "dan@ki.se",
        &["--role", "editor", "--unit", "nowhere"],
        PASSWORD,
    );
    assert!(
        stderr(&unknown).contains("`nowhere` is not a known organisation"),
        "{}",
        stderr(&unknown)
    );
    let not_a_unit = add(
        &dir,
        "dan@ki.se",
        &["--role", "editor", "--unit", "ki"],
        PASSWORD,
    );
    assert!(
        stderr(&not_a_unit).contains("is an organisation of kind `education`, not a unit"),
        "{}",
        stderr(&not_a_unit)
    );
    let viewer_with_unit = add(
        &dir,
        "dan@ki.se",
        &["--role", "viewer", "--unit", "cmb"],
        PASSWORD,
    );
    assert!(
        stderr(&viewer_with_unit).contains("only editors have units"),
        "{}",
        stderr(&viewer_with_unit)
    );
    let ok = add(
        &dir,
        "dan@ki.se",
        &["--role", "editor", "--unit", "cmb", "--unit", "bionut"],
        PASSWORD,
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(
        stdout(&ok).contains("Added dan@ki.se as editor of cmb,bionut."),
        "{}",
        stdout(&ok)
    );
}

#[test]
fn passwords_change_and_accounts_disable() {
    let dir = temp_dir("users");
    assert!(
        add(&dir, "eva@ki.se", &["--role", "viewer"], PASSWORD)
            .status
            .success()
    );
    let unknown = kizuna(
        &dir,
        &["user", "passwd", "nobody@ki.se"],
        "another passphrase\n",
    );
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown).contains("there is no user nobody@ki.se"),
        "{}",
        stderr(&unknown)
    );
    let weak = kizuna(&dir, &["user", "passwd", "eva@ki.se"], "tiny\n");
    assert!(!weak.status.success());
    let changed = kizuna(
        &dir,
        &["user", "passwd", "eva@ki.se"],
        "another passphrase\r\n",
    );
    assert!(changed.status.success(), "{}", stderr(&changed));
    let hash = with_store(&dir, async |store| {
        store
            .get_user_by_email(&email("eva@ki.se"))
            .await
            .unwrap()
            .unwrap()
            .password_hash
    });
    assert!(credentials::verify_password("another passphrase", &hash));
    assert!(!credentials::verify_password(PASSWORD, &hash));

    let token = kizuna(&dir, &["user", "token", "eva@ki.se"], "");
    let plain = stdout(&token).lines().last().unwrap().to_owned();
    let disabled = kizuna(&dir, &["user", "disable", "eva@ki.se"], "");
    assert!(disabled.status.success(), "{}", stderr(&disabled));
    let list = stdout(&kizuna(&dir, &["user", "list"], ""));
    assert!(
        list.lines()
            .any(|l| l.starts_with("eva@ki.se") && l.contains("disabled")),
        "{list}"
    );
    let user = with_store(&dir, async |store| {
        store
            .user_by_token_hash(&credentials::token_hash(&plain))
            .await
            .unwrap()
    });
    assert!(user.is_none(), "a disabled account's tokens stop working");
    let refused = kizuna(&dir, &["user", "token", "eva@ki.se"], "");
    assert!(
        stderr(&refused).contains("eva@ki.se is disabled"),
        "{}",
        stderr(&refused)
    );
    assert!(
        kizuna(&dir, &["user", "enable", "eva@ki.se"], "")
            .status
            .success()
    );
    let list = stdout(&kizuna(&dir, &["user", "list"], ""));
    assert!(
        list.lines()
            .any(|l| l.starts_with("eva@ki.se") && l.contains("active")),
        "{list}"
    );
}

#[test]
fn bad_addresses_are_refused_before_anything_runs() {
    let dir = temp_dir("users");
    let out = add(&dir, "not-an-address", &["--role", "admin"], PASSWORD);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is not an e-mail address"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_names_the_user_commands() {
    let out = Command::new(env!("CARGO_BIN_EXE_kizuna"))
        .args(["user", "--help"])
        .output()
        .unwrap();
    let help = stdout(&out);
    for command in [
        "add",
        "passwd",
        "token",
        "list",
        "disable",
        "enable",
        "revoke-token",
    ] {
        assert!(
            help.contains(command),
            "`kizuna user --help` names {command}"
        );
    }
    let top = stdout(
        &Command::new(env!("CARGO_BIN_EXE_kizuna"))
            .arg("--help")
            .output()
            .unwrap(),
    );
    assert!(top.contains("user"), "{top}");
}
