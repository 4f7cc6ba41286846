//! What each subcommand does.

use std::sync::Arc;

use anyhow::{Context, bail};
use kizuna_core::{Registry, Store, WriteError, Writer};
use kizuna_domain::Dataset;
use kizuna_web::http::base_url::{EmbedOrigin, PublicUrl};
use kizuna_web::{AppError, AppState, WebSettings};

use crate::config::{FlagOverrides, Settings, redact};
use crate::lock::DataDirLock;
use crate::{Cli, Command, EwpCommand, ExportFormat, ImportFormat};

/// The Japan dataset, built into the binary so `kizuna demo` works anywhere.
const JAPAN: &str = include_str!("../../../data/japan.toml");

/// Runs the command the user asked for.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let (listen, public_url) = match &cli.command {
        Command::Serve {
            listen, public_url, ..
        } => (*listen, public_url.clone()),
        _ => (None, None),
    };
    let flags = FlagOverrides {
        database_url: cli.database_url.clone(),
        data_dir: cli.data_dir.clone(),
        listen,
        public_url,
    };
    let settings = Settings::load(cli.config.as_deref(), &flags)?;
    // Taken before the database is opened, so a refused command changes nothing.
    let _data_dir = match &cli.command {
        Command::Serve { .. } => Some(DataDirLock::acquire(&settings.data_dir, "serve")?),
        Command::Reindex => Some(DataDirLock::acquire(&settings.data_dir, "reindex")?),
        _ => None,
    };
    let store = open(&settings).await?;
    let registry = Registry::new(store.clone());
    let result = match cli.command {
        Command::Serve { demo, .. } => {
            if demo {
                load_demo(&registry).await?;
            }
            serve(&settings, registry).await
        }
        Command::Demo => load_demo(&registry).await,
        Command::Migrate => {
            println!(
                "The database at {} is up to date.",
                redact(&settings.database_url())
            );
            Ok(())
        }
        Command::Reindex => crate::reindex::reindex(&settings, &registry).await,
        Command::Backup { file } => crate::backup::backup(&registry, &file).await,
        Command::Restore { file, force } => {
            crate::backup::restore(&settings, &registry, &file, force).await
        }
        Command::Import {
            format: ImportFormat::Ewp,
            file,
            apply,
            ..
        } => crate::ewp::import(&registry, &file, apply).await,
        Command::Import {
            format: format @ (ImportFormat::Csv | ImportFormat::Xlsx),
            file,
            sheet,
            apply: false,
        } => crate::sheets::import(&registry, sheet_format(format), &file, &sheet).await,
        Command::Import { sheet, .. }
            if sheet.collection.is_some() || sheet.dry_run || sheet.map.is_some() =>
        {
            Err(anyhow::anyhow!(
                "--collection, --dry-run and --map apply to csv and xlsx only"
            ))
        }
        Command::Import { apply: true, .. } => Err(anyhow::anyhow!(
            "--apply applies to `import ewp` only; the other imports write at once"
        )),
        Command::Import { format, file, .. } => import(&registry, format, &file).await,
        Command::Ewp {
            command: EwpCommand::Approve { agreement },
        } => crate::ewp::approve(&registry, &agreement).await,
        Command::Export {
            format: format @ (ExportFormat::Csv | ExportFormat::Xlsx),
            agreement: None,
            out,
            sheet,
        } => {
            let status = kizuna_domain::StatusContext {
                today: chrono::Utc::now().date_naive(),
                expiring_window_days: settings.expiring_window_days,
            };
            let format = match format {
                ExportFormat::Csv => kizuna_interop::sheets::Format::Csv,
                _ => kizuna_interop::sheets::Format::Xlsx,
            };
            crate::sheets::export(&registry, format, &sheet, out.as_deref(), status).await
        }
        Command::Export {
            format: ExportFormat::Ewp,
            agreement,
            out,
            ..
        } => crate::ewp::export(&registry, agreement.as_ref(), out.as_deref()).await,
        Command::Export {
            format: ExportFormat::Json,
            agreement: None,
            out: None,
            ..
        } => {
            let data = dump(&registry).await?;
            println!("{}", serde_json::to_string_pretty(&data)?);
            Ok(())
        }
        Command::Export { .. } => Err(anyhow::anyhow!(
            "--agreement applies to `export ewp` only, --out to ewp, csv and xlsx"
        )),
        Command::User { command } => crate::users::run(&registry, command).await,
    };
    store.close().await;
    result
}

