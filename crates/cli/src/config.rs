//! Settings: defaults < config file < `KIZUNA_*` environment < flags, into one struct.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Every setting of a Kizuna process.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    /// `sqlite://PATH` or `postgres://...`; default: `kizuna.db` in the data directory.
    pub database_url: Option<String>,
    /// Where the SQLite file and the search index live.
    pub data_dir: PathBuf,
    /// Address `serve` listens on.
    pub listen: SocketAddr,
    /// Days before its end in which an agreement counts as expiring.
    pub expiring_window_days: u32,
    /// A folder with `templates/` and `assets/` that override the built-in ones.
    pub theme_dir: Option<PathBuf>,
    /// Longest a request may take, in seconds.
    pub request_timeout_secs: u64,
    /// Largest request body, in bytes.
    pub body_limit_bytes: usize,
    /// Largest document upload (`POST /api/v1/agreements/{id}/documents`), in bytes.
    pub document_limit_bytes: usize,
    /// `text` or `json` logs.
    pub log_format: String,
    /// Map tiles for online deployments, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`;
    /// without one the map draws offline country shapes.
    pub map_tile_url: Option<String>,
    /// Mark session cookies `Secure` (set it when Kizuna is served over HTTPS).
    pub secure_cookies: bool,
    /// The international office's mailbox, shown as who to ask when a record names nobody.
    pub office_email: Option<String>,
    /// The interface language of readers who ask for none of en, sv, ja.
    pub default_lang: String,
    /// The address readers use (`https://partners.example.org`): the base of absolute links.
    pub public_url: Option<String>,
    /// Believe `Host` and `X-Forwarded-Proto`/`-Host` when no public URL is set.
    pub trust_proxy: bool,
    /// Space-separated origins whose pages may frame `/embed/*`.
    pub embed_origins: Option<String>,
    /// The EWP registry's catalogue file (`catalogue-v1.xml`): when set, the
    /// Erasmus Without Paper node under `/ewp/` is on for the client keys it lists.
    pub ewp_catalogue: Option<PathBuf>,
    /// Single sign-on and password sign-in (`KIZUNA_OIDC_*`, `KIZUNA_PASSWORD_LOGIN`, `[oidc.roles]`).
    #[serde(flatten)]
    pub sign_on: crate::sign_on::SignOnFileSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: None,
            data_dir: PathBuf::from("kizuna-data"),
            listen: ([127, 0, 0, 1], 8080).into(),
            expiring_window_days: 180,
            theme_dir: None,
            request_timeout_secs: 30,
            body_limit_bytes: 2 * 1024 * 1024,
            document_limit_bytes: 25 * 1024 * 1024,
            log_format: "text".to_owned(),
            map_tile_url: None,
            secure_cookies: false,
            office_email: None,
            default_lang: "en".to_owned(),
            public_url: None,
            trust_proxy: false,
            embed_origins: None,
            ewp_catalogue: None,
            sign_on: Default::default(),
        }
    }
}

/// Values given on the command line; only those present override.
#[derive(Debug, Default, Serialize)]
pub struct FlagOverrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
}

impl Settings {
    /// Layers defaults, the config file (if any), the environment and the flags.
    pub fn load(config_file: Option<&Path>, flags: &FlagOverrides) -> anyhow::Result<Settings> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        match config_file {
            Some(path) => {
                anyhow::ensure!(
                    path.exists(),
                    "the config file {} does not exist",
                    path.display()
                );
                figment = figment.merge(Toml::file(path));
            }
            None => figment = figment.merge(Toml::file("kizuna.toml")),
        }
        figment
            .merge(Env::prefixed("KIZUNA_"))
            .merge(Serialized::defaults(flags))
            .extract()
            .context("reading the settings")
    }

    /// The database URL, defaulting to a SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("kizuna.db").display()))
    }
}

/// A URL safe to print: any password replaced.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_printed() {
        assert_eq!(
            redact("postgres://kizuna:s3cret@db:5432/k"),
            "postgres://kizuna:***@db:5432/k"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/k"),
            "postgres://postgres@127.0.0.1/k"
        );
        assert_eq!(
            redact("sqlite://kizuna-data/kizuna.db"),
            "sqlite://kizuna-data/kizuna.db"
        );
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment::Jail's closure returns figment's own error
    fn layers_apply_in_order() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "k.toml",
                "expiring_window_days = 90\nlisten = \"127.0.0.1:9000\"\ndata_dir = \"from-file\"",
            )?;
            jail.set_env("KIZUNA_DATA_DIR", "from-env");
            jail.set_env("KIZUNA_EXPIRING_WINDOW_DAYS", "30");
            jail.set_env("KIZUNA_TRUST_PROXY", "true");
            jail.set_env(
                "KIZUNA_EMBED_ORIGINS",
                "https://www.ki.se http://localhost:8081",
            );
            jail.set_env("KIZUNA_PUBLIC_URL", "https://from-env.example");
            let flags = FlagOverrides {
                data_dir: Some("from-flag".into()),
                public_url: Some("https://partners.ki.se".to_owned()),
                ..Default::default()
            };
            let s = Settings::load(Some(Path::new("k.toml")), &flags).map_err(|e| e.to_string())?;
            assert_eq!(s.listen.port(), 9000, "file over default");
            assert_eq!(s.expiring_window_days, 30, "environment over file");
            assert_eq!(
                s.data_dir,
                PathBuf::from("from-flag"),
                "flag over environment"
            );
            assert_eq!(s.request_timeout_secs, 30, "default kept");
            assert_eq!(s.office_email, None, "no mailbox unless one is given");
            assert!(s.trust_proxy);
            assert_eq!(
                s.embed_origins.as_deref(),
                Some("https://www.ki.se http://localhost:8081")
            );
            assert_eq!(s.public_url.as_deref(), Some("https://partners.ki.se"));
            Ok(())
        });
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment::Jail's closure returns figment's own error
    fn the_office_mailbox_comes_from_the_environment() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("KIZUNA_OFFICE_EMAIL", "international@example.org");
            let s = Settings::load(None, &FlagOverrides::default()).map_err(|e| e.to_string())?;
            assert_eq!(s.office_email.as_deref(), Some("international@example.org"));
            Ok(())
        });
    }
}
