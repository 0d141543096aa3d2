//! The generated protobuf and gRPC code of the copydesk API (`proto/`), walled
//! off here: generated names do not leak past this module and `grpc/`.
//!
//! `copydesk.v1` is re-exported at this module's root; the vendored Google
//! types stay under [`google`].

#[allow(missing_docs, unreachable_pub, clippy::all, clippy::pedantic)]
mod generated {
    pub mod copydesk {
        pub mod v1 {
            tonic::include_proto!("copydesk.v1");
        }
    }
    pub mod google {
        pub mod rpc {
            tonic::include_proto!("google.rpc");
        }
        pub mod r#type {
            tonic::include_proto!("google.r#type");
        }
    }
}

pub use generated::copydesk::v1::*;

/// Vendored Google API types used by the copydesk API.
pub mod google {
    /// `google.rpc`: the error model of per-item batch and stream results.
    pub mod rpc {
        pub use super::super::generated::google::rpc::Status;
    }
    /// `google.type`: calendar dates.
    pub mod r#type {
        pub use super::super::generated::google::r#type::Date;
    }
}

/// The encoded `FileDescriptorSet` of the API, for server reflection and the
/// proto3 JSON mapping.
pub const FILE_DESCRIPTOR_SET: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/copydesk_descriptor.bin"));
