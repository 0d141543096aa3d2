//! Request decoding, validation and conversion: the bytes are decoded as a
//! `BatchEnrichArticlesRequest` (or, when that fails, a single
//! `EnrichArticleRequest`) exactly as tonic would decode them off the wire,
//! and every request goes through `convert::enrich_request` under small
//! limits. Any answer is fine (an enrichment or INVALID_ARGUMENT); a panic is
//! not, and neither is an error status other than INVALID_ARGUMENT.
#![no_main]

use std::sync::LazyLock;

use copydesk::enrich::{Budget, Pipeline};
use copydesk::grpc::Limits;
use copydesk::grpc::convert::enrich_request;
use copydesk::pb;
use libfuzzer_sys::fuzz_target;
use prost::Message;
use tonic::Code;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

const LIMITS: Limits = Limits {
    max_text_bytes: 64 * 1024,
    max_batch_size: 8,
};

fuzz_target!(|data: &[u8]| {
    let requests = match pb::BatchEnrichArticlesRequest::decode(data) {
        Ok(batch) if !batch.requests.is_empty() => batch.requests,
        _ => match pb::EnrichArticleRequest::decode(data) {
            Ok(one) => vec![one],
            Err(_) => return,
        },
    };
    for req in requests.iter().take(LIMITS.max_batch_size) {
        match enrich_request(&PIPELINE, &LIMITS, req, &Budget::default()) {
            Ok(enrichment) => {
                let text = req.article.as_ref().map_or("", |a| a.text.as_str());
                let utf8 = req.text_encoding == pb::TextEncoding::Utf8 as i32
                    || req.text_encoding == pb::TextEncoding::Unspecified as i32;
                if utf8 && let Some(headline) = enrichment.structure.and_then(|s| s.headline) {
                    let (start, end) = (headline.start_offset, headline.end_offset);
                    let slice = usize::try_from(start)
                        .ok()
                        .zip(usize::try_from(end).ok())
                        .and_then(|(s, e)| text.get(s..e));
                    assert_eq!(slice, Some(headline.content.as_str()), "headline span");
                }
            }
            Err(status) => assert_eq!(status.code(), Code::InvalidArgument, "{status:?}"),
        }
    }
});
