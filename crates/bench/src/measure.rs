//! The request runs against a ready server: every endpoint at one client, then
//! at many connections, each started only once the server is idle again.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::endpoints::{Group, discover, plan};
use crate::http::{Limits, fetch, load};
use crate::kizuna::cpu_ticks;
use crate::options::Options;
use crate::results::{DatasetResult, Row, progress};

/// Shortest wait for answers still pending when a run stops sending.
const MIN_GRACE: Duration = Duration::from_secs(15);
/// Longest wait for them.
const MAX_GRACE: Duration = Duration::from_secs(120);

/// Waits until the server has been nearly idle for a quarter of a second, for at
/// most two minutes, so that work left over from one run (answers to requests
/// that were cut off) does not slow the next. False if it never was.
async fn settle(pid: u32) -> bool {
    let deadline = Instant::now() + MAX_GRACE;
    let mut last = cpu_ticks(pid);
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let now = cpu_ticks(pid);
        match (last, now) {
            // Three ticks (usually 30 ms) of CPU in 250 ms: idle but for timers.
            (Some(before), Some(after)) if after.saturating_sub(before) <= 3 => return true,
            (_, None) => return true,
            _ => last = now,
        }
    }
    false
}

fn ms(d: Option<Duration>) -> String {
    d.map_or("-".to_owned(), |d| {
        format!("{:.1} ms", d.as_secs_f64() * 1e3)
    })
}

/// Measures every endpoint of the server at `address` (process `pid`) into `r`.
pub async fn measure(
    options: &Options,
    address: &str,
    pid: u32,
    r: &mut DatasetResult,
    started: Instant,
) -> anyhow::Result<()> {
    progress(started, "reading ids and names through the API");
    let material = discover(address, 2).await?;
    r.organisation_total = material.organisation_total;
    let mut plan = plan(&material, options.queries, options.requests);
    if !options.only.is_empty() {
        plan.endpoints.retain(|e| {
            e.group == Group::Ceiling || options.only.iter().any(|o| e.name.contains(o.as_str()))
        });
    }
    r.queries = (plan.search_queries, plan.suggest_queries);
    r.skipped = plan.skipped.clone();
    let jp = fetch(address, "/api/v1/countries/jp").await?;
    if (200..300).contains(&jp.status) {
        r.country_jp_bytes = Some(jp.body.len());
    }
    let limits = |ceiling: bool, clients: usize, offset: usize, grace: Duration| Limits {
        clients,
        // The ceiling runs for the whole time bound: at the request bound it is over in a blink.
        requests: if ceiling {
            usize::MAX
        } else {
            options.requests
        },
        duration: options.duration,
        grace,
        offset,
        gzip: false,
    };
    for endpoint in plan.endpoints {
        // One request first: it warms up what a first visit sets up and shows a broken endpoint early.
        let _ = fetch(address, &endpoint.paths[0]).await;
        let ceiling = endpoint.group == Group::Ceiling;
        let paths = endpoint.paths.clone();
        if !settle(pid).await {
            r.notes.push(format!(
                "the server was still busy before {} at one client",
                endpoint.name
            ));
        }
        let one = load(
            address,
            paths.clone(),
            Limits {
                gzip: endpoint.gzip,
                ..limits(ceiling, 1, 1, MIN_GRACE)
            },
        )
        .await;
        // Enough time for every connection's last request at the one-client p99 to finish.
        let slowest = one.percentile(0.99).unwrap_or(MAX_GRACE);
        let grace = (slowest * options.clients as u32).clamp(MIN_GRACE, MAX_GRACE);
        if !settle(pid).await {
            r.notes.push(format!(
                "the server was still busy before {} at {} connections",
                endpoint.name, options.clients
            ));
        }
        let offset = 1 + one.requests();
        let many = load(
            address,
            paths,
            Limits {
                gzip: endpoint.gzip,
                ..limits(ceiling, options.clients, offset, grace)
            },
        )
        .await;
        progress(
            started,
            &format!(
                "{}: 1 client p50 {} p99 {} ({} req, {} failed); {} conns {:.1} req/s ({} req, {} failed)",
                endpoint.name,
                ms(one.percentile(0.5)),
                ms(one.percentile(0.99)),
                one.requests(),
                one.failures + one.cut_off,
                options.clients,
                many.throughput(),
                many.requests(),
                many.failures + many.cut_off
            ),
        );
        r.rows.push(Row {
            endpoint,
            one,
            many,
        });
    }
    settle(pid).await;
    let healthz = Arc::new(vec!["/healthz".to_owned()]);
    r.ceiling_after = Some(
        load(
            address,
            healthz,
            limits(true, options.clients, 0, MIN_GRACE),
        )
        .await,
    );
    Ok(())
}
