//! The Erasmus Without Paper network node under `/ewp/`: the manifest, and
//! the IIAs v7, IIA Approval v2, Institutions v2, Organizational Units v2
//! and Factsheet v1 endpoints, which answer only requests signed by a client key of the
//! registry's catalogue (`KIZUNA_EWP_CATALOGUE`). Without a catalogue the
//! node is off and nothing is routed here: `/ewp/…` answers 404.
//!
//! What is answered, and how a signature is judged, is
//! `kizuna_interop::ewp`'s; this module only carries requests to it.

mod endpoints;
mod signed;

use std::path::Path;
use std::sync::Mutex;

use axum::Router;
use axum::routing::get;
use kizuna_interop::ewp::catalogue::Catalogue;
use kizuna_interop::ewp::replay::ReplayGuard;

use crate::AppState;

/// The node's configuration and memory: who may call, and the nonces seen.
#[derive(Debug)]
pub struct EwpNode {
    catalogue: Catalogue,
    replays: Mutex<ReplayGuard>,
    public_url: Option<String>,
}

impl EwpNode {
    /// A node that admits the client keys of `catalogue`.
    pub fn new(catalogue: Catalogue) -> EwpNode {
        EwpNode {
            catalogue,
            replays: Mutex::new(ReplayGuard::default()),
            public_url: None,
        }
    }

    /// The node as served at `url` (`https://partners.ki.se`, the deployment's
    /// public address): the manifest names its endpoints there, and a signed
    /// request must name its host. Without it, the host asked is used.
    pub fn at(mut self, url: &str) -> EwpNode {
        self.public_url = Some(url.trim_end_matches('/').to_owned());
        self
    }

    /// The public address, when configured.
    pub fn public_url(&self) -> Option<&str> {
        self.public_url.as_deref()
    }

    /// The host (and port) of the public address, which signed requests must name.
    pub fn public_host(&self) -> Option<&str> {
        let rest = self.public_url.as_deref()?.split_once("://")?.1;
        Some(rest.split('/').next().unwrap_or(rest))
    }

    /// A node that admits the client keys of the catalogue file at `path`.
    pub fn load(path: &Path) -> Result<EwpNode, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the EWP catalogue {}: {e}", path.display()))?;
        let catalogue = Catalogue::parse(&text)
            .map_err(|e| format!("the EWP catalogue {}: {e}", path.display()))?;
        Ok(EwpNode::new(catalogue))
    }

    /// The client keys that may call.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }
}

/// The `/ewp/` routes when the node is on; none when it is off.
pub fn routes(state: &AppState) -> Router<AppState> {
    if state.settings().ewp_node.is_none() {
        return Router::new();
    }
    Router::new()
        .route("/ewp/manifest.xml", get(endpoints::manifest))
        .route(
            "/ewp/iias/index",
            get(endpoints::iias_index).post(endpoints::iias_index),
        )
        .route(
            "/ewp/iias/get",
            get(endpoints::iias_get).post(endpoints::iias_get),
        )
        .route(
            "/ewp/iias-approval",
            get(endpoints::approval).post(endpoints::approval),
        )
        .route(
            "/ewp/institutions",
            get(endpoints::institutions).post(endpoints::institutions),
        )
        .route(
            "/ewp/ounits",
            get(endpoints::ounits).post(endpoints::ounits),
        )
        .route(
            "/ewp/factsheet",
            get(endpoints::factsheet).post(endpoints::factsheet),
        )
}