async fn open(settings: &Settings) -> anyhow::Result<Arc<dyn Store>> {
    let url = settings.database_url();
    if url.starts_with("sqlite:") && settings.database_url.is_none() {
        std::fs::create_dir_all(&settings.data_dir).with_context(|| {
            format!(
                "creating the data directory {}",
                settings.data_dir.display()
            )
        })?;
    }
    tracing::debug!(database = %redact(&url), "opening the database");
    kizuna_storage::connect(&url)
        .await
        .with_context(|| format!("opening the database at {}", redact(&url)))
}

/// The sheet format of an import format that is one.
fn sheet_format(format: ImportFormat) -> kizuna_interop::sheets::Format {
    match format {
        ImportFormat::Xlsx => kizuna_interop::sheets::Format::Xlsx,
        _ => kizuna_interop::sheets::Format::Csv,
    }
}

/// Parses a dataset; its records are checked when it is loaded.
fn parse_dataset(text: &str, format: ImportFormat) -> anyhow::Result<Dataset> {
    Ok(match format {
        ImportFormat::Json => {
            serde_json::from_str(text).context("the file is not a Kizuna JSON dataset")?
        }
        ImportFormat::Toml => {
            toml::from_str(text).context("the file is not a Kizuna TOML dataset")?
        }
        ImportFormat::Ror | ImportFormat::Ewp | ImportFormat::Csv | ImportFormat::Xlsx => {
            bail!("this file is not a Kizuna dataset")
        }
    })
}

/// Loads a dataset through the core's write path: every record is checked by
/// the same rules and references as a single change, and nothing is written
/// unless all of it passes.
async fn load(registry: &Registry, mut data: Dataset, actor: &str) -> anyhow::Result<()> {
    let writer = Writer::load(registry.clone())
        .await
        .context("reading the registry")?;
    let report = match writer.import(&mut data, actor).await {
        Ok(report) => report,
        Err(WriteError::Invalid(errors)) => {
            let lines: Vec<String> = errors
                .0
                .iter()
                .map(|e| format!("  {}: {}", e.field, e.message))
                .collect();
            bail!(
                "nothing was imported; {} problem(s):\n{}",
                lines.len(),
                lines.join("\n")
            );
        }
        Err(e) => return Err(e).context("writing the records"),
    };
    println!(
        "{} created, {} updated, {} unchanged (revision {}).",
        report.created,
        report.updated,
        report.unchanged,
        registry.store().revision().await?
    );
    Ok(())
}

async fn load_demo(registry: &Registry) -> anyhow::Result<()> {
    let data = parse_dataset(JAPAN, ImportFormat::Toml).context("the built-in Japan dataset")?;
    print!("Japan demo dataset: ");
    load(registry, data, "demo")
        .await
        .context("the built-in Japan dataset")
}

async fn import(
    registry: &Registry,
    format: ImportFormat,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    if let ImportFormat::Ror = format {
        return import_ror(registry, file).await;
    }
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    if crate::backup::is_backup(&text) {
        bail!(
            "{0} is a backup: restore it with `kizuna restore {0}`",
            file.display()
        );
    }
    let data =
        parse_dataset(&text, format).with_context(|| format!("importing {}", file.display()))?;
    load(registry, data, "import")
        .await
        .with_context(|| format!("importing {}", file.display()))
}

/// Imports ROR records with a progress bar on a terminal and a summary at the end.
async fn import_ror(registry: &Registry, file: &std::path::Path) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {msg} [{bar:40}] {bytes}/{total_bytes} ({eta})",
            )
            .expect("a fixed template is valid")
            .progress_chars("=> "),
        );
        bar.set_message(format!("importing {} (one transaction)", file.display()));
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let progress = |read: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(read);
    };
    let started = std::time::Instant::now();
    let summary = kizuna_interop::ror::import(registry, file, &progress)
        .await
        .with_context(|| format!("importing ROR records from {}", file.display()))?;
    bar.finish_and_clear();
    println!("{summary}");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} records in {seconds:.1} s ({:.0} records/s).",
        summary.read,
        summary.read as f64 / seconds.max(0.001)
    );
    Ok(())
}

