//! Server assembly: the enrichment service with its limits, gRPC health,
//! server reflection, and graceful shutdown with a drain timeout.

use std::future::Future;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::service::{Interceptor, interceptor::InterceptedService};
use tonic::transport::Server;
use tonic::{Request, Status};

use super::service::{EnrichmentService, ServiceConfig};
use crate::enrich::Pipeline;
use crate::pb;
use crate::pb::article_enrichment_service_server::ArticleEnrichmentServiceServer;

/// Server configuration.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The service's tuning and limits.
    pub service: ServiceConfig,
    /// The largest request message accepted, in bytes.
    pub max_message_bytes: usize,
    /// How long in-flight requests may run after a shutdown signal.
    pub drain_timeout: Duration,
    /// When set, enrichment calls must carry `authorization: Bearer <token>`.
    /// Health and reflection stay open for probes and tooling.
    pub auth_token: Option<String>,
    /// Concurrent HTTP/2 streams per connection.
    pub max_concurrent_streams: u32,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            service: ServiceConfig::default(),
            max_message_bytes: 64 * 1024 * 1024,
            drain_timeout: Duration::from_secs(10),
            auth_token: None,
            max_concurrent_streams: 256,
        }
    }
}

/// Why the server stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The reflection service could not read the API's descriptors.
    #[error("building the reflection service: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// The transport failed.
    #[error("serving: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// Serves on `listener` until `shutdown` completes, then stops accepting,
/// reports NOT_SERVING to health checks, and lets in-flight requests finish
/// for at most the drain timeout.
pub async fn serve(
    listener: TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let pipeline = tokio::task::spawn_blocking(Pipeline::new)
        .await
        .unwrap_or_else(|_| Pipeline::new());
    let service = EnrichmentService::new(pipeline, &config.service);

    let (health_reporter, health_service) = tonic_health::server::health_reporter();
    health_reporter
        .set_serving::<ArticleEnrichmentServiceServer<EnrichmentService>>()
        .await;
    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;

    let enrichment = ArticleEnrichmentServiceServer::new(service)
        .max_decoding_message_size(config.max_message_bytes)
        .max_encoding_message_size(usize::MAX);
    let enrichment =
        InterceptedService::new(enrichment, BearerAuth::new(config.auth_token.clone()));

    let (drain_tx, drain_rx) = tokio::sync::oneshot::channel::<()>();
    let reporter = health_reporter.clone();
    let signal = async move {
        shutdown.await;
        tracing::info!("shutdown requested: draining in-flight requests");
        reporter
            .set_not_serving::<ArticleEnrichmentServiceServer<EnrichmentService>>()
            .await;
        reporter
            .set_service_status("", tonic_health::ServingStatus::NotServing)
            .await;
        let _ = drain_tx.send(());
    };

    let local = listener.local_addr().ok();
    let server = Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .tcp_nodelay(true)
        .accept_http1(false)
        .max_concurrent_streams(Some(config.max_concurrent_streams))
        .http2_max_pending_accept_reset_streams(Some(64))
        .http2_max_header_list_size(Some(16 * 1024))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(enrichment)
        .serve_with_incoming_shutdown(TcpListenerStream::new(listener), signal);
    tracing::info!(addr = ?local, "serving copydesk.v1.ArticleEnrichmentService");

    tokio::pin!(server);
    let drain_timeout = config.drain_timeout;
    tokio::select! {
        result = &mut server => result?,
        () = async move {
            if drain_rx.await.is_ok() {
                tokio::time::sleep(drain_timeout).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => {
            tracing::warn!(?drain_timeout, "drain timeout passed: dropping the requests still in flight");
        }
    }
    tracing::info!("server stopped");
    Ok(())
}

/// Checks `authorization: Bearer <token>` when a token is configured.
#[derive(Debug, Clone)]
struct BearerAuth {
    expected: Option<Vec<u8>>,
}

impl BearerAuth {
    fn new(token: Option<String>) -> Self {
        BearerAuth {
            expected: token
                .filter(|t| !t.is_empty())
                .map(|t| format!("Bearer {t}").into_bytes()),
        }
    }
}

impl Interceptor for BearerAuth {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        let Some(expected) = &self.expected else {
            return Ok(request);
        };
        let given = request
            .metadata()
            .get("authorization")
            .map(|v| v.as_bytes())
            .unwrap_or_default();
        if constant_time_eq(given, expected) {
            Ok(request)
        } else {
            Err(Status::unauthenticated(
                "missing or wrong bearer token: send `authorization: Bearer <token>`",
            ))
        }
    }
}

/// Compares without an early exit, so the time taken does not tell how much
/// of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, &x) in b.iter().enumerate() {
        diff |= usize::from(x ^ a.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_auth_accepts_only_the_configured_token() {
        let mut open = BearerAuth::new(None);
        assert!(open.call(Request::new(())).is_ok());
        let mut auth = BearerAuth::new(Some("s3cret".into()));
        assert_eq!(
            auth.call(Request::new(())).map_err(|s| s.code()).err(),
            Some(tonic::Code::Unauthenticated)
        );
        for (value, ok) in [
            ("Bearer s3cret", true),
            ("Bearer s3cre", false),
            ("Bearer s3cretX", false),
            ("s3cret", false),
        ] {
            let mut request = Request::new(());
            request
                .metadata_mut()
                .insert("authorization", value.parse().expect("ascii"));
            assert_eq!(auth.call(request).is_ok(), ok, "{value}");
        }
    }
}
