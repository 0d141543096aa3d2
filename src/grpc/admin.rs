//! The admin port: `/metrics` (Prometheus), `/healthz` (the process is up),
//! `/readyz` (503 while draining) over HTTP/1.1, and `grpc.health.v1.Health`
//! over cleartext HTTP/2 for Kubernetes' native gRPC probes even when the API
//! port speaks TLS. Nothing here goes through the worker pool or its load
//! shedding, so probes and scrapes are answered under any load.
//!
//! axum rather than bare hyper: tonic already builds it for its router, and
//! it serves HTTP/1.1 and h2c on one port, with tonic's health service as one
//! more route, without hand-written connection handling.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::serve::ListenerExt;
use tokio::net::TcpListener;

use super::metrics::Metrics;

/// What the admin endpoints report on.
#[derive(Debug, Clone)]
pub struct AdminState {
    /// The server's metrics.
    pub metrics: Arc<Metrics>,
    /// Raised when the server starts draining.
    pub draining: Arc<AtomicBool>,
}

/// The admin routes, with `grpc` (tonic's health service) mounted beside
/// them.
pub fn router(state: AdminState, grpc: tonic::service::Routes) -> Router {
    let http = Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .with_state(state);
    grpc.into_axum_router()
        .merge(http)
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found\n") })
}

/// Serves `router` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    tracing::info!(addr = ?listener.local_addr().ok(), "serving admin endpoints (/metrics, /healthz, /readyz, gRPC health)");
    // Without TCP_NODELAY a probe's answer can wait ~40 ms for a delayed ACK.
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY on an admin connection");
        }
    });
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
}

async fn metrics(State(state): State<AdminState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.encode(),
    )
}

async fn readyz(State(state): State<AdminState>) -> impl IntoResponse {
    if state.draining.load(Ordering::Relaxed) {
        (StatusCode::SERVICE_UNAVAILABLE, "draining\n")
    } else {
        (StatusCode::OK, "ready\n")
    }
}
