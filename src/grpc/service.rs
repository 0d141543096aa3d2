//! The `copydesk.v1.ArticleEnrichmentService` implementation: validate,
//! hand the work to the bounded worker pool, convert back. Transport only.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use futures_util::{Stream, StreamExt};
use tonic::metadata::MetadataMap;
use tonic::{Request, Response, Status, Streaming};
use tracing::{Instrument, field};

use super::convert::{self, Limits};
use super::error::{self, InvalidRequest, Reason};
use super::metrics::Metrics;
use super::pool::WorkerPool;
use crate::enrich::{Budget, Pipeline};
use crate::pb;
use crate::pb::article_enrichment_service_server::ArticleEnrichmentService;

/// Tuning of the service.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// Request limits.
    pub limits: Limits,
    /// Articles enriched at once (CPU workers).
    pub workers: usize,
    /// Jobs that may wait for a worker before the server sheds load.
    pub queue: usize,
    /// Articles of one stream in flight at once.
    pub stream_in_flight: usize,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        ServiceConfig {
            limits: Limits::default(),
            workers,
            queue: workers * 16,
            stream_in_flight: workers * 2,
        }
    }
}

/// The service: shared state behind an `Arc`, cheap to clone.
#[derive(Debug, Clone)]
pub struct EnrichmentService {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    pipeline: Pipeline,
    limits: Limits,
    pool: WorkerPool,
    stream_in_flight: usize,
    metrics: Arc<Metrics>,
}

impl EnrichmentService {
    /// A service over `pipeline` with `config`.
    pub fn new(pipeline: Pipeline, config: &ServiceConfig) -> Self {
        EnrichmentService {
            inner: Arc::new(Inner {
                pipeline,
                limits: config.limits,
                pool: WorkerPool::new(config.workers, config.queue),
                stream_in_flight: config.stream_in_flight.max(1),
                metrics: Arc::new(Metrics::new()),
            }),
        }
    }

    /// The service's metrics, for the admin port.
    pub fn metrics(&self) -> Arc<Metrics> {
        self.inner.metrics.clone()
    }

    /// The budget of one job: the deadline, the cancellation flag, and the
    /// stage timings going to the metrics.
    fn budget(&self, deadline: Option<Instant>, cancel: &CancelOnDrop) -> Budget {
        Budget::new(deadline)
            .with_cancellation(cancel.0.clone())
            .with_stage_observer(self.inner.metrics.stage_observer())
    }

    async fn enrich_one(
        &self,
        req: pb::EnrichArticleRequest,
        deadline: Option<Instant>,
        wait: bool,
    ) -> Result<pb::Enrichment, Status> {
        let inner = self.inner.clone();
        // Dropped when tonic drops this future (the caller cancelled or went
        // away): the flag stops the pipeline at its next stage.
        let cancel = CancelOnDrop::default();
        let budget = self.budget(deadline, &cancel);
        let job = move || convert::enrich_request(&inner.pipeline, &inner.limits, &req, &budget);
        let result = if wait {
            self.inner.pool.run_waiting(deadline, job).await
        } else {
            self.inner.pool.run(deadline, job).await
        };
        let enrichment = result??;
        self.inner.metrics.articles_enriched(1);
        Ok(enrichment)
    }
}

type ResultStream =
    Pin<Box<dyn Stream<Item = Result<pb::StreamEnrichArticlesResponse, Status>> + Send>>;

#[tonic::async_trait]
impl ArticleEnrichmentService for EnrichmentService {
    async fn enrich_article(
        &self,
        request: Request<pb::EnrichArticleRequest>,
    ) -> Result<Response<pb::EnrichArticleResponse>, Status> {
        let deadline = deadline(request.metadata());
        let req = request.into_inner();
        let span = rpc_span("EnrichArticle", Some(&req), 1);
        let started = Instant::now();
        let metered = self.inner.metrics.start("EnrichArticle");
        let result = self
            .enrich_one(req, deadline, false)
            .instrument(span.clone())
            .await;
        finish(&span, started, &result);
        metered.finish(code(&result));
        result.map(|e| {
            Response::new(pb::EnrichArticleResponse {
                enrichment: Some(e),
            })
        })
    }

