//! Single sign-on's settings: `KIZUNA_OIDC_ISSUER`, `KIZUNA_OIDC_CLIENT_ID`,
//! `KIZUNA_OIDC_CLIENT_SECRET`, `KIZUNA_OIDC_ROLE_CLAIM`, `KIZUNA_OIDC_SCOPES`,
//! `KIZUNA_OIDC_REDIRECT_URL`, `KIZUNA_PASSWORD_LOGIN` (or the same names in
//! lower case in the config file), and the `[oidc.roles]` table of the config
//! file that maps role-claim values to roles and units.

use std::fmt;

use kizuna_domain::sign_on::RoleMap;
use kizuna_web::{OidcConfig, OidcProvider, SignOnSettings};
use serde::{Deserialize, Serialize};

/// The `[oidc]` table of the config file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OidcTable {
    /// Role-claim value → `{ role = "...", units = [...] }`.
    pub roles: RoleMap,
}

/// How people sign in (flattened into [`crate::config::Settings`]).
#[derive(Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct SignOnFileSettings {
    /// The provider's issuer URL; single sign-on is on when it is set.
    pub oidc_issuer: Option<String>,
    /// Kizuna's client id at the provider.
    pub oidc_client_id: Option<String>,
    /// The client secret; leave it out for a public client (PKCE alone).
    pub oidc_client_secret: Option<String>,
    /// The ID token claim that holds the person's groups.
    pub oidc_role_claim: String,
    /// Scopes asked for besides `openid`, separated by spaces.
    pub oidc_scopes: String,
    /// Where the provider sends people back (default: `http://LISTEN/login/oidc/callback`).
    pub oidc_redirect_url: Option<String>,
    /// `false` hides the password form and refuses passwords (tokens still work).
    pub password_login: bool,
    /// The `[oidc]` table.
    pub oidc: OidcTable,
}

impl Default for SignOnFileSettings {
    fn default() -> Self {
        SignOnFileSettings {
            oidc_issuer: None,
            oidc_client_id: None,
            oidc_client_secret: None,
            oidc_role_claim: "groups".to_owned(),
            oidc_scopes: "email profile".to_owned(),
            oidc_redirect_url: None,
            password_login: true,
            oidc: OidcTable::default(),
        }
    }
}

impl fmt::Debug for SignOnFileSettings {
    /// Everything but the client secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignOnFileSettings")
            .field("oidc_issuer", &self.oidc_issuer)
            .field("oidc_client_id", &self.oidc_client_id)
            .field(
                "oidc_client_secret",
                &self.oidc_client_secret.as_ref().map(|_| "***"),
            )
            .field("oidc_role_claim", &self.oidc_role_claim)
            .field("oidc_scopes", &self.oidc_scopes)
            .field("oidc_redirect_url", &self.oidc_redirect_url)
            .field("password_login", &self.password_login)
            .field("oidc", &self.oidc)
            .finish()
    }
}

