//! The table of every endpoint of one registry, and what may have disturbed it.

use std::fmt::Write;

use super::{ceiling, ms, p99_met, percent, ratio, ratio_met, verdict};
use crate::endpoints::Group;
use crate::options::Options;
use crate::results::DatasetResult;
use crate::stats::Run;

/// A rate with one decimal when it is small.
fn rate(per_second: f64) -> String {
    if per_second < 10.0 {
        format!("{per_second:.1}")
    } else {
        format!("{per_second:.0}")
    }
}

/// Writes the requests table of `d`.
pub(super) fn table(out: &mut String, d: &DatasetResult, options: &Options) {
    let Some(ceiling) = ceiling(d) else {
        return;
    };
    let c = options.clients;
    let _ = writeln!(
        out,
        "### Requests\n\n| endpoint | kind | distinct paths | 1 client: requests | p50 | p99 | p99 ≤ 20 ms | {c} conns: requests | req/s | ÷ /healthz | needs | | mean size | failed (1 / {c}) |\n| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |"
    );
    for row in &d.rows {
        let e = &row.endpoint;
        let is_ceiling = e.group == Group::Ceiling;
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1} KB | {} / {} |",
            e.name,
            e.group.label(),
            e.paths.len(),
            row.one.requests(),
            ms(row.one.percentile(0.5)),
            ms(row.one.percentile(0.99)),
            verdict((!is_ceiling).then(|| p99_met(row))),
            row.many.requests(),
            rate(row.many.throughput()),
            percent(ratio(row, ceiling)),
            if is_ceiling {
                "–".to_owned()
            } else {
                format!("{:.0}%", 100.0 * e.group.min_ratio())
            },
            verdict((!is_ceiling).then(|| ratio_met(row, ceiling))),
            row.one.mean_bytes().max(row.many.mean_bytes()) / 1024.0,
            row.one.failures + row.one.cut_off,
            row.many.failures + row.many.cut_off
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "Search, the search page and the organisation list and page filtered by text (`?q=`) cycle through {} distinct queries, suggest through {} distinct prefixes, all taken from the registry's organisations (names, words, cities, CJK names, acronyms, word + city, misspellings); record endpoints cycle through the ids in the \"distinct paths\" column; the panned map asks for more distinct views than a run sends, so it never repeats one. The search page is held to the search ratio.",
        d.queries.0, d.queries.1
    );
    if let Some(after) = &d.ceiling_after {
        let _ = writeln!(
            out,
            "\n`/healthz` measured again after every endpoint: {:.0} req/s ({:.0}% of the first measurement).",
            after.throughput(),
            100.0 * after.throughput() / ceiling.max(1e-9)
        );
    }
    for note in &d.notes {
        let _ = writeln!(out, "\nNote: {note}.");
    }
    if !d.skipped.is_empty() {
        let _ = writeln!(
            out,
            "\nNot measured, for want of records to ask for: {}.",
            d.skipped.join(", ")
        );
    }
    let failures: Vec<String> = d
        .rows
        .iter()
        .flat_map(|r| {
            [
                (&r.endpoint.name, 1, &r.one),
                (&r.endpoint.name, options.clients, &r.many),
            ]
        })
        .filter(|(_, _, run)| !run.clean())
        .map(|(name, clients, run): (&String, usize, &Run)| {
            format!(
                "- `{name}` at {clients}: {} failed, {} cut off{}",
                run.failures,
                run.cut_off,
                run.failure_example
                    .as_deref()
                    .map(|e| format!(" (e.g. {e})"))
                    .unwrap_or_default()
            )
        })
        .collect();
    if !failures.is_empty() {
        let _ = writeln!(out, "\nFailures:\n\n{}", failures.join("\n"));
    }
}
