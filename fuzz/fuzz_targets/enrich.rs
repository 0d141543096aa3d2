//! `Pipeline::enrich` over arbitrary text and feature sets. The first byte
//! picks the features (low five bits) and the offset unit; the rest, read as
//! UTF-8 with invalid sequences replaced, is the article. Every span that comes
//! back must lie in the text on char boundaries: `to_pb` slices the text with
//! each one, so a bad span panics here.
#![no_main]

use std::sync::LazyLock;

use copydesk::enrich::{Article, Budget, Features, Pipeline};
use copydesk::grpc::convert::{Request, to_pb};
use copydesk::grpc::offsets::Unit;
use libfuzzer_sys::fuzz_target;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let features = Features {
        language: selector & 1 != 0,
        structure: selector & 2 != 0,
        dates: selector & 4 != 0,
        attribution: selector & 8 != 0,
        tags: selector & 16 != 0,
    };
    let unit = match selector >> 6 {
        0 | 3 => Unit::Utf8,
        1 => Unit::Utf16,
        _ => Unit::CodePoints,
    };
    let article = Article {
        text: &text,
        language_hint: None,
        reference_time: None,
        source_url: None,
    };
    let Ok(enrichment) = PIPELINE.enrich(&article, features, &Budget::default()) else {
        return;
    };
    let request = Request {
        id: "fuzz",
        article,
        features,
        unit,
    };
    let out = to_pb(&request, &enrichment);
    if let Some(structure) = out.structure {
        for block in structure.blocks {
            if let Some(span) = block.span {
                assert!(span.start_offset <= span.end_offset, "reversed block span");
            }
        }
    }
});
