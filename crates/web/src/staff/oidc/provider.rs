//! The OpenID Connect provider as Kizuna uses it: discovery (metadata and
//! signing keys, fetched on first use and kept; the keys fetched again when an
//! ID token is signed with another), the authorization request
//! (code flow, PKCE S256, state, nonce) and the answer (code exchange, ID
//! token verified for issuer, audience, signature, expiry and nonce).
//!
//! Only the configured issuer's endpoints are ever called, and redirects are
//! not followed (a redirect could point the server at any address).

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use kizuna_core::sign_on::Identity;
use kizuna_domain::sign_on::{RoleMap, claim_values};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreProviderMetadata,
    CoreResponseType, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, Client,
    ClientId, ClientSecret, CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IdTokenFields, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    Scope, StandardErrorResponse, StandardTokenResponse, reqwest,
};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

/// Longest a call to the provider may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(15);

/// Every claim of the ID token beyond the standard ones, so the configured
/// role claim can be read whatever its name.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct OtherClaims {
    #[serde(flatten)]
    all: HashMap<String, serde_json::Value>,
}

impl AdditionalClaims for OtherClaims {}

type IdFields = IdTokenFields<
    OtherClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

/// The client as discovery sets it up: authorization endpoint set, token
/// and userinfo endpoints as the metadata gives them.
type OidcClient = Client<
    OtherClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    StandardTokenResponse<IdFields, CoreTokenType>,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Single sign-on's settings, as configured.
#[derive(Clone, Default)]
pub struct OidcConfig {
    /// The issuer URL (`KIZUNA_OIDC_ISSUER`); discovery reads
    /// `{issuer}/.well-known/openid-configuration`.
    pub issuer: String,
    /// Kizuna's client id at the provider (`KIZUNA_OIDC_CLIENT_ID`).
    pub client_id: String,
    /// The client secret (`KIZUNA_OIDC_CLIENT_SECRET`); none for a public client (PKCE alone).
    pub client_secret: Option<String>,
    /// Where the provider sends the person back: `{public URL}/login/oidc/callback`.
    pub redirect_url: String,
    /// The ID token claim whose values the role map reads (`KIZUNA_OIDC_ROLE_CLAIM`).
    pub role_claim: String,
    /// Scopes asked for besides `openid`.
    pub scopes: Vec<String>,
    /// Role-claim value → role and units.
    pub roles: RoleMap,
}

/// Why the provider could not sign someone in.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// Discovery failed or the provider did not answer: try again later.
    #[error("the identity provider is not reachable: {0}")]
    Unavailable(String),
    /// The code was refused at the token endpoint.
    #[error("the identity provider refused the sign-in code: {0}")]
    Exchange(String),
    /// The answer came without an ID token.
    #[error("the identity provider sent no ID token")]
    NoIdToken,
    /// The ID token's nonce is not the one this sign-in sent.
    #[error("the ID token's nonce does not match this sign-in")]
    Nonce,
    /// The ID token failed another check (signature, issuer, audience, expiry).
    #[error("the ID token is not valid: {0}")]
    Token(String),
}

/// What a started sign-in keeps in the session until the answer comes (once).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Pending {
    /// The `state` sent; the answer must carry it.
    pub state: String,
    /// The `nonce` sent; the ID token must carry it.
    pub nonce: String,
    /// The PKCE verifier whose S256 challenge was sent.
    pub verifier: String,
    /// Where to go after signing in.
    pub next: String,
}

/// The configured identity provider; cheap to clone.
#[derive(Clone)]
pub struct OidcProvider {
    inner: Arc<Inner>,
}

struct Inner {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: Option<ClientSecret>,
    redirect_url: RedirectUrl,
    role_claim: String,
    scopes: Vec<String>,
    roles: RoleMap,
    http: reqwest::Client,
    /// The discovered client, once discovery has succeeded.
    client: Mutex<Option<Arc<OidcClient>>>,
}

impl fmt::Debug for OidcProvider {
    /// Names the provider and client, never the secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcProvider")
            .field("issuer", &self.inner.issuer.as_str())
            .field("client_id", &self.inner.client_id.as_str())
            .field("redirect_url", &self.inner.redirect_url.as_str())
            .field("role_claim", &self.inner.role_claim)
            .finish_non_exhaustive()
    }
}

