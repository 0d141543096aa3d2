//! `copydesk serve`: run the gRPC server until SIGTERM or SIGINT.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use copydesk::grpc::{self, Limits, ServerConfig, ServiceConfig, TlsConfig};

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
    /// Address of the admin port: /metrics, /healthz, /readyz and gRPC health,
    /// plaintext; `off` disables it.
    #[arg(long, env = "COPYDESK_ADMIN_LISTEN", default_value = "127.0.0.1:9090")]
    admin_listen: String,
    /// PEM certificate chain: serve the API over TLS (needs --tls-key).
    #[arg(long, env = "COPYDESK_TLS_CERT", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// PEM private key of --tls-cert.
    #[arg(long, env = "COPYDESK_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// PEM CA certificate(s): require client certificates signed by them (mTLS).
    #[arg(long, env = "COPYDESK_TLS_CLIENT_CA", requires = "tls_cert")]
    tls_client_ca: Option<PathBuf>,
}

impl Args {
    /// The arguments of a bare `copydesk`: defaults and environment only.
    pub(crate) fn from_env() -> Self {
        Args::parse_from(["copydesk serve"])
    }

    /// The admin address, `None` when disabled.
    fn admin_addr(&self) -> anyhow::Result<Option<SocketAddr>> {
        match self.admin_listen.trim() {
            "" | "off" | "none" | "disabled" => Ok(None),
            addr => addr.parse().map(Some).with_context(|| {
                format!(
                    "--admin-listen {addr:?}: expected HOST:PORT such as 127.0.0.1:9090, or off"
                )
            }),
        }
    }

    fn tls(&self) -> anyhow::Result<Option<TlsConfig>> {
        let (Some(cert), Some(key)) = (&self.tls_cert, &self.tls_key) else {
            return Ok(None);
        };
        Ok(Some(TlsConfig::from_files(
            cert,
            key,
            self.tls_client_ca.as_deref(),
        )?))
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
    // Bad TLS files or addresses fail here, before anything listens.
    let admin_addr = args.admin_addr()?;
    let tls = args.tls()?;
    let config = ServerConfig {
        tls,
        ..args.config()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("listening on {}", args.listen))?;
        let admin = match admin_addr {
            Some(addr) => Some(
                tokio::net::TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("admin port: listening on {addr}"))?,
            ),
            None => None,
        };
        grpc::serve_with_admin(listener, admin, config, shutdown_signal())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(extra: &[&str]) -> Args {
        let mut argv = vec!["copydesk serve"];
        argv.extend_from_slice(extra);
        Args::try_parse_from(argv).expect("valid arguments")
    }

    #[test]
    fn the_admin_port_can_be_moved_or_turned_off() {
        assert_eq!(
            args(&["--admin-listen", "0.0.0.0:9191"])
                .admin_addr()
                .expect("an address"),
            Some("0.0.0.0:9191".parse().expect("addr"))
        );
        for off in ["off", "none", ""] {
            assert_eq!(
                args(&["--admin-listen", off]).admin_addr().expect("off"),
                None
            );
        }
        let bad = args(&["--admin-listen", "localhost"])
            .admin_addr()
            .expect_err("not HOST:PORT");
        assert!(format!("{bad:#}").contains("--admin-listen"), "{bad:#}");
    }

    #[test]
    fn tls_flags_go_together_and_name_the_missing_file() {
        assert!(Args::try_parse_from(["copydesk serve", "--tls-cert", "c.pem"]).is_err());
        assert!(Args::try_parse_from(["copydesk serve", "--tls-client-ca", "ca.pem"]).is_err());
        assert!(args(&[]).tls().expect("no TLS").is_none());
        let missing = args(&[
            "--tls-cert",
            "/nonexistent/server.pem",
            "--tls-key",
            "/nonexistent/server.key",
        ])
        .tls()
        .expect_err("missing files");
        assert!(
            format!("{missing:#}").contains("/nonexistent/server.pem"),
            "{missing:#}"
        );
    }
}