/// Every record of the registry as one dataset.
async fn dump(registry: &Registry) -> anyhow::Result<Dataset> {
    let snapshot = registry.snapshot().await?;
    Ok(Dataset {
        home: snapshot.home,
        organisations: snapshot
            .organisations
            .into_values()
            .map(Arc::unwrap_or_clone)
            .collect(),
        agreements: snapshot.agreements,
        programmes: snapshot.programmes,
        funding: snapshot.funding,
        contacts: snapshot.contacts,
        country: None,
        countries: snapshot.countries,
    })
}

/// The EWP node when a catalogue is configured; a catalogue that cannot be
/// read stops the start, rather than leaving the node silently off.
fn ewp_node(
    settings: &Settings,
    public_url: Option<&PublicUrl>,
) -> anyhow::Result<Option<Arc<kizuna_web::ewp_node::EwpNode>>> {
    let Some(path) = &settings.ewp_catalogue else {
        return Ok(None);
    };
    let mut node = kizuna_web::ewp_node::EwpNode::load(path).map_err(anyhow::Error::msg)?;
    // With a public address the manifest names it and signed requests must name its host.
    if let Some(url) = public_url {
        node = node.at(url.as_str());
    }
    tracing::info!(
        catalogue = %path.display(),
        client_keys = node.catalogue().len(),
        "the EWP node is on"
    );
    Ok(Some(Arc::new(node)))
}

async fn serve(settings: &Settings, registry: Registry) -> anyhow::Result<()> {
    let public_url = match settings
        .public_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
    {
        Some(url) => Some(url.parse::<PublicUrl>().context("KIZUNA_PUBLIC_URL")?),
        None => None,
    };
    let embed_origins = EmbedOrigin::parse_list(settings.embed_origins.as_deref().unwrap_or(""))
        .context("KIZUNA_EMBED_ORIGINS")?;
    if public_url.is_none() && !settings.trust_proxy {
        tracing::info!("no KIZUNA_PUBLIC_URL: absolute links use the listen address");
    }
    let ewp_node = ewp_node(settings, public_url.as_ref())?;
    // The identity provider sends people back to the public address when there is one.
    let sign_on_base = public_url.as_ref().map_or_else(
        || format!("http://{}", settings.listen),
        |u| u.as_str().to_owned(),
    );
    let web = WebSettings {
        public_url,
        trust_proxy: settings.trust_proxy,
        embed_origins,
        listen: Some(settings.listen),
        expiring_window_days: settings.expiring_window_days,
        theme_dir: settings.theme_dir.clone(),
        request_timeout: std::time::Duration::from_secs(settings.request_timeout_secs),
        body_limit: settings.body_limit_bytes,
        document_limit: settings.document_limit_bytes,
        tile_url: settings.map_tile_url.clone(),
        index_dir: Some(settings.data_dir.join("index")),
        secure_cookies: settings.secure_cookies,
        office_email: settings.office_email.clone(),
        default_lang: settings
            .default_lang
            .parse()
            .context("KIZUNA_DEFAULT_LANG")?,
        ewp_node,
        sign_on: settings.sign_on.to_web(&sign_on_base)?,
        ..WebSettings::default()
    };
    let state = AppState::new(registry, web)
        .await
        .map_err(|e| match e {
            // The edge hides internal details from clients; here the operator needs them.
            AppError::Internal(detail) => anyhow::anyhow!(detail),
            other => anyhow::Error::from(other),
        })
        .context("preparing the web application")?;
    let listener = tokio::net::TcpListener::bind(settings.listen)
        .await
        .with_context(|| format!("listening on {}", settings.listen))?;
    let address = listener.local_addr()?;
    let stop = shutdown_signal()?;
    println!("Kizuna is running at http://{address}/ (Ctrl-C to stop)");
    kizuna_web::launch(state, listener, stop)
        .await
        .context("serving")?;
    println!("Kizuna stopped.");
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM. The handlers are installed here, before
/// the server says it is running: installed lazily (on the future's first
/// poll), a SIGTERM sent right after start-up would kill the process instead
/// of stopping it gracefully.
fn shutdown_signal() -> anyhow::Result<impl Future<Output = ()>> {
    #[cfg(unix)]
    let (mut interrupt, mut terminate) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()).context("listening for Ctrl-C")?,
            signal(SignalKind::terminate()).context("listening for SIGTERM")?,
        )
    };
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = interrupt.recv() => {},
            _ = terminate.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing requests in flight");
    })
}
