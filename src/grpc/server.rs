//! Server assembly: the enrichment service with its limits, gRPC health,
//! server reflection, optional TLS/mTLS and bearer token, the admin port, and
//! graceful shutdown with a drain timeout.

use std::future::Future;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::net::TcpListener;
use tonic::service::{Interceptor, interceptor::InterceptedService};
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Certificate, Identity, Server, ServerTlsConfig};
use tonic::{Request, Status};

use super::service::{EnrichmentService, ServiceConfig};
use crate::enrich::Pipeline;
use crate::pb;
use crate::pb::article_enrichment_service_server::ArticleEnrichmentServiceServer;

/// The health service name that stays SERVING for as long as the process
/// runs, draining included: for liveness probes, which must not restart a
/// pod that is draining. Service `""` turns NOT_SERVING on shutdown, for
/// readiness.
pub const LIVENESS_SERVICE: &str = "liveness";

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
    /// TLS (and mTLS when it holds a client CA) on the API port.
    pub tls: Option<TlsConfig>,
}

/// The server's certificate and key, and the CA that client certificates
/// must chain to when mTLS is on; all PEM.
#[derive(Clone)]
pub struct TlsConfig {
    /// The certificate chain, leaf first.
    pub cert_pem: Vec<u8>,
    /// The private key (PKCS#8, PKCS#1 or SEC1).
    pub key_pem: Vec<u8>,
    /// When set, clients must present a certificate signed by this CA.
    pub client_ca_pem: Option<Vec<u8>>,
}

impl std::fmt::Debug for TlsConfig {
    // Never the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsConfig")
            .field("mtls", &self.client_ca_pem.is_some())
            .finish_non_exhaustive()
    }
}

impl TlsConfig {
    /// Reads the PEM files, with an error naming the file that is missing or
    /// holds no PEM block of the right kind.
    pub fn from_files(
        cert: &Path,
        key: &Path,
        client_ca: Option<&Path>,
    ) -> Result<Self, ServeError> {
        let read = |path: &Path, what: &str, marker: &str| -> Result<Vec<u8>, ServeError> {
            let pem = std::fs::read(path).map_err(|e| {
                ServeError::Tls(format!("reading the {what} {}: {e}", path.display()))
            })?;
            let text = String::from_utf8_lossy(&pem);
            if !(text.contains("-----BEGIN ") && text.contains(marker)) {
                return Err(ServeError::Tls(format!(
                    "{} holds no PEM {what} (expected a \"-----BEGIN ...{marker}\" block)",
                    path.display()
                )));
            }
            Ok(pem)
        };
        Ok(TlsConfig {
            cert_pem: read(cert, "certificate", "CERTIFICATE-----")?,
            key_pem: read(key, "private key", "PRIVATE KEY-----")?,
            client_ca_pem: client_ca
                .map(|ca| read(ca, "client CA certificate", "CERTIFICATE-----"))
                .transpose()?,
        })
    }

