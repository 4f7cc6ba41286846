//! The `kizuna` command line: one binary, one subcommand per task.

mod backup;
mod commands;
pub mod config;
mod ewp;
mod ewp_report;
mod lock;
mod reindex;
mod sheets;
pub mod sign_on;
mod users;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use kizuna_domain::{Email, Role, Slug};

pub use commands::run;

/// Kizuna: the registry and public atlas of a university's international collaborations.
///
/// Start here: `kizuna serve --demo` loads the Japan dataset into a SQLite file in
/// ./kizuna-data and serves the public pages, the JSON API (/api/v1, described at
/// /api/openapi.json), /healthz, /readyz and /metrics.
///
/// Settings come from defaults, then ./kizuna.toml (or --config), then KIZUNA_*
/// environment variables (e.g. KIZUNA_DATABASE_URL, KIZUNA_LISTEN,
/// KIZUNA_EXPIRING_WINDOW_DAYS, KIZUNA_THEME_DIR, KIZUNA_LOG_FORMAT=json,
/// KIZUNA_OFFICE_EMAIL for the mailbox pages name when a record names nobody to ask), then flags.
///
/// Erasmus Without Paper: KIZUNA_EWP_CATALOGUE=FILE (the registry's catalogue-v1.xml)
/// turns on the EWP node under /ewp/ (manifest at /ewp/manifest.xml) for the
/// client keys the file lists; without it /ewp/ answers 404.
///
/// Staff accounts: `kizuna user add EMAIL --role admin` (the password is read from
/// standard input when it is not a terminal, else prompted twice), then
/// `kizuna user token EMAIL` for an API token; see `kizuna user --help`.
#[derive(Debug, Parser)]
#[command(name = "kizuna", version, about, long_about)]
pub struct Cli {
    /// Database: sqlite://PATH or postgres://USER@HOST/DB (default: kizuna.db in the data directory).
    #[arg(
        long,
        global = true,
        env = "KIZUNA_DATABASE_URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// Folder for the SQLite file and the search index (default ./kizuna-data).
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// A TOML file of settings (default ./kizuna.toml when present).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// More log output (-v debug, -vv trace).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the pages and the API until SIGTERM or Ctrl-C.
    ///
    /// Absolute links (feeds, calendars, embeds, /embed.js) start with the public URL
    /// (KIZUNA_PUBLIC_URL or --public-url); without one, with the listen address.
    /// A client's Host and X-Forwarded-Proto/-Host headers are used only with
    /// KIZUNA_TRUST_PROXY=true (and only when well formed). KIZUNA_EMBED_ORIGINS lists
    /// the sites (space-separated origins, e.g. "https://www.ki.se") whose pages may
    /// frame /embed/map, /embed/agreements, /embed/funding and /embed/country;
    /// unset, no site may.
    /// Single sign-on with OpenID Connect: set KIZUNA_OIDC_ISSUER and KIZUNA_OIDC_CLIENT_ID,
    /// KIZUNA_OIDC_CLIENT_SECRET unless the client is public (PKCE alone), and map the values
    /// of the ID token's KIZUNA_OIDC_ROLE_CLAIM (default groups) to roles in the config
    /// file: [oidc.roles] "kizuna-admins" = { role = "admin" }, "nursing-coordinators" =
    /// { role = "editor", units = ["ki-nvs"] }. The provider sends people back to
    /// KIZUNA_OIDC_REDIRECT_URL (default PUBLIC_URL/login/oidc/callback); scopes asked
    /// for: openid and KIZUNA_OIDC_SCOPES (default "email profile"). The first sign-in makes
    /// the account, later ones update its role; someone in no mapped group is refused.
    /// KIZUNA_PASSWORD_LOGIN=false turns password sign-in off (API tokens keep working).
    Serve {
        /// Address to listen on.
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        /// The address readers use, e.g. https://partners.example.org (no query).
        #[arg(long, value_name = "URL")]
        public_url: Option<String>,
        /// Load the Japan demo dataset first (idempotent).
        #[arg(long)]
        demo: bool,
    },
    /// Load the Japan demo dataset (idempotent: loading twice changes nothing).
    Demo,
    /// Create or upgrade the database schema.
    Migrate,
    /// Rebuild the search index (in the data directory) from the database.
    Reindex,
    /// Write a complete backup: records, history, documents, accounts and API tokens.
    ///
    /// Every record (public and internal), the change history, stored documents with
    /// their bytes, accounts (password hashes only) and API tokens (hashes only), in one
    /// file of JSON lines, gzip-compressed when FILE ends in .gz; `kizuna restore` reads
    /// it. It holds personal data: keep it as safe as the database.
    Backup {
        /// File to write (replaced only once the new backup is complete).
        file: PathBuf,
    },
    /// Restore a backup into an empty database, all or nothing, and rebuild the search index.
    ///
    /// Reads what `kizuna backup` writes; a backup of SQLite restores into PostgreSQL
    /// and the other way round. Stop `kizuna serve` first and start it again afterwards
    /// (everyone signs in again). Older backups (records only) load with
    /// `kizuna import json FILE`.
    Restore {
        /// The backup file.
        file: PathBuf,
        /// Replace whatever the database holds: records, history, documents, accounts.
        #[arg(long)]
        force: bool,
    },
    /// Import records from a file. Datasets (json, toml) are all-or-nothing with every
    /// problem listed; ROR files skip bad records and report each with its line.
    /// An EWP file is reported on, and recorded only with --apply.
    Import {
        /// Format of the file.
        format: ImportFormat,
        /// The file.
        file: PathBuf,
        /// ewp: record the partner's copies (or approvals) on our agreements, making
        /// drafts for copies that match none; without it nothing is written.
        #[arg(long)]
        apply: bool,
        #[command(flatten)]
        sheet: sheets::ImportArgs,
    },
    /// Export every record to standard output.
    Export {
        /// Format to write.
        format: ExportFormat,
        /// ewp: only this agreement (an error if it cannot be an IIA).
        #[arg(long, value_name = "ID", value_parser = parse_slug)]
        agreement: Option<Slug>,
        /// ewp, csv, xlsx: write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        sheet: Box<sheets::ExportArgs>,
    },
    /// Erasmus Without Paper: approve a partner's copy of an IIA (read by `import ewp`).
    Ewp {
        /// What to do.
        #[command(subcommand)]
        command: EwpCommand,
    },
    /// Manage staff accounts: add them, set passwords, issue and revoke API tokens.
    User {
        /// What to do.
        #[command(subcommand)]
        command: UserCommand,
    },
}

