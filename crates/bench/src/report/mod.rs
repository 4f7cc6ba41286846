//! The Markdown report: the budgets of issue 7 with "met" or "missed", then
//! each registry's import, start, request and memory figures.

mod requests;
#[cfg(test)]
mod tests;

use std::fmt::Write;
use std::time::Duration;

use crate::endpoints::Group;
use crate::machine::Header;
use crate::options::{DatasetKind, Options};
use crate::results::{DatasetResult, Row};

/// Slowest allowed p99 at one client.
const P99_BUDGET: Duration = Duration::from_millis(20);
/// Largest allowed `/api/v1/countries/jp`, in bytes.
const COUNTRY_BUDGET: usize = 200 * 1024;
/// Slowest allowed second start at 51k organisations.
const START_BUDGET: Duration = Duration::from_secs(1);
/// Least ROR import rate.
const IMPORT_BUDGET: f64 = 25_000.0;
/// The scale the synthetic budgets are defined at.
const FULL_SCALE: usize = 150_000;

fn verdict(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "met",
        Some(false) => "**missed**",
        None => "—",
    }
}

fn ms(d: Option<Duration>) -> String {
    d.map_or_else(
        || "–".to_owned(),
        |d| format!("{:.2} ms", d.as_secs_f64() * 1e3),
    )
}
/// A share in percent, with two decimals below 1%.
fn percent(share: f64) -> String {
    if share < 0.01 {
        format!("{:.2}%", 100.0 * share)
    } else {
        format!("{:.1}%", 100.0 * share)
    }
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// The registry's name in tables.
fn label(d: &DatasetResult) -> String {
    match d.kind {
        Some(DatasetKind::Ror) => "ROR".to_owned(),
        _ => format!("synthetic {}k", d.scale / 1000),
    }
}

/// Whether the one-client run meets the latency budget.
fn p99_met(row: &Row) -> bool {
    row.one.clean() && row.one.percentile(0.99).is_some_and(|p| p <= P99_BUDGET)
}

/// The many-connection throughput as a share of `/healthz`'s.
fn ratio(row: &Row, ceiling: f64) -> f64 {
    row.many.throughput() / ceiling.max(1e-9)
}

fn ratio_met(row: &Row, ceiling: f64) -> bool {
    row.many.clean() && ratio(row, ceiling) >= row.endpoint.group.min_ratio()
}

fn ceiling(d: &DatasetResult) -> Option<f64> {
    d.rows
        .iter()
        .find(|r| r.endpoint.group == Group::Ceiling)
        .map(|r| r.many.throughput())
}

/// The budget table rows of one registry: budget, measured, verdict.
fn budgets(d: &DatasetResult) -> Vec<(String, String, Option<bool>)> {
    let mut out = Vec::new();
    let is_ror = d.kind == Some(DatasetKind::Ror);
    if let Some(e) = &d.error {
        out.push((
            "the whole run completes".to_owned(),
            format!("stopped: {}", first_line(e)),
            Some(false),
        ));
    }
    if let Some(import) = d.imports.first().filter(|_| is_ror) {
        let rate = import.records as f64 / import.elapsed.as_secs_f64().max(1e-9);
        out.push((
            "ROR first import ≥ 25,000 records/s".to_owned(),
            format!(
                "{rate:.0} records/s ({} records in {:.1} s)",
                import.records,
                import.elapsed.as_secs_f64()
            ),
            Some(rate >= IMPORT_BUDGET),
        ));
    }
    if let Some((_, start)) = d.starts.get(1).filter(|_| is_ror) {
        out.push((
            "second start to ready ≤ 1 s at 51k".to_owned(),
            format!("{:.2} s", start.as_secs_f64()),
            Some(*start <= START_BUDGET),
        ));
    }
    let measured: Vec<&Row> = d
        .rows
        .iter()
        .filter(|r| r.endpoint.group != Group::Ceiling)
        .collect();
    if !measured.is_empty() {
        let met = measured.iter().filter(|r| p99_met(r)).count();
        let worst = measured
            .iter()
            .max_by_key(|r| (!r.one.clean(), r.one.percentile(0.99)))
            .map(|r| {
                format!(
                    "; worst {} at {}",
                    r.endpoint.name,
                    ms(r.one.percentile(0.99))
                )
            })
            .unwrap_or_default();
        out.push((
            "every page and API endpoint p99 ≤ 20 ms, one client".to_owned(),
            format!("{met} of {} met{worst}", measured.len()),
            Some(met == measured.len()),
        ));
    }
    if let Some(ceiling) = ceiling(d).filter(|_| !measured.is_empty()) {
        let met = measured.iter().filter(|r| ratio_met(r, ceiling)).count();
        let worst = measured
            .iter()
            .min_by(|a, b| {
                (ratio(a, ceiling) / a.endpoint.group.min_ratio())
                    .total_cmp(&(ratio(b, ceiling) / b.endpoint.group.min_ratio()))
            })
            .map(|r| {
                format!(
                    "; lowest {} at {}",
                    r.endpoint.name,
                    percent(ratio(r, ceiling))
                )
            })
            .unwrap_or_default();
        out.push((
            "32 connections: pages, records, lists, countries, maps, feeds ≥ 20% of /healthz; search, suggest ≥ 10%".to_owned(),
            format!("{met} of {} met{worst} (/healthz {ceiling:.0} req/s)", measured.len()),
            Some(met == measured.len()),
        ));
    }
    if let Some(bytes) = d.country_jp_bytes {
        out.push((
            "/api/v1/countries/jp < 200 KB".to_owned(),
            format!("{:.1} KB", bytes as f64 / 1024.0),
            Some(bytes < COUNTRY_BUDGET),
        ));
    }
    if let Some((rss, hwm)) = d.memory {
        let (budget, applies) = if is_ror {
            (250.0, true)
        } else {
            (500.0, d.scale == FULL_SCALE)
        };
        let name = if is_ror {
            "≤ 250 MB at 51k"
        } else {
            "≤ 500 MB at 150k"
        };
        out.push((
            format!("server memory after the runs {name} (VmHWM)"),
            format!("{:.0} MB resident, {:.0} MB peak", mb(rss), mb(hwm)),
            applies.then_some(mb(hwm) <= budget),
        ));
    }
    out
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// The whole report.
pub fn markdown(header: &Header, options: &Options, results: &[DatasetResult]) -> String {
    let mut out = String::from("# Benchmarks\n\n");
    let _ = writeln!(out, "- Date: {}", header.date);
    let _ = writeln!(out, "- Machine: {}", header.machine);
    let _ = writeln!(out, "- Commit: `{}`", header.commit);
    let _ = writeln!(out, "- Binary: `{}` (release)", options.kizuna.display());
    let _ = writeln!(out, "- Command: `{}`\n", header.command);
    out.push_str(
        "The client runs on the same machine and shares its cores with the server, so absolute \
         requests/s depend on the machine. **The ratio of each endpoint's throughput to `/healthz` \
         of the same server in the same run is the machine-independent figure.**\n\n",
    );
    let _ = writeln!(
        out,
        "Each measurement sends at most {} requests (`/healthz`: no limit) or for at most {:.1} s, whichever comes first, \
         from one client and then from {} keep-alive connections, each run starting once the server \
         is idle again; an answer still pending after a grace of the connections times the one-client \
         p99 (15 s to 120 s) is cut off. Any answer that is not 2xx, a broken connection or a cut-off is counted as a \
         failure and fails the endpoint's budgets; latencies are those of 2xx answers only. \
         p50/p99 are nearest-rank.\n",
        options.requests,
        options.duration.as_secs_f64(),
        options.clients
    );
    out.push_str(
        "## Budgets (issue 7)\n\n| budget | registry | measured | |\n| --- | --- | --- | --- |\n",
    );
    for d in results {
        for (budget, measured, met) in budgets(d) {
            let _ = writeln!(
                out,
                "| {budget} | {} | {measured} | {} |",
                label(d),
                verdict(met)
            );
        }
    }
    for d in results {
        dataset(&mut out, d, options);
    }
    out
}

fn dataset(out: &mut String, d: &DatasetResult, options: &Options) {
    let _ = writeln!(out, "\n## {}\n", label(d));
    let _ = writeln!(
        out,
        "Data: {}. The API lists {} public organisations. This registry took {:.0} s to measure, import included.\n",
        if d.source.is_empty() {
            "–"
        } else {
            &d.source
        },
        d.organisation_total,
        d.elapsed.as_secs_f64()
    );
    if let (Some(before), Some(after)) = d.load {
        let _ = writeln!(
            out,
            "Load average (1 min) when this registry started and when it was done: {before:.2} and \
             {after:.2}, on {} cores; the bench itself keeps up to about two busy, anything above is \
             other work on the machine.\n",
            std::thread::available_parallelism().map_or(0, |n| n.get()),
        );
    }
    if let Some(e) = &d.error {
        let _ = writeln!(out, "**The run stopped early:**\n\n```\n{e}\n```\n");
    }
    if let Some((elapsed, bytes, s)) = d.generated {
        let _ = writeln!(
            out,
            "Generated file: {:.1} MB in {:.1} s ({} organisations, {} agreements, {} programmes, {} funding, {} contacts, the demo's included).\n",
            bytes as f64 / 1e6,
            elapsed.as_secs_f64(),
            s.organisations,
            s.agreements,
            s.programmes,
            s.funding,
            s.contacts
        );
    }
    if !d.imports.is_empty() {
        out.push_str("### Import\n\n| | records | seconds | records/s | peak memory | kizuna said |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
        for i in &d.imports {
            let _ = writeln!(
                out,
                "| {} | {} | {:.1} | {:.0} | {} | {} |",
                i.label,
                i.records,
                i.elapsed.as_secs_f64(),
                i.records as f64 / i.elapsed.as_secs_f64().max(1e-9),
                i.peak_kb
                    .map_or("–".to_owned(), |kb| format!("{:.0} MB", mb(kb))),
                i.said.replace('\n', " ")
            );
        }
        out.push_str("\nSeconds are the wall time of the whole `kizuna import` command.\n\n");
    }
    if !d.starts.is_empty() {
        out.push_str("### Start to ready (`/readyz` answers 200)\n\n| | time |\n| --- | ---: |\n");
        for (what, time) in &d.starts {
            let _ = writeln!(out, "| {what} | {:.2} s |", time.as_secs_f64());
        }
        out.push('\n');
    }
    if let Some((rss, hwm)) = d.memory {
        let _ = writeln!(
            out,
            "Memory of `kizuna serve` after the runs: {:.0} MB resident (VmRSS), {:.0} MB peak (VmHWM).\n",
            mb(rss),
            mb(hwm)
        );
    }
    requests::table(out, d, options);
}
