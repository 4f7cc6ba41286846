//! What a run measured, shared by the run, the measurements and the report.

use std::time::{Duration, Instant};

use crate::endpoints::Endpoint;
use crate::options::DatasetKind;
use crate::stats::Run;
use crate::synthetic;

/// One timed `kizuna import`.
pub struct Import {
    /// What was imported.
    pub label: String,
    /// Records in the file.
    pub records: usize,
    /// Wall time of the whole command.
    pub elapsed: Duration,
    /// Peak resident memory of the command, in kB.
    pub peak_kb: Option<u64>,
    /// What kizuna itself printed.
    pub said: String,
}

/// One endpoint at one client and at many.
pub struct Row {
    /// The endpoint.
    pub endpoint: Endpoint,
    /// One client, one request at a time.
    pub one: Run,
    /// Many keep-alive connections at once.
    pub many: Run,
}

/// Everything measured on one registry.
#[derive(Default)]
pub struct DatasetResult {
    /// Which registry.
    pub kind: Option<DatasetKind>,
    /// Where the records came from.
    pub source: String,
    /// Generated organisations (synthetic only).
    pub scale: usize,
    /// Seconds and bytes of writing the generated file, and its records.
    pub generated: Option<(Duration, u64, synthetic::Summary)>,
    /// Imports, first one first.
    pub imports: Vec<Import>,
    /// Time to ready, by situation.
    pub starts: Vec<(String, Duration)>,
    /// Public organisations the API counts.
    pub organisation_total: u64,
    /// Distinct search and suggest queries.
    pub queries: (usize, usize),
    /// Endpoints with no records to ask for.
    pub skipped: Vec<String>,
    /// Every endpoint, `/healthz` first.
    pub rows: Vec<Row>,
    /// `/healthz` again at the end, at many connections: how steady the ceiling was.
    pub ceiling_after: Option<Run>,
    /// Size of `/api/v1/countries/jp`.
    pub country_jp_bytes: Option<usize>,
    /// VmRSS and VmHWM of the server after the runs, in kB.
    pub memory: Option<(u64, u64)>,
    /// Why the run stopped early, if it did.
    pub error: Option<String>,
    /// How long this registry took, import included.
    pub elapsed: Duration,
    /// The one-minute load average before and after.
    pub load: (Option<f64>, Option<f64>),
    /// Anything that may have disturbed the figures.
    pub notes: Vec<String>,
}

/// Prints how far the run has got, with the seconds since `started`.
pub fn progress(started: Instant, what: &str) {
    eprintln!("[{:>6.1} s] {what}", started.elapsed().as_secs_f64());
}
