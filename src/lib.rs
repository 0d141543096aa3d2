//! copydesk: turns the raw text of a news page, as a crawler flattens it, into
//! structured editorial metadata — language, structure, datelines and dates,
//! source attribution, tags and topics — each with offsets into the input.
//!
//! - [`enrich`]: the domain. Pure, synchronous functions over `&str` with byte
//!   offsets; knows nothing of gRPC.
//! - [`grpc`]: the transport. Request validation and conversion, offset units,
//!   status mapping, and server assembly.
//! - [`eval`]: `copydesk eval`, the accuracy measurement on labelled data.
//! - [`pb`]: the generated API code.

pub mod enrich;
pub mod eval;
pub mod grpc;
pub mod pb;