impl SignOnFileSettings {
    /// The web edge's settings; refuses an incomplete or invalid provider
    /// configuration, and a deployment left with no way to sign in.
    pub fn to_web(&self, base: &str) -> anyhow::Result<SignOnSettings> {
        let issuer = self.oidc_issuer.as_deref().filter(|s| !s.trim().is_empty());
        let oidc = match issuer {
            None => {
                anyhow::ensure!(
                    self.password_login,
                    "password sign-in is turned off (KIZUNA_PASSWORD_LOGIN=false) and single \
                     sign-on is not configured (KIZUNA_OIDC_ISSUER): no one could sign in"
                );
                None
            }
            Some(issuer) => {
                let client_id = self.oidc_client_id.clone().ok_or_else(|| {
                    anyhow::anyhow!(
                        "KIZUNA_OIDC_ISSUER is set: KIZUNA_OIDC_CLIENT_ID is needed too"
                    )
                })?;
                anyhow::ensure!(
                    !self.oidc.roles.0.is_empty(),
                    "single sign-on needs at least one [oidc.roles] entry in the config file: \
                     without one no one gets a role"
                );
                let config = OidcConfig {
                    issuer: issuer.to_owned(),
                    client_id,
                    client_secret: self.oidc_client_secret.clone(),
                    redirect_url: self
                        .oidc_redirect_url
                        .clone()
                        .unwrap_or_else(|| format!("{base}/login/oidc/callback")),
                    role_claim: self.oidc_role_claim.clone(),
                    scopes: self
                        .oidc_scopes
                        .split_whitespace()
                        .filter(|s| *s != "openid")
                        .map(str::to_owned)
                        .collect(),
                    roles: self.oidc.roles.clone(),
                };
                Some(OidcProvider::new(config).map_err(anyhow::Error::msg)?)
            }
        };
        Ok(SignOnSettings {
            password_login: self.password_login,
            oidc,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the server answers (its public URL, or its listen address).
    const BASE: &str = "http://127.0.0.1:8080";

    fn configured() -> SignOnFileSettings {
        SignOnFileSettings {
            oidc_issuer: Some("https://login.example.org".to_owned()),
            oidc_client_id: Some("kizuna".to_owned()),
            oidc: OidcTable {
                roles: toml::from_str(r#""kizuna-admins" = { role = "admin" }"#).unwrap(),
            },
            ..Default::default()
        }
    }

    #[test]
    fn passwords_only_by_default() {
        let web = SignOnFileSettings::default().to_web(BASE).unwrap();
        assert!(web.password_login);
        assert!(web.oidc.is_none());
    }

    #[test]
    fn a_complete_provider_configures_single_sign_on() {
        let web = configured().to_web(BASE).unwrap();
        let provider = format!("{:?}", web.oidc.unwrap());
        assert!(
            provider.contains("http://127.0.0.1:8080/login/oidc/callback"),
            "{provider}"
        );
        assert!(
            provider.contains("groups"),
            "the default role claim: {provider}"
        );
    }

    #[test]
    fn incomplete_or_locked_out_configurations_are_refused() {
        let locked_out = SignOnFileSettings {
            password_login: false,
            ..Default::default()
        };
        let err = locked_out.to_web(BASE).unwrap_err().to_string();
        assert!(err.contains("no one could sign in"), "{err}");
        let no_client = SignOnFileSettings {
            oidc_client_id: None,
            ..configured()
        };
        let err = no_client.to_web(BASE).unwrap_err().to_string();
        assert!(err.contains("KIZUNA_OIDC_CLIENT_ID"), "{err}");
        let no_roles = SignOnFileSettings {
            oidc: OidcTable::default(),
            ..configured()
        };
        let err = no_roles.to_web(BASE).unwrap_err().to_string();
        assert!(err.contains("[oidc.roles]"), "{err}");
        let mut bad_roles = configured();
        bad_roles.oidc.roles = toml::from_str(r#""eds" = { role = "editor" }"#).unwrap();
        let err = bad_roles.to_web(BASE).unwrap_err().to_string();
        assert!(err.contains("an editor needs at least one unit"), "{err}");
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment::Jail's closure returns figment's own error
    fn environment_and_config_file_fill_the_settings() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "k.toml",
                r#"
                oidc_client_id = "kizuna-from-file"
                [oidc.roles]
                "kizuna-admins" = { role = "admin" }
                "nursing-coordinators" = { role = "editor", units = ["ki-nvs"] }
                "#,
            )?;
            jail.set_env("KIZUNA_OIDC_ISSUER", "https://login.example.org");
            jail.set_env("KIZUNA_OIDC_CLIENT_SECRET", "s3cret");
            jail.set_env("KIZUNA_PASSWORD_LOGIN", "false");
            let flags = crate::config::FlagOverrides::default();
            let s = crate::config::Settings::load(Some(std::path::Path::new("k.toml")), &flags)
                .map_err(|e| e.to_string())?;
            let sign_on = &s.sign_on;
            assert_eq!(
                sign_on.oidc_issuer.as_deref(),
                Some("https://login.example.org")
            );
            assert_eq!(sign_on.oidc_client_id.as_deref(), Some("kizuna-from-file"));
            assert_eq!(sign_on.oidc_client_secret.as_deref(), Some("s3cret"));
            assert_eq!(sign_on.oidc_role_claim, "groups");
            assert!(!sign_on.password_login);
            assert_eq!(sign_on.oidc.roles.0.len(), 2);
            let web = sign_on.to_web(BASE).map_err(|e| e.to_string())?;
            assert!(!web.password_login && web.oidc.is_some());
            Ok(())
        });
    }

    #[test]
    fn secrets_stay_out_of_debug_output() {
        let settings = SignOnFileSettings {
            oidc_client_secret: Some("s3cret".to_owned()),
            ..configured()
        };
        assert!(!format!("{settings:?}").contains("s3cret"));
    }
}
