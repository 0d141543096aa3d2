//! Helpers shared by the integration tests.

use std::sync::LazyLock;

use copydesk::pb;
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, ReflectMessage, Value};

/// A request to enrich `text` (sent as `encoding`) with every feature on.
pub(crate) fn article_request(
    id: &str,
    text: &str,
    encoding: pb::TextEncoding,
) -> pb::EnrichArticleRequest {
    pb::EnrichArticleRequest {
        article: Some(pb::Article {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }),
        text_encoding: encoding as i32,
        features: Vec::new(),
    }
}

static POOL: LazyLock<DescriptorPool> = LazyLock::new(|| {
    DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET).expect("the API's descriptors decode")
});

/// Every `TextSpan` of the answer as (start, end, content), found by
/// reflection so that spans added to the API later are checked too.
pub(crate) fn spans(enrichment: &pb::Enrichment) -> Vec<(i32, i32, String)> {
    let descriptor = POOL
        .get_message_by_name("copydesk.v1.Enrichment")
        .expect("Enrichment is described");
    let message = DynamicMessage::decode(descriptor, enrichment.encode_to_vec().as_slice())
        .expect("round trip");
    let mut out = Vec::new();
    walk(&message, &mut out);
    out
}

fn walk(message: &DynamicMessage, out: &mut Vec<(i32, i32, String)>) {
    if message.descriptor().full_name() == "copydesk.v1.TextSpan" {
        let int = |name: &str| {
            message
                .get_field_by_name(name)
                .and_then(|v| v.as_i32())
                .unwrap_or(-1)
        };
        let content = message
            .get_field_by_name("content")
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push((int("start_offset"), int("end_offset"), content));
        return;
    }
    for (_, value) in message.fields() {
        visit(value, out);
    }
}

fn visit(value: &Value, out: &mut Vec<(i32, i32, String)>) {
    match value {
        Value::Message(m) => walk(m, out),
        Value::List(items) => items.iter().for_each(|v| visit(v, out)),
        _ => {}
    }
}
