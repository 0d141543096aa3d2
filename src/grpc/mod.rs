//! The transport: the gRPC service, request validation and conversion, offset
//! units, status mapping and server assembly. Thin by design — the work is in
//! [`crate::enrich`].

pub mod convert;
pub mod error;
pub mod offsets;
pub mod pool;
pub mod server;
pub mod service;

pub use convert::{Limits, enrich_request};
pub use server::{ServeError, ServerConfig, serve};
pub use service::{EnrichmentService, ServiceConfig};
