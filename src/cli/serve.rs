//! `copydesk serve`: run the gRPC server until SIGTERM or SIGINT.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use copydesk::grpc::{self, Limits, ServerConfig, ServiceConfig};

/// Options of `copydesk serve`.
#[derive(Debug, Parser)]
pub(crate) struct Args {
    /// Address to listen on.
    #[arg(long, env = "COPYDESK_LISTEN", default_value = "127.0.0.1:50051")]
    listen: SocketAddr,
    /// Largest article text accepted, in bytes.
    #[arg(long, env = "COPYDESK_MAX_TEXT_BYTES", default_value_t = Limits::default().max_text_bytes)]
    max_text_bytes: usize,
    /// Most requests in one BatchEnrichArticles call.
    #[arg(long, env = "COPYDESK_MAX_BATCH_SIZE", default_value_t = Limits::default().max_batch_size)]
    max_batch_size: usize,
    /// Articles enriched at once (default: the number of cores).
    #[arg(long, env = "COPYDESK_WORKERS")]
    workers: Option<usize>,
    /// Requests that may wait for a worker before the server sheds load
    /// (default: 16 per worker).
    #[arg(long, env = "COPYDESK_QUEUE")]
    queue: Option<usize>,
    /// Articles of one stream in flight at once (default: 2 per worker).
    #[arg(long, env = "COPYDESK_STREAM_IN_FLIGHT")]
    stream_in_flight: Option<usize>,
    /// Seconds in-flight requests may run after SIGTERM/SIGINT.
    #[arg(long, env = "COPYDESK_DRAIN_TIMEOUT_SECS", default_value_t = 10)]
    drain_timeout_secs: u64,
    /// Require `authorization: Bearer <TOKEN>` on enrichment calls (health and
    /// reflection stay open).
    #[arg(long, env = "COPYDESK_AUTH_TOKEN", hide_env_values = true)]
    auth_token: Option<String>,
}

impl Args {
    /// The arguments of a bare `copydesk`: defaults and environment only.
    pub(crate) fn from_env() -> Self {
        Args::parse_from(["copydesk serve"])
    }

    fn config(&self) -> ServerConfig {
        let defaults = ServiceConfig::default();
        let workers = self.workers.unwrap_or(defaults.workers).max(1);
        ServerConfig {
            service: ServiceConfig {
                limits: Limits {
                    max_text_bytes: self.max_text_bytes,
                    max_batch_size: self.max_batch_size.max(1),
                },
                workers,
                queue: self.queue.unwrap_or(workers * 16),
                stream_in_flight: self.stream_in_flight.unwrap_or(workers * 2).max(1),
            },
            // Room for a full batch of maximal texts plus framing.
            max_message_bytes: self
                .max_text_bytes
                .saturating_mul(self.max_batch_size.max(1))
                .saturating_add(1 << 20),
            drain_timeout: Duration::from_secs(self.drain_timeout_secs),
            auth_token: self.auth_token.clone(),
            ..ServerConfig::default()
        }
    }
}

/// Runs the server on a multi-threaded runtime until a shutdown signal.
pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("listening on {}", args.listen))?;
        grpc::serve(listener, args.config(), shutdown_signal())
            .await
            .context("serving")
    })
}

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
