//! The server's Prometheus metrics: requests by method and status, latency
//! by method, requests in flight, load shed, articles enriched, and time per
//! enrichment stage. Served as OpenMetrics text by [`super::admin`].

use std::sync::Arc;
use std::time::{Duration, Instant};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tonic::Code;

/// Labels of the request counter.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    grpc_method: &'static str,
    grpc_code: &'static str,
}

/// Labels of the latency histogram.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MethodLabels {
    grpc_method: &'static str,
}

/// Labels of the stage histogram.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StageLabels {
    stage: &'static str,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

/// Every metric of the server, in one registry.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: HistogramFamily<MethodLabels>,
    in_flight: Gauge,
    shed: Counter,
    unauthenticated: Counter,
    enriched: Counter,
    stages: HistogramFamily<StageLabels>,
    draining: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// A registry with every metric at zero.
    pub fn new() -> Self {
        // 100 µs to ~3.3 s: a 5 KB article takes well under a millisecond,
        // a batch of 64 large ones seconds.
        fn latency_histogram() -> Histogram {
            Histogram::new(exponential_buckets(1e-4, 2.0, 16))
        }
        // 5 µs to ~1.3 s: most stages of a 5 KB article take tens of µs.
        fn stage_histogram() -> Histogram {
            Histogram::new(exponential_buckets(5e-6, 2.5, 14))
        }
        let mut registry = Registry::with_prefix("copydesk");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "grpc_requests",
            "Enrichment requests answered, by method and gRPC status code (one per article of a stream)",
            requests.clone(),
        );
        let latency = HistogramFamily::<MethodLabels>::new_with_constructor(latency_histogram);
        registry.register(
            "grpc_request_duration_seconds",
            "Time from receiving a request to answering it, by method",
            latency.clone(),
        );
        let in_flight = Gauge::default();
        registry.register(
            "grpc_requests_in_flight",
            "Enrichment requests received and not yet answered",
            in_flight.clone(),
        );
        let shed = Counter::default();
        registry.register(
            "grpc_shed",
            "Requests refused with RESOURCE_EXHAUSTED because the workers and their queue were full",
            shed.clone(),
        );
        let unauthenticated = Counter::default();
        registry.register(
            "grpc_unauthenticated",
            "Enrichment calls refused with UNAUTHENTICATED for a missing or wrong bearer token",
            unauthenticated.clone(),
        );
        let enriched = Counter::default();
        registry.register(
            "articles_enriched",
            "Articles enriched successfully, over all methods",
            enriched.clone(),
        );
        let stages = HistogramFamily::<StageLabels>::new_with_constructor(stage_histogram);
        registry.register(
            "enrich_stage_duration_seconds",
            "Time spent in each stage of the enrichment pipeline",
            stages.clone(),
        );
        let draining = Gauge::default();
        registry.register(
            "draining",
            "1 once a shutdown signal arrived and the server is draining",
            draining.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            in_flight,
            shed,
            unauthenticated,
            enriched,
            stages,
            draining,
        }
    }

    /// Counts a request of `method` as in flight until the guard is finished
    /// or dropped; a guard dropped unfinished (the caller went away and tonic
    /// dropped the handler) is counted as CANCELLED.
    pub fn start(self: &Arc<Self>, method: &'static str) -> RequestGuard {
        self.in_flight.inc();
        RequestGuard {
            metrics: self.clone(),
            method,
            started: Instant::now(),
            finished: false,
        }
    }

    fn observe(&self, method: &'static str, code: Code, latency: Duration) {
        self.requests
            .get_or_create(&RequestLabels {
                grpc_method: method,
                grpc_code: code_name(code),
            })
            .inc();
        self.latency
            .get_or_create(&MethodLabels {
                grpc_method: method,
            })
            .observe(latency.as_secs_f64());
        if code == Code::ResourceExhausted {
            self.shed.inc();
        }
    }

    /// Counts a call refused for its bearer token.
    pub fn unauthenticated(&self) {
        self.unauthenticated.inc();
    }

    /// Counts `n` articles enriched.
    pub fn articles_enriched(&self, n: usize) {
        self.enriched.inc_by(u64::try_from(n).unwrap_or(u64::MAX));
    }

    /// A callback for [`crate::enrich::Budget::with_stage_observer`] that
    /// records each stage's duration.
    pub fn stage_observer(&self) -> impl Fn(&'static str, Duration) + Send + Sync + 'static {
        let stages = self.stages.clone();
        move |stage, took| {
            stages
                .get_or_create(&StageLabels { stage })
                .observe(took.as_secs_f64());
        }
    }

    /// Marks the server as draining (or not).
    pub fn set_draining(&self, draining: bool) {
        self.draining.set(i64::from(draining));
    }

    /// The metrics in the OpenMetrics text format, which Prometheus reads.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut out, &self.registry) {
            tracing::error!(error = %e, "encoding metrics");
        }
        out
    }
}

