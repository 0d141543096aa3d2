//! Property tests of the whole pipeline through the request path: for any
//! Unicode input nothing panics, every span is in bounds and holds exactly the
//! text it points at, and UTF-8, UTF-16 and code-point offsets agree.

use copydesk::enrich::{Budget, Pipeline};
use copydesk::grpc::{Limits, enrich_request};
use copydesk::pb;
use proptest::prelude::*;
use std::sync::LazyLock;

mod common;
use common::spans;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

fn enrich(text: &str, encoding: pb::TextEncoding) -> pb::Enrichment {
    let request = common::article_request("p", text, encoding);
    let limits = Limits {
        max_text_bytes: usize::MAX,
        ..Limits::default()
    };
    match enrich_request(&PIPELINE, &limits, &request, &Budget::default()) {
        Ok(e) => e,
        Err(status) => {
            // Only blank text may be refused.
            assert!(text.trim().is_empty(), "refused {text:?}: {status:?}");
            pb::Enrichment::default()
        }
    }
}

/// The byte offset of `units` units into `text`, if it is a char boundary.
fn to_byte(text: &str, units: i32, encoding: pb::TextEncoding) -> Option<usize> {
    let units = usize::try_from(units).ok()?;
    let mut count = 0usize;
    for (i, c) in text.char_indices() {
        if count == units {
            return Some(i);
        }
        if count > units {
            return None;
        }
        count += match encoding {
            pb::TextEncoding::Utf16 => c.len_utf16(),
            pb::TextEncoding::Utf32 => 1,
            _ => c.len_utf8(),
        };
    }
    (count == units).then_some(text.len())
}

/// Page-like text: lines of words in several scripts, quotes, digits, odd
/// whitespace and line ends, with arbitrary Unicode mixed in.
fn page() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[A-Za-z]{1,12}",
        "[А-Яа-яЁё]{1,10}",
        "[\u{4e00}-\u{4e80}]{1,6}",
        "[\u{0621}-\u{064a}]{1,8}",
        "[0-9]{1,5}",
        Just("—".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("(Reuters)".to_owned()),
        Just("said".to_owned()),
        Just("GMT +317".to_owned()),
        Just("©".to_owned()),
        "\\PC{1,3}",
    ];
    let sep = prop_oneof![
        4 => Just(" ".to_owned()),
        1 => Just("\n".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("\u{a0}".to_owned()),
        1 => Just("\u{2028}".to_owned()),
        1 => Just(", ".to_owned()),
        1 => Just(". ".to_owned()),
    ];
    proptest::collection::vec((word, sep), 0..120)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| w + &s).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_in_bounds_exact_and_agree_across_units(text in page()) {
        let by_unit: Vec<_> = [pb::TextEncoding::Utf8, pb::TextEncoding::Utf16, pb::TextEncoding::Utf32]
            .into_iter()
            .map(|encoding| (encoding, spans(&enrich(&text, encoding))))
            .collect();
        let bytes = &by_unit[0].1;
        for (encoding, spans) in &by_unit {
            prop_assert_eq!(spans.len(), bytes.len());
            for ((start, end, content), (b_start, b_end, _)) in spans.iter().zip(bytes) {
                let s = to_byte(&text, *start, *encoding);
                let e = to_byte(&text, *end, *encoding);
                prop_assert!(s.is_some() && e.is_some(), "{encoding:?} span {start}..{end} not on a boundary");
                let (s, e) = (s.unwrap_or(0), e.unwrap_or(0));
                prop_assert!(s <= e && e <= text.len());
                prop_assert_eq!(&text[s..e], content.as_str());
                prop_assert_eq!((s, e), (usize::try_from(*b_start).unwrap_or(0), usize::try_from(*b_end).unwrap_or(0)));
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}|(.|\n){0,400}") {
        let enrichment = enrich(&text, pb::TextEncoding::Utf16);
        for (start, end, _) in spans(&enrichment) {
            prop_assert!(0 <= start && start <= end);
        }
    }
}
