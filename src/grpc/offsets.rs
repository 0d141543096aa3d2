//! Offsets in the unit the caller asked for. The domain speaks UTF-8 bytes;
//! Java and JavaScript callers count UTF-16 code units, Python callers count
//! code points (Google Cloud Natural Language's `EncodingType`, adopted here).

use crate::enrich::Span;
use crate::pb;

/// The unit of offsets in a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units.
    Utf16,
    /// Unicode code points.
    CodePoints,
}

/// How many bytes apart the checkpoints of an [`OffsetMapper`] are: mapping
/// an offset counts at most this many bytes from the nearest checkpoint.
const CHECKPOINT_BYTES: usize = 256;

/// Converts byte offsets of one text to another unit. Built in one pass over
/// the text; each conversion then counts at most 256 bytes,
/// whatever the order of the spans.
#[derive(Debug)]
pub struct OffsetMapper<'a> {
    text: &'a str,
    unit: Unit,
    /// `(byte, units)` at the first char boundary at or after each multiple of
    /// [`CHECKPOINT_BYTES`]; empty when bytes and units coincide.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> OffsetMapper<'a> {
    /// A mapper for offsets into `text` in `unit`.
    pub fn new(text: &'a str, unit: Unit) -> Self {
        let identity = unit == Unit::Utf8 || text.is_ascii();
        let mut checkpoints = Vec::new();
        if !identity {
            checkpoints.reserve(text.len() / CHECKPOINT_BYTES + 1);
            let mut units = 0usize;
            let mut next = 0usize;
            for (i, c) in text.char_indices() {
                if i >= next {
                    checkpoints.push((i, units));
                    next = (i / CHECKPOINT_BYTES + 1) * CHECKPOINT_BYTES;
                }
                units += char_units(c, unit);
            }
        }
        OffsetMapper {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset of byte `byte` (a char boundary of the text) in the unit.
    pub fn map(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let k = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let (from, units) = self.checkpoints[k.saturating_sub(1)];
        units
            + self.text[from..byte]
                .chars()
                .map(|c| char_units(c, self.unit))
                .sum::<usize>()
    }

    /// The span as a [`pb::TextSpan`], with its text.
    pub fn span(&self, span: Span) -> pb::TextSpan {
        pb::TextSpan {
            start_offset: to_i32(self.map(span.start)),
            end_offset: to_i32(self.map(span.end)),
            content: span.text(self.text).to_owned(),
        }
    }
}

fn char_units(c: char, unit: Unit) -> usize {
    match unit {
        Unit::Utf8 => c.len_utf8(),
        Unit::Utf16 => c.len_utf16(),
        Unit::CodePoints => 1,
    }
}

/// Offsets fit: texts are capped far below 2 GiB before they get here.
fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn maps_each_unit() {
        let text = "a€𝄞b";
        let at_b = text.find('b').expect("b is in the text");
        assert_eq!(OffsetMapper::new(text, Unit::Utf8).map(at_b), 8);
        assert_eq!(OffsetMapper::new(text, Unit::Utf16).map(at_b), 4);
        assert_eq!(OffsetMapper::new(text, Unit::CodePoints).map(at_b), 3);
    }

    proptest! {
        #[test]
        fn agrees_with_counting_from_the_start(text in "\\PC{0,700}", picks in proptest::collection::vec(any::<usize>(), 1..20)) {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let u16m = OffsetMapper::new(&text, Unit::Utf16);
            let cpm = OffsetMapper::new(&text, Unit::CodePoints);
            for p in picks {
                let b = boundaries[p % boundaries.len()];
                prop_assert_eq!(u16m.map(b), text[..b].encode_utf16().count());
                prop_assert_eq!(cpm.map(b), text[..b].chars().count());
            }
        }
    }
}