/// One request in flight; see [`Metrics::start`].
#[derive(Debug)]
pub struct RequestGuard {
    metrics: Arc<Metrics>,
    method: &'static str,
    started: Instant,
    finished: bool,
}

impl RequestGuard {
    /// Records the request as answered with `code`.
    pub fn finish(mut self, code: Code) {
        self.finished = true;
        self.metrics
            .observe(self.method, code, self.started.elapsed());
    }
}

impl Drop for RequestGuard {
    fn drop(&mut self) {
        self.metrics.in_flight.dec();
        if !self.finished {
            self.metrics
                .observe(self.method, Code::Cancelled, self.started.elapsed());
        }
    }
}

/// The canonical upper-case name of a gRPC status code.
fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::{Article, Budget, Features, Pipeline};

    #[test]
    fn requests_shed_and_cancellations_are_counted() {
        let metrics = Arc::new(Metrics::new());
        metrics.start("EnrichArticle").finish(Code::Ok);
        metrics
            .start("EnrichArticle")
            .finish(Code::ResourceExhausted);
        let pending = metrics.start("BatchEnrichArticles");
        assert!(
            metrics
                .encode()
                .contains("copydesk_grpc_requests_in_flight 1\n")
        );
        drop(pending);
        let text = metrics.encode();
        for line in [
            "copydesk_grpc_requests_total{grpc_method=\"EnrichArticle\",grpc_code=\"OK\"} 1\n",
            "copydesk_grpc_requests_total{grpc_method=\"EnrichArticle\",grpc_code=\"RESOURCE_EXHAUSTED\"} 1\n",
            "copydesk_grpc_requests_total{grpc_method=\"BatchEnrichArticles\",grpc_code=\"CANCELLED\"} 1\n",
            "copydesk_grpc_shed_total 1\n",
            "copydesk_grpc_requests_in_flight 0\n",
            "copydesk_grpc_request_duration_seconds_count{grpc_method=\"EnrichArticle\"} 2\n",
        ] {
            assert!(text.contains(line), "missing {line:?} in\n{text}");
        }
    }

    #[test]
    fn every_stage_the_pipeline_runs_is_timed() {
        let metrics = Metrics::new();
        let article = Article {
            text: "Headline of the day\n\nBERLIN (dpa) - The minister said on Monday that the plan would go ahead.",
            language_hint: None,
            reference_time: None,
            source_url: None,
        };
        let budget = Budget::new(None).with_stage_observer(metrics.stage_observer());
        Pipeline::new()
            .enrich(&article, Features::ALL, &budget)
            .expect("no deadline");
        let text = metrics.encode();
        for stage in [
            "document",
            "language",
            "structure",
            "dates",
            "attribution",
            "tags",
            "topics",
        ] {
            let line =
                format!("copydesk_enrich_stage_duration_seconds_count{{stage=\"{stage}\"}} 1\n");
            assert!(text.contains(&line), "missing {line:?} in\n{text}");
        }
    }
}
