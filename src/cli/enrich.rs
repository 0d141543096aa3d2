//! `copydesk enrich FILE|-`: enrich one article in-process, no server, and
//! print the `Enrichment` in the proto3 JSON mapping.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, ValueEnum};
use copydesk::enrich::{Budget, Pipeline};
use copydesk::grpc::{Limits, enrich_request};
use copydesk::pb;
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, SerializeOptions};

/// Options of `copydesk enrich`.
#[derive(Debug, Parser)]
pub(crate) struct Args {
    /// The article's text file, or `-` for standard input.
    file: PathBuf,
    /// BCP-47 language hint.
    #[arg(long)]
    language: Option<String>,
    /// Reference time (RFC 3339, e.g. 2019-10-17T10:42:00Z): resolves years
    /// and relative dates.
    #[arg(long)]
    reference_time: Option<String>,
    /// Offset unit of the output.
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    encoding: Encoding,
    /// Article id to echo back.
    #[arg(long, default_value = "")]
    id: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

pub(crate) fn run(args: Args) -> anyhow::Result<()> {
    let text = if args.file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading standard input")?;
        s
    } else {
        std::fs::read_to_string(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?
    };
    let reference_time = args
        .reference_time
        .as_deref()
        .map(|t| {
            chrono::DateTime::parse_from_rfc3339(t)
                .map(|t| prost_types::Timestamp {
                    seconds: t.timestamp(),
                    nanos: i32::try_from(t.timestamp_subsec_nanos()).unwrap_or(0),
                })
                .with_context(|| format!("--reference-time {t:?} is not RFC 3339"))
        })
        .transpose()?;
    let request = pb::EnrichArticleRequest {
        article: Some(pb::Article {
            id: args.id,
            text,
            language_code: args.language.unwrap_or_default(),
            reference_time,
            source_url: String::new(),
        }),
        text_encoding: match args.encoding {
            Encoding::Utf8 => pb::TextEncoding::Utf8,
            Encoding::Utf16 => pb::TextEncoding::Utf16,
            Encoding::Utf32 => pb::TextEncoding::Utf32,
        } as i32,
        features: Vec::new(),
    };
    let limits = Limits {
        max_text_bytes: usize::MAX,
        ..Limits::default()
    };
    let enrichment = enrich_request(&Pipeline::new(), &limits, &request, &Budget::default())
        .map_err(|s| anyhow::anyhow!("{:?}: {}", s.code(), s.message()))?;
    let json = to_json(&enrichment)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}")?;
    Ok(())
}

/// The proto3 JSON mapping of an `Enrichment` (lowerCamelCase names, enum
/// value names), via the API's own descriptors.
fn to_json(enrichment: &pb::Enrichment) -> anyhow::Result<String> {
    let pool =
        DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET).context("decoding the API descriptors")?;
    let descriptor = pool
        .get_message_by_name("copydesk.v1.Enrichment")
        .context("copydesk.v1.Enrichment is missing from the descriptors")?;
    let message = DynamicMessage::decode(descriptor, enrichment.encode_to_vec().as_slice())?;
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    message.serialize_with_options(&mut serializer, &SerializeOptions::new())?;
    Ok(String::from_utf8(out)?)
}