impl OidcProvider {
    /// Checks the configuration (URLs, client id, role map); contacts no one yet.
    pub fn new(config: OidcConfig) -> Result<Self, String> {
        let issuer = IssuerUrl::new(config.issuer.trim().to_owned())
            .map_err(|e| format!("the OpenID Connect issuer is not a URL: {e}"))?;
        let redirect_url = RedirectUrl::new(config.redirect_url.clone())
            .map_err(|e| format!("the OpenID Connect redirect URL is not a URL: {e}"))?;
        if config.client_id.trim().is_empty() {
            return Err("an OpenID Connect client id is needed with an issuer".to_owned());
        }
        if config.role_claim.trim().is_empty() {
            return Err("the OpenID Connect role claim needs a name".to_owned());
        }
        config
            .roles
            .validate()
            .map_err(|e| format!("the single sign-on role map is not valid: {e}"))?;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()
            .map_err(|e| format!("could not set up the HTTP client: {e}"))?;
        Ok(OidcProvider {
            inner: Arc::new(Inner {
                issuer,
                client_id: ClientId::new(config.client_id.trim().to_owned()),
                client_secret: config
                    .client_secret
                    .filter(|s| !s.is_empty())
                    .map(ClientSecret::new),
                redirect_url,
                role_claim: config.role_claim.trim().to_owned(),
                scopes: config.scopes,
                roles: config.roles,
                http,
                client: Mutex::new(None),
            }),
        })
    }

    /// The role map.
    pub fn roles(&self) -> &RoleMap {
        &self.inner.roles
    }

    /// The discovered client: discovery runs on first use and again after a
    /// failure, so a provider that was down at start is picked up later.
    async fn client(&self) -> Result<Arc<OidcClient>, ProviderError> {
        let mut cached = self.inner.client.lock().await;
        if let Some(client) = cached.as_ref() {
            return Ok(client.clone());
        }
        let metadata =
            CoreProviderMetadata::discover_async(self.inner.issuer.clone(), &self.inner.http)
                .await
                .map_err(|e| ProviderError::Unavailable(error_chain(&e)))?;
        let client = OidcClient::from_provider_metadata(
            metadata,
            self.inner.client_id.clone(),
            self.inner.client_secret.clone(),
        )
        .set_redirect_uri(self.inner.redirect_url.clone());
        let client = Arc::new(client);
        *cached = Some(client.clone());
        tracing::info!(issuer = %self.inner.issuer.as_str(), "OpenID Connect provider discovered");
        Ok(client)
    }

    /// Starts a sign-in: the provider's authorization URL to send the person
    /// to, and what to keep in the session until they come back.
    pub(crate) async fn start(&self, next: String) -> Result<(String, Pending), ProviderError> {
        let client = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in &self.inner.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        let pending = Pending {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            next,
        };
        Ok((url.to_string(), pending))
    }

    /// Finishes a sign-in whose `state` has been checked: exchanges the code
    /// (with the PKCE verifier) and verifies the ID token.
    pub(crate) async fn finish(
        &self,
        pending: Pending,
        code: String,
    ) -> Result<Identity, ProviderError> {
        let client = self.client().await?;
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| ProviderError::Unavailable(error_chain(&e)))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier))
            .request_async(&self.inner.http)
            .await
            .map_err(|e| ProviderError::Exchange(error_chain(&e)))?;
        let id_token = tokens
            .extra_fields()
            .id_token()
            .ok_or(ProviderError::NoIdToken)?;
        let nonce = Nonce::new(pending.nonce);
        let mut verified = id_token.claims(&client.id_token_verifier(), &nonce);
        let fresh;
        if let Err(ClaimsVerificationError::SignatureVerification(_)) = verified {
            // The provider may have rotated its keys since discovery: the
            // same token is checked once more against keys fetched now.
            tracing::info!(
                "ID token signed with an unknown key: fetching the provider's keys again"
            );
            *self.inner.client.lock().await = None;
            fresh = self.client().await?;
            verified = id_token.claims(&fresh.id_token_verifier(), &nonce);
        }
        let claims = verified.map_err(|e| match e {
            ClaimsVerificationError::InvalidNonce(_) => ProviderError::Nonce,
            other => ProviderError::Token(error_chain(&other)),
        })?;
        Ok(Identity {
            issuer: claims.issuer().as_str().to_owned(),
            subject: claims.subject().as_str().to_owned(),
            email: claims.email().map(|e| e.as_str().to_owned()),
            email_verified: claims.email_verified(),
            role_values: claim_values(claims.additional_claims().all.get(&self.inner.role_claim)),
        })
    }
}

/// An error with its causes, for the log and the page.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
