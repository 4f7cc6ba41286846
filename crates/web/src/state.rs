//! Shared state of every request: the registry, a snapshot of it that
//! follows the revision feed, templates and settings.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use kizuna_core::{Registry, Snapshot};
use kizuna_domain::{Collection, RecordSet, StatusContext};
use kizuna_search::SearchIndex;
use tokio::sync::{Mutex, RwLock};

use crate::AppError;
use crate::cache::{CachedPage, PageCache};
use crate::templates::Templates;

/// Settings of the web edge.
#[derive(Debug, Clone)]
pub struct WebSettings {
    /// Days before `valid_until` in which an agreement counts as expiring.
    pub expiring_window_days: u32,
    /// A folder whose templates and assets override the built-in ones.
    pub theme_dir: Option<PathBuf>,
    /// How long a request may take.
    pub request_timeout: Duration,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Largest document upload accepted (signed PDFs outgrow `body_limit`), in bytes.
    pub document_limit: usize,
    /// How often to look for changes written by other processes.
    pub follow_interval: Duration,
    /// Where the search index lives; in memory when unset.
    pub index_dir: Option<PathBuf>,
    /// An optional map tile URL (`https://tile.example/{z}/{x}/{y}.png`); offline shapes otherwise.
    pub tile_url: Option<String>,
    /// Mark the session cookie `Secure` (serve over HTTPS, or behind a proxy that does).
    pub secure_cookies: bool,
    /// The international office's mailbox: who to ask when a record names nobody.
    pub office_email: Option<String>,
    /// The base of absolute links (`KIZUNA_PUBLIC_URL`).
    pub public_url: Option<crate::http::base_url::PublicUrl>,
    /// Believe `Host` and `X-Forwarded-*` (when well formed) without a public URL.
    pub trust_proxy: bool,
    /// Origins whose pages may frame `/embed/*` (`KIZUNA_EMBED_ORIGINS`).
    pub embed_origins: Vec<crate::http::base_url::EmbedOrigin>,
    /// The address served on: the base of links without a public URL.
    pub listen: Option<std::net::SocketAddr>,
    /// The Erasmus Without Paper node (`KIZUNA_EWP_CATALOGUE`); off when `None`.
    pub ewp_node: Option<Arc<crate::ewp_node::EwpNode>>,
    /// How people sign in: passwords, single sign-on, or both.
    pub sign_on: crate::SignOnSettings,
    /// The language of readers who ask for none of the interface languages.
    pub default_lang: crate::http::lang::Lang,
}

impl Default for WebSettings {
    fn default() -> Self {
        WebSettings {
            expiring_window_days: 180,
            theme_dir: None,
            request_timeout: Duration::from_secs(30),
            body_limit: 2 * 1024 * 1024,
            document_limit: 25 * 1024 * 1024,
            follow_interval: Duration::from_millis(500),
            tile_url: None,
            index_dir: None,
            secure_cookies: false,
            office_email: None,
            public_url: None,
            trust_proxy: false,
            embed_origins: Vec::new(),
            listen: None,
            ewp_node: None,
            sign_on: crate::SignOnSettings::default(),
            default_lang: crate::http::lang::Lang::En,
        }
    }
}

/// Cheap to clone; every handler gets one.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    registry: Registry,
    settings: WebSettings,
    templates: Templates,
    snapshot: RwLock<Arc<Snapshot>>,
    public: RwLock<Arc<Snapshot>>,
    refreshing: Mutex<()>,
    search: Arc<SearchIndex>,
    pages: PageCache,
}

impl AppState {
    /// Builds the state: a first snapshot of the registry, and a search index
    /// brought up to the same revision (rebuilt when missing or behind).
    pub async fn new(registry: Registry, settings: WebSettings) -> Result<Self, AppError> {
        let snapshot = registry.snapshot().await?;
        let templates = Templates::new(settings.theme_dir.clone())?;
        let search = Arc::new(
            match &settings.index_dir {
                Some(dir) => SearchIndex::open_or_create(dir),
                None => SearchIndex::in_memory(),
            }
            .map_err(search_error)?,
        );
        if search.indexed_revision() != snapshot.revision
            || search.is_empty() != snapshot.organisations.is_empty()
        {
            let (index, snap) = (search.clone(), snapshot.clone());
            let started = std::time::Instant::now();
            tokio::task::spawn_blocking(move || index.rebuild(&snap))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?
                .map_err(search_error)?;
            tracing::info!(
                revision = snapshot.revision,
                elapsed_ms = started.elapsed().as_millis() as u64,
                "search index rebuilt"
            );
        }
        let public = Arc::new(snapshot.public());
        public.index();
        snapshot.index();
        Ok(AppState {
            inner: Arc::new(Inner {
                registry,
                settings,
                templates,
                public: RwLock::new(public),
                snapshot: RwLock::new(Arc::new(snapshot)),
                refreshing: Mutex::new(()),
                search,
                pages: PageCache::default(),
            }),
        })
    }