    fn server_config(&self) -> ServerTlsConfig {
        let config =
            ServerTlsConfig::new().identity(Identity::from_pem(&self.cert_pem, &self.key_pem));
        match &self.client_ca_pem {
            Some(ca) => config.client_ca_root(Certificate::from_pem(ca)),
            None => config,
        }
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            service: ServiceConfig::default(),
            max_message_bytes: 64 * 1024 * 1024,
            drain_timeout: Duration::from_secs(10),
            auth_token: None,
            max_concurrent_streams: 256,
            tls: None,
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
    /// The TLS files are missing or unusable.
    #[error("TLS configuration: {0}")]
    Tls(String),
}

/// The error and its causes, as one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

/// Serves on `listener` until `shutdown` completes, then stops accepting,
/// reports NOT_SERVING to health checks, and lets in-flight requests finish
/// for at most the drain timeout. No admin port.
pub async fn serve(
    listener: TcpListener,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    serve_with_admin(listener, None, config, shutdown).await
}

/// [`serve`], plus the admin endpoints ([`super::admin`]) on `admin` when
/// given. The admin port stays up while the API port drains, answering
/// `/readyz` with 503, and stops with it.
pub async fn serve_with_admin(
    listener: TcpListener,
    admin: Option<TcpListener>,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    // First, so that bad TLS material fails before the slow warm-up.
    let mut builder = Server::builder();
    if let Some(tls) = &config.tls {
        builder = builder
            .tls_config(tls.server_config())
            .map_err(|e| ServeError::Tls(chain(&e)))?;
    }
    let pipeline = tokio::task::spawn_blocking(Pipeline::new)
        .await
        .unwrap_or_else(|_| Pipeline::new());
    let service = EnrichmentService::new(pipeline, &config.service);
    let metrics = service.metrics();
    let draining = Arc::new(AtomicBool::new(false));

    let (health_reporter, health_service) = tonic_health::server::health_reporter();
    health_reporter
        .set_serving::<ArticleEnrichmentServiceServer<EnrichmentService>>()
        .await;
    health_reporter
        .set_service_status(LIVENESS_SERVICE, tonic_health::ServingStatus::Serving)
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
    let enrichment = InterceptedService::new(
        enrichment,
        BearerAuth::new(config.auth_token.clone()).counting(metrics.clone()),
    );

    let (admin_stop, admin_stopped) = tokio::sync::oneshot::channel::<()>();
    let admin_task = admin.map(|listener| {
        let router = super::admin::router(
            super::admin::AdminState {
                metrics: metrics.clone(),
                draining: draining.clone(),
            },
            tonic::service::Routes::new(health_service.clone()),
        );
        tokio::spawn(super::admin::serve(listener, router, async {
            let _ = admin_stopped.await;
        }))
    });

    let (drain_tx, drain_rx) = tokio::sync::oneshot::channel::<()>();
    let reporter = health_reporter.clone();
    let signal = async move {
        shutdown.await;
        tracing::info!("shutdown requested: draining in-flight requests");
        draining.store(true, Ordering::Relaxed);
        metrics.set_draining(true);
        reporter
            .set_not_serving::<ArticleEnrichmentServiceServer<EnrichmentService>>()
            .await;
        reporter
            .set_service_status("", tonic_health::ServingStatus::NotServing)
            .await;
        let _ = drain_tx.send(());
    };

    let local = listener.local_addr().ok();
    // The builder's `tcp_nodelay` only reaches listeners tonic binds itself:
    // set it on ours, or Nagle's algorithm holds each response's last small
    // write until the client's delayed ACK, some 40 ms a call.
    let incoming = TcpIncoming::from(listener)
        .with_nodelay(Some(true))
        .with_keepalive(Some(Duration::from_secs(60)));
    let server = builder
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .accept_http1(false)
        .max_concurrent_streams(Some(config.max_concurrent_streams))
        .http2_max_pending_accept_reset_streams(Some(64))
        .http2_max_header_list_size(Some(16 * 1024))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(enrichment)
        .serve_with_incoming_shutdown(incoming, signal);
    tracing::info!(addr = ?local, "serving copydesk.v1.ArticleEnrichmentService");

    tokio::pin!(server);
    let drain_timeout = config.drain_timeout;
    let stop_admin = async move {
        let _ = admin_stop.send(());
        if let Some(task) = admin_task {
            // Idle keep-alive connections close at once; give a scrape in
            // progress a moment, no more.
            let abort = task.abort_handle();
            match tokio::time::timeout(Duration::from_secs(2), task).await {
                Ok(Ok(Err(e))) => tracing::error!(error = %e, "admin server failed"),
                Ok(_) => {}
                Err(_) => {
                    tracing::warn!("admin server did not stop within 2 s: closing it");
                    abort.abort();
                }
            }
        }
    };
    tokio::select! {
        result = &mut server => {
            stop_admin.await;
            result?
        }
        () = async move {
            if drain_rx.await.is_ok() {
                tokio::time::sleep(drain_timeout).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => {
            tracing::warn!(?drain_timeout, "drain timeout passed: dropping the requests still in flight");
            stop_admin.await;
        }
    }
    tracing::info!("server stopped");
    Ok(())
}

/// Checks `authorization: Bearer <token>` when a token is configured.
#[derive(Debug, Clone)]
struct BearerAuth {
    expected: Option<Vec<u8>>,
    metrics: Option<Arc<super::metrics::Metrics>>,
}

impl BearerAuth {
    fn new(token: Option<String>) -> Self {
        BearerAuth {
            expected: token
                .filter(|t| !t.is_empty())
                .map(|t| format!("Bearer {t}").into_bytes()),
            metrics: None,
        }
    }

    /// Counts refusals in `metrics`: the handlers never see these calls.
    fn counting(mut self, metrics: Arc<super::metrics::Metrics>) -> Self {
        self.metrics = Some(metrics);
        self
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
            if let Some(metrics) = &self.metrics {
                metrics.unauthenticated();
            }
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
