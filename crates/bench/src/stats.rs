//! What one timed run of requests yields: latencies of the successful answers,
//! failures (non-2xx statuses and broken connections), requests cut off by the
//! time bound, bytes and wall time.

use std::time::Duration;

/// The outcome of one time-bounded run against one endpoint.
#[derive(Debug, Default, Clone)]
pub struct Run {
    /// Latencies of the 2xx answers, sorted once the run is over.
    pub samples: Vec<Duration>,
    /// Answers that were not 2xx, and requests whose connection broke.
    pub failures: usize,
    /// One failure, to show what went wrong.
    pub failure_example: Option<String>,
    /// Requests still unanswered when the run's hard time limit came.
    pub cut_off: usize,
    /// Body bytes of the 2xx answers.
    pub bytes: u64,
    /// From the first request sent to the last answer.
    pub wall: Duration,
    /// Concurrent connections.
    pub clients: usize,
}

impl Run {
    /// Records a failure, keeping the first one as the example.
    pub fn fail(&mut self, what: String) {
        self.failures += 1;
        self.failure_example.get_or_insert(what);
    }

    /// Adds another connection's share of the same run.
    pub fn merge(&mut self, other: Run) {
        self.samples.extend(other.samples);
        self.failures += other.failures;
        if self.failure_example.is_none() {
            self.failure_example = other.failure_example;
        }
        self.cut_off += other.cut_off;
        self.bytes += other.bytes;
    }

    /// Sorts the samples; call once every share is merged.
    pub fn finish(&mut self, wall: Duration, clients: usize) {
        self.samples.sort_unstable();
        self.wall = wall;
        self.clients = clients;
    }

    /// Requests sent (answered, failed or cut off).
    pub fn requests(&self) -> usize {
        self.samples.len() + self.failures + self.cut_off
    }

    /// The `p`-quantile (0–1) of the successful latencies; `None` without any.
    pub fn percentile(&self, p: f64) -> Option<Duration> {
        percentile(&self.samples, p)
    }

    /// Successful answers per second of wall time.
    pub fn throughput(&self) -> f64 {
        self.samples.len() as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    /// Mean body size of the successful answers, in bytes.
    pub fn mean_bytes(&self) -> f64 {
        self.bytes as f64 / self.samples.len().max(1) as f64
    }

    /// Whether every request got a 2xx answer in time.
    pub fn clean(&self) -> bool {
        self.failures == 0 && self.cut_off == 0 && !self.samples.is_empty()
    }
}

/// The nearest-rank `p`-quantile of sorted samples: the smallest value that at
/// least `p` of the samples do not exceed (p99 of 100 samples is the 99th).
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: impl IntoIterator<Item = u64>) -> Vec<Duration> {
        values.into_iter().map(Duration::from_millis).collect()
    }

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let samples = ms(1..=100);
        assert_eq!(percentile(&samples, 0.5), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&samples, 0.99), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&samples, 1.0), Some(Duration::from_millis(100)));
        assert_eq!(percentile(&samples, 0.0), Some(Duration::from_millis(1)));
        let few = ms([3, 7, 9]);
        assert_eq!(percentile(&few, 0.99), Some(Duration::from_millis(9)));
        assert_eq!(percentile(&few, 0.5), Some(Duration::from_millis(7)));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn runs_merge_count_and_rate() {
        let mut run = Run {
            samples: ms([5, 1]),
            bytes: 100,
            ..Run::default()
        };
        let mut other = Run::default();
        other.fail("500 on /x".into());
        other.samples.push(Duration::from_millis(3));
        other.bytes = 50;
        run.merge(other);
        run.finish(Duration::from_secs(2), 2);
        assert_eq!(run.samples, ms([1, 3, 5]));
        assert_eq!(run.requests(), 4);
        assert_eq!(run.throughput(), 1.5);
        assert_eq!(run.mean_bytes(), 50.0);
        assert_eq!(run.failure_example.as_deref(), Some("500 on /x"));
        assert!(!run.clean());
    }
}