/// `kizuna ewp` subcommands.
#[derive(Debug, Subcommand)]
pub enum EwpCommand {
    /// Approve the partner's copy of AGREEMENT as last imported. Refused, with the
    /// reason, unless its iia-hash is the one computed from it, it is valid for
    /// approval, and its conditions are the same as ours.
    Approve {
        /// Our agreement's id.
        #[arg(value_parser = parse_slug)]
        agreement: Slug,
    },
}

/// `kizuna user` subcommands. Passwords are read from standard input (its first
/// line) when it is not a terminal, else prompted twice without echo; they need at
/// least 12 characters.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account. An editor needs at least one --unit and may then change only
    /// the records of those units (and of units below them).
    Add {
        /// The address the person signs in with (stored in lower case).
        #[arg(value_parser = parse_email)]
        email: Email,
        /// admin: everything, including accounts; editor: their units' records;
        /// viewer: read everything, change nothing.
        #[arg(long, value_parser = role_parser())]
        role: Role,
        /// An organisation of kind `unit` the editor keeps (repeat for several).
        #[arg(long = "unit", value_name = "ID", value_parser = parse_slug)]
        units: Vec<Slug>,
    },
    /// Set a new password for an account.
    Passwd {
        /// The account's address.
        #[arg(value_parser = parse_email)]
        email: Email,
    },
    /// Issue a new API token (`Authorization: Bearer ...`), printed once as the
    /// last line of standard output; only its hash is stored.
    Token {
        /// The account's address.
        #[arg(value_parser = parse_email)]
        email: Email,
        /// A name to recognise and revoke the token by (default: token-N).
        #[arg(long)]
        name: Option<String>,
    },
    /// List the accounts with their roles, units and live token names.
    List,
    /// Disable an account: it can no longer sign in and its tokens stop working.
    Disable {
        /// The account's address.
        #[arg(value_parser = parse_email)]
        email: Email,
    },
    /// Enable a disabled account again.
    Enable {
        /// The account's address.
        #[arg(value_parser = parse_email)]
        email: Email,
    },
    /// Revoke an account's API token by name.
    RevokeToken {
        /// The account's address.
        #[arg(value_parser = parse_email)]
        email: Email,
        /// The token's name (see `kizuna user list`).
        name: String,
    },
}