    /// Typed access to storage.
    pub fn registry(&self) -> &Registry {
        &self.inner.registry
    }

    /// The settings.
    pub fn settings(&self) -> &WebSettings {
        &self.inner.settings
    }

    /// The page templates.
    pub fn templates(&self) -> &Templates {
        &self.inner.templates
    }

    /// Answers that depend only on the data, kept per revision.
    pub fn pages(&self) -> &PageCache {
        &self.inner.pages
    }

    /// The answer to `key` from the page cache at the public snapshot's
    /// revision, or `render` it from that snapshot and keep it.
    pub async fn cached(
        &self,
        key: String,
        content_type: &'static str,
        render: impl AsyncFnOnce(Arc<Snapshot>) -> Result<String, AppError>,
    ) -> Result<axum::response::Response, AppError> {
        self.cached_tagged(key, content_type, async |snapshot| {
            Ok((render(snapshot).await?, None))
        })
        .await
    }

    /// As [`AppState::cached`], for answers that carry an `ETag`.
    pub async fn cached_tagged(
        &self,
        key: String,
        content_type: &'static str,
        render: impl AsyncFnOnce(
            Arc<Snapshot>,
        ) -> Result<(String, Option<axum::http::HeaderValue>), AppError>,
    ) -> Result<axum::response::Response, AppError> {
        use axum::response::IntoResponse;
        // Pages, feeds and calendars are worded in the reader's language; JSON is not.
        let key = if content_type.contains("json") {
            key
        } else {
            format!("{}:{key}", crate::http::lang::current())
        };
        let snapshot = self.public_snapshot().await;
        let (revision, day) = (snapshot.revision, today());
        if let Some(hit) = self.pages().get(revision, day, &key) {
            return Ok(hit.into_response());
        }
        let (body, etag) = render(snapshot).await?;
        let page = CachedPage::new(content_type, body.into(), etag);
        self.pages().put(revision, day, key, page.clone());
        Ok(page.into_response())
    }

    /// The search index, at the snapshot's revision.
    pub fn search(&self) -> &Arc<SearchIndex> {
        &self.inner.search
    }

    /// What the public may see of the registry as of the last refresh.
    pub async fn public_snapshot(&self) -> Arc<Snapshot> {
        self.inner.public.read().await.clone()
    }

    /// The whole registry (internal records and fields included) as of the last refresh.
    pub async fn snapshot(&self) -> Arc<Snapshot> {
        self.inner.snapshot.read().await.clone()
    }

    /// Today and the expiring window: what an agreement's status depends on.
    pub fn status_context(&self) -> StatusContext {
        StatusContext {
            today: today(),
            expiring_window_days: self.inner.settings.expiring_window_days,
        }
    }

    /// Catches up with changes written by any process; returns the changed records.
    pub async fn refresh(&self) -> Result<Vec<(RecordSet, String)>, AppError> {
        let _one_at_a_time = self.inner.refreshing.lock().await;
        let current = self.snapshot().await;
        if self.registry().store().revision().await? == current.revision {
            return Ok(Vec::new());
        }
        let mut next = (*current).clone();
        let changed = self.registry().refresh(&mut next).await?;
        let records: Vec<(Collection, String)> = changed
            .iter()
            .filter_map(|(c, id)| Some((c.collection()?, id.clone())))
            .collect();
        let next = Arc::new(next);
        let (index, snapshot) = (self.inner.search.clone(), next.clone());
        tokio::task::spawn_blocking(move || index.sync(&snapshot, &records, snapshot.revision))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(search_error)?;
        let public = Arc::new(next.public());
        let (full, open) = (next.clone(), public.clone());
        // Build the new revision's indexes before readers see it.
        tokio::task::spawn_blocking(move || {
            full.index();
            open.index();
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
        *self.inner.public.write().await = public;
        *self.inner.snapshot.write().await = next;
        Ok(changed)
    }

    /// Follows the revision feed until the state is dropped everywhere else.
    pub fn spawn_follower(&self) -> tokio::task::JoinHandle<()> {
        let weak = Arc::downgrade(&self.inner);
        let interval = self.inner.settings.follow_interval;
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(interval);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticker.tick().await;
                let Some(inner) = weak.upgrade() else { break };
                let state = AppState { inner };
                if let Err(e) = state.refresh().await {
                    tracing::warn!(error = %e, "could not follow the revision feed");
                }
            }
        })
    }
}

fn search_error(e: kizuna_search::SearchError) -> AppError {
    AppError::Internal(e.to_string())
}

/// The current day in UTC.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}
