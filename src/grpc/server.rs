//! Server assembly: the enrichment service with its limits, gRPC health,
//! server reflection, and graceful shutdown with a drain timeout.

use std::future::Future;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::transport::Server;

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
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            service: ServiceConfig::default(),
            max_message_bytes: 64 * 1024 * 1024,
            drain_timeout: Duration::from_secs(10),
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