fn parse_email(s: &str) -> Result<Email, String> {
    s.parse()
        .map_err(|e: kizuna_domain::values::InvalidValue| e.0)
}

/// Lists the roles in `--help` and in the error for an unknown one.
fn role_parser() -> impl clap::builder::TypedValueParser<Value = Role> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Role::ALL.iter().map(|r| r.as_str()))
        .map(|s| s.parse::<Role>().expect("only listed roles get here"))
}

fn parse_slug(s: &str) -> Result<Slug, String> {
    s.parse()
        .map_err(|e: kizuna_domain::values::InvalidValue| e.0)
}

/// Formats `kizuna import` reads.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// Research Organization Registry v2 records: a dump (JSON array), JSON lines or
    /// one record, gzip or plain. Updates in place by ROR id; hand-curated fields are kept.
    Ror,
    /// A Kizuna dataset in JSON (what `export json` writes).
    Json,
    /// A Kizuna dataset in TOML (like data/japan.toml).
    Toml,
    /// A partner's Erasmus Without Paper file: an IIAs v7 `iias-get-response` (their
    /// copies) or an IIAs Approval v2 `iias-approval-response` (their approvals of ours).
    /// Prints per IIA the partner's iia-id, the recomputed iia-hash and whether it is
    /// the file's, valid-for-approval, our agreement it maps to and how the conditions
    /// differ from ours.
    Ewp,
    /// One collection as CSV (any encoding, `,` `;` or tab): every row is reported;
    /// any error writes nothing. Needs --collection.
    Csv,
    /// One collection as an Excel workbook (.xlsx). Needs --collection.
    Xlsx,
}

/// Formats `kizuna export` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// A Kizuna dataset in JSON.
    Json,
    /// Erasmus Without Paper IIAs v7 (`iias-get-response`) of the agreements with
    /// SCHAC-coded partners; the others are listed on standard error with the reasons.
    Ewp,
    /// One collection as CSV, with the API's filters. Needs --collection.
    Csv,
    /// One collection as an Excel workbook, with the API's filters. Needs --collection.
    Xlsx,
}

/// Sets up tracing: `RUST_LOG` wins, else -v flags; JSON with KIZUNA_LOG_FORMAT=json.
///
/// A server logs what it does (info); a one-shot command prints its own result
/// on standard output and logs only warnings unless asked (-v). Colour only on a
/// terminal, and never with `NO_COLOR` set.
pub fn init_logging(cli: &Cli) {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let serving = matches!(cli.command, Command::Serve { .. });
    let default = match (cli.verbose, serving) {
        (0, true) => "info,sqlx=warn,tower_http=info",
        (0, false) => "warn",
        (1, _) => "debug,sqlx=info",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(use_colour(std::io::stderr().is_terminal()));
    if std::env::var("KIZUNA_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Colour for a terminal unless `NO_COLOR` is set to anything but the empty
/// string (<https://no-color.org>).
fn use_colour(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints an error the one way every failure of the command is printed:
/// `error: ` (as the argument parser writes it) and the chain of causes, each
/// once (some causes repeat their source's text in their own).
pub fn report_error(error: &anyhow::Error) {
    eprintln!("error: {}", error_chain(error));
}

fn error_chain(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        // NO_COLOR is not set where the tests run (cargo does not set it).
        if std::env::var_os("NO_COLOR").is_none() {
            assert!(use_colour(true));
        }
        assert!(!use_colour(false));
    }

    #[test]
    fn each_cause_is_said_once() {
        let root = std::io::Error::other("unable to open database file");
        let error = anyhow::Error::new(root)
            .context("the database failed: unable to open database file")
            .context("opening the database");
        assert_eq!(
            error_chain(&error),
            "opening the database: the database failed: unable to open database file"
        );
    }
}
