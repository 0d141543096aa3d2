//! Compiles the API in `proto/` with protox (pure Rust: no system protoc) and
//! generates the prost messages and tonic service code from the descriptor set.
//! The same descriptor set is written to `OUT_DIR` for server reflection and
//! for the proto3 JSON output of `copydesk enrich`.

use std::{env, fs, path::PathBuf};

use prost::Message;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // tonic-prost-build does not emit this itself.
    println!("cargo:rerun-if-changed=proto");

    let fds = protox::compile(["copydesk/v1/enrichment_service.proto"], ["proto"])?;
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    fs::write(out_dir.join("copydesk_descriptor.bin"), fds.encode_to_vec())?;

    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(fds)?;
    Ok(())
}