    async fn batch_enrich_articles(
        &self,
        request: Request<pb::BatchEnrichArticlesRequest>,
    ) -> Result<Response<pb::BatchEnrichArticlesResponse>, Status> {
        let deadline = deadline(request.metadata());
        let batch = request.into_inner();
        let span = rpc_span(
            "BatchEnrichArticles",
            batch.requests.first(),
            batch.requests.len(),
        );
        let started = Instant::now();
        let metered = self.inner.metrics.start("BatchEnrichArticles");
        let max = self.inner.limits.max_batch_size;
        let result = if batch.requests.is_empty() || batch.requests.len() > max {
            let mut invalid = InvalidRequest::default();
            invalid.add(
                Reason::BadBatchSize,
                "requests",
                format!(
                    "holds {} requests; send between 1 and {max}",
                    batch.requests.len()
                ),
            );
            Err(Status::from(invalid))
        } else {
            // One job for the whole batch: a batch is admitted or shed whole.
            let inner = self.inner.clone();
            let cancel = CancelOnDrop::default();
            let budget = self.budget(deadline, &cancel);
            self.inner
                .pool
                .run(deadline, move || {
                    batch
                        .requests
                        .iter()
                        .map(|req| {
                            let outcome = convert::enrich_request(
                                &inner.pipeline,
                                &inner.limits,
                                req,
                                &budget,
                            );
                            article_result(req, outcome)
                        })
                        .collect::<Vec<_>>()
                })
                .instrument(span.clone())
                .await
        };
        finish(&span, started, &result);
        metered.finish(code(&result));
        if let Ok(results) = &result {
            self.inner.metrics.articles_enriched(
                results
                    .iter()
                    .filter(|r| matches!(r.result, Some(pb::article_result::Result::Enrichment(_))))
                    .count(),
            );
        }
        result.map(|results| Response::new(pb::BatchEnrichArticlesResponse { results }))
    }

    type StreamEnrichArticlesStream = ResultStream;

    async fn stream_enrich_articles(
        &self,
        request: Request<Streaming<pb::StreamEnrichArticlesRequest>>,
    ) -> Result<Response<Self::StreamEnrichArticlesStream>, Status> {
        let deadline = deadline(request.metadata());
        let inbound = request.into_inner();
        let service = self.clone();
        let in_flight = self.inner.stream_in_flight;
        // `buffered` pulls a new request only while fewer than `in_flight` are
        // being enriched, and yields results in request order: back-pressure
        // reaches the sender through HTTP/2 flow control.
        let outbound = inbound
            .map(move |message| {
                let service = service.clone();
                async move {
                    let message = message?;
                    let req = message.request.unwrap_or_default();
                    let span = rpc_span("StreamEnrichArticles", Some(&req), 1);
                    let started = Instant::now();
                    let metered = service.inner.metrics.start("StreamEnrichArticles");
                    let outcome = service
                        .enrich_one(req.clone(), deadline, true)
                        .instrument(span.clone())
                        .await;
                    finish(&span, started, &outcome);
                    metered.finish(code(&outcome));
                    Ok(pb::StreamEnrichArticlesResponse {
                        result: Some(article_result(&req, outcome)),
                    })
                }
            })
            .buffered(in_flight);
        Ok(Response::new(Box::pin(outbound)))
    }
}

/// Raises its flag when dropped.
#[derive(Debug, Default)]
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

fn article_result(
    req: &pb::EnrichArticleRequest,
    outcome: Result<pb::Enrichment, Status>,
) -> pb::ArticleResult {
    let article_id = req
        .article
        .as_ref()
        .map(|a| a.id.clone())
        .unwrap_or_default();
    let result = match outcome {
        Ok(enrichment) => pb::article_result::Result::Enrichment(enrichment),
        Err(status) => pb::article_result::Result::Error(error::to_rpc_status(&status)),
    };
    pb::ArticleResult {
        article_id,
        result: Some(result),
    }
}

/// One span per request: method, article id, text size, then status and
/// latency. Never the text itself.
fn rpc_span(
    method: &'static str,
    req: Option<&pb::EnrichArticleRequest>,
    items: usize,
) -> tracing::Span {
    let article = req.and_then(|r| r.article.as_ref());
    tracing::info_span!(
        "rpc",
        method,
        article_id = article.map_or("", |a| a.id.as_str()),
        text_bytes = article.map_or(0, |a| a.text.len()),
        items,
        status = field::Empty,
        latency_us = field::Empty,
    )
}

fn code<T>(result: &Result<T, Status>) -> tonic::Code {
    result
        .as_ref()
        .map_or_else(|s| s.code(), |_| tonic::Code::Ok)
}

fn finish<T>(span: &tracing::Span, started: Instant, result: &Result<T, Status>) {
    let latency_us = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
    span.record("status", field::debug(code(result)));
    span.record("latency_us", latency_us);
    span.in_scope(|| match result {
        Ok(_) => tracing::info!("request finished"),
        Err(status) => tracing::info!(message = status.message(), "request failed"),
    });
}

/// The caller's deadline from the `grpc-timeout` header ("100m", "5S"...).
fn deadline(metadata: &MetadataMap) -> Option<Instant> {
    let value = metadata.get("grpc-timeout")?.to_str().ok()?;
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    let n: u64 = digits.parse().ok()?;
    let timeout = match unit {
        "H" => Duration::from_secs(n.checked_mul(3600)?),
        "M" => Duration::from_secs(n.checked_mul(60)?),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    };
    Instant::now().checked_add(timeout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_grpc_timeout() {
        let mut md = MetadataMap::new();
        assert!(deadline(&md).is_none());
        md.insert("grpc-timeout", "250m".parse().expect("ascii"));
        let d = deadline(&md).expect("a deadline");
        let left = d.saturating_duration_since(Instant::now());
        assert!(left <= Duration::from_millis(250) && left > Duration::from_millis(100));
        md.insert("grpc-timeout", "9X".parse().expect("ascii"));
        assert!(deadline(&md).is_none());
    }
}
