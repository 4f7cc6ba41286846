//! Fresh databases for tests: a new SQLite file, or a new PostgreSQL
//! database on the server `KIZUNA_TEST_POSTGRES_URL` names.
//!
//! A PostgreSQL test without a server fails: a test that reports "ok"
//! without having run hides exactly the bugs it exists for. Skipping them is
//! a choice made out loud with `KIZUNA_TEST_POSTGRES=skip`.

use std::sync::Arc;

use sqlx::Connection;

use crate::{Store, StoreError, connect};

/// The variable that names the PostgreSQL server tests may create databases on.
pub const POSTGRES_ENV: &str = "KIZUNA_TEST_POSTGRES_URL";

/// Set to `skip` to run without PostgreSQL: its tests then pass without running.
pub const POSTGRES_SKIP_ENV: &str = "KIZUNA_TEST_POSTGRES";

/// The PostgreSQL server for tests; `None` only when they were turned off.
///
/// # Panics
/// When no server is named and PostgreSQL tests were not turned off.
pub fn postgres_server() -> Option<String> {
    let server = std::env::var(POSTGRES_ENV).ok();
    let skip = std::env::var(POSTGRES_SKIP_ENV).ok();
    match choose_server(server, skip.as_deref()) {
        Ok(Some(server)) => Some(server),
        Ok(None) => {
            eprintln!("{POSTGRES_SKIP_ENV}=skip: this PostgreSQL test does not run");
            None
        }
        Err(why) => panic!("{why}"),
    }
}

/// The server to use, `None` when turned off, or why the test cannot run.
fn choose_server(server: Option<String>, skip: Option<&str>) -> Result<Option<String>, String> {
    match (server, skip) {
        (_, Some("skip")) => Ok(None),
        (Some(server), _) if !server.is_empty() => Ok(Some(server)),
        _ => Err(format!(
            "{POSTGRES_ENV} is not set, so this PostgreSQL test cannot run. Point it at a \
             server where tests may create databases \
             (e.g. {POSTGRES_ENV}=postgres://postgres@127.0.0.1:5432/postgres, as \
             scripts/test.sh does), or set {POSTGRES_SKIP_ENV}=skip to skip the PostgreSQL \
             tests on purpose"
        )),
    }
}

/// URL of a new, empty SQLite file in the temporary folder.
pub fn fresh_sqlite_url() -> String {
    let path =
        std::env::temp_dir().join(format!("kizuna-test-{}.db", uuid::Uuid::new_v4().simple()));
    format!("sqlite://{}", path.display())
}

/// URL of a new, empty PostgreSQL database; `None` only when PostgreSQL
/// tests were turned off with `KIZUNA_TEST_POSTGRES=skip`.
///
/// # Panics
/// When no server is configured (see [`postgres_server`]) or it does not answer.
pub async fn fresh_postgres_url() -> Option<String> {
    let server = postgres_server()?;
    let name = format!("kizuna_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| {
            panic!("the test PostgreSQL server ({POSTGRES_ENV}) does not answer: {e}")
        });
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("a test database can be created");
    admin.close().await.ok();
    let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
    Some(format!("{base}/{name}"))
}

/// A migrated store on a fresh SQLite file.
pub async fn fresh_sqlite() -> Result<Arc<dyn Store>, StoreError> {
    connect(&fresh_sqlite_url()).await
}

/// A migrated store on a fresh PostgreSQL database; `None` only when
/// PostgreSQL tests were turned off (see [`fresh_postgres_url`]).
pub async fn fresh_postgres() -> Option<Result<Arc<dyn Store>, StoreError>> {
    Some(connect(&fresh_postgres_url().await?).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_server_fails_unless_skipping_was_asked_for() {
        let why = choose_server(None, None).unwrap_err();
        assert!(why.contains(POSTGRES_ENV) && why.contains("=skip"), "{why}");
        assert!(choose_server(Some(String::new()), Some("yes")).is_err());
        assert_eq!(choose_server(None, Some("skip")), Ok(None));
        assert_eq!(
            choose_server(Some("postgres://h/db".into()), Some("skip")),
            Ok(None),
            "skipping wins over a server"
        );
        assert_eq!(
            choose_server(Some("postgres://h/db".into()), None),
            Ok(Some("postgres://h/db".into()))
        );
    }
}
