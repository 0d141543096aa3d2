//! The transport: the gRPC service, request validation and conversion, offset
//! units, status mapping, metrics, the admin port and server assembly. Thin by design — the work is in
//! [`crate::enrich`].

pub mod admin;
pub mod convert;
pub mod error;
pub mod metrics;
pub mod offsets;
pub mod pool;
pub mod server;
pub mod service;

pub use convert::{Limits, enrich_request};
pub use server::{ServeError, ServerConfig, TlsConfig, serve, serve_with_admin};
pub use service::{EnrichmentService, ServiceConfig};
