//! One line of a task file (the eval README's record format), the
//! labelled/unlabelled rules for its gold fields, and the request built from it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::pb::{Article, EnrichArticleRequest, Feature, TextEncoding};

/// `{"id", "dataset", "reference_time"?, "text", "gold": {...}, "quality": {...}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Record<G> {
    /// `<dataset>:<item-id>`, unique within a file.
    pub(crate) id: String,
    /// The dataset the item comes from: one table row each.
    pub(crate) dataset: String,
    /// When the article reached the pipeline, ISO 8601 UTC.
    #[serde(default)]
    pub(crate) reference_time: Option<String>,
    /// The input, sent unchanged.
    pub(crate) text: String,
    /// The task's gold fields.
    pub(crate) gold: G,
    /// The labelled gold fields, with their quality ("gold" / "silver").
    #[serde(default)]
    pub(crate) quality: BTreeMap<String, serde_json::Value>,
}

impl<G> Record<G> {
    /// Whether gold field `name` is labelled: listed in `quality`, whatever its
    /// value. A field absent from `quality` is never scored.
    pub(crate) fn labelled(&self, name: &str) -> bool {
        self.quality.contains_key(name)
    }

    /// A scalar gold field: `None` = unlabelled (skip), `Some(None)` =
    /// labelled "none" (e.g. no dateline), `Some(Some(v))` = labelled value.
    pub(crate) fn scalar<'a, T>(&self, name: &str, value: &'a Option<T>) -> Option<Option<&'a T>> {
        self.labelled(name).then_some(value.as_ref())
    }

    /// A list gold field: `None` = unlabelled (skip); a labelled `null` or `[]`
    /// is a labelled empty list.
    pub(crate) fn list<'a, T>(&self, name: &str, value: &'a Option<Vec<T>>) -> Option<&'a [T]> {
        self.labelled(name)
            .then(|| value.as_deref().unwrap_or_default())
    }

    /// The request for this item: its id and text, its reference time when it
    /// has one, code-point offsets (the gold offsets' unit), and `features`.
    pub(crate) fn request(&self, features: &[Feature]) -> EnrichArticleRequest {
        EnrichArticleRequest {
            article: Some(Article {
                id: self.id.clone(),
                text: self.text.clone(),
                reference_time: self.reference_time.as_deref().and_then(parse_timestamp),
                ..Article::default()
            }),
            text_encoding: TextEncoding::Utf32.into(),
            features: features.iter().map(|&f| f.into()).collect(),
        }
    }
}

/// An RFC 3339 / ISO 8601 timestamp with offset ("1987-02-26T15:01:01Z");
/// `None` when it does not parse.
pub(crate) fn parse_timestamp(text: &str) -> Option<prost_types::Timestamp> {
    let time = chrono::DateTime::parse_from_rfc3339(text.trim()).ok()?;
    Some(prost_types::Timestamp {
        seconds: time.timestamp(),
        nanos: i32::try_from(time.timestamp_subsec_nanos()).ok()?,
    })
}

/// Maps Unicode code-point offsets of one text to byte offsets.
pub(crate) struct CodePoints<'a> {
    text: &'a str,
    /// Byte offset of every code point, plus the text's length.
    starts: Vec<usize>,
}

impl<'a> CodePoints<'a> {
    /// Indexes `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { text, starts }
    }

    /// The text of code points `[start, end)`, `None` when out of bounds.
    pub(crate) fn slice(&self, start: i64, end: i64) -> Option<&'a str> {
        let start = usize::try_from(start).ok()?;
        let end = usize::try_from(end).ok()?;
        if start > end {
            return None;
        }
        let (from, to) = (*self.starts.get(start)?, *self.starts.get(end)?);
        self.text.get(from..to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Gold {
        headline: Option<String>,
        authors: Option<Vec<String>>,
        dateline: Option<String>,
    }

    fn record(json: &str) -> Record<Gold> {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("test record: {e}"))
    }

    #[test]
    fn fields_absent_from_quality_are_unlabelled() {
        let r = record(
            r#"{"id": "x:1", "dataset": "x", "text": "t",
                "gold": {"headline": "Pier reopens", "authors": null, "dateline": null},
                "quality": {"authors": "gold", "dateline": "silver"}}"#,
        );
        // A value without a quality entry is not scored.
        assert_eq!(r.scalar("headline", &r.gold.headline), None);
        // Labelled null = labelled "none".
        assert_eq!(r.scalar("dateline", &r.gold.dateline), Some(None));
        // Labelled null list = labelled empty list.
        assert_eq!(r.list("authors", &r.gold.authors), Some(&[][..]));
    }

    #[test]
    fn labelled_values_are_returned() {
        let r = record(
            r#"{"id": "x:2", "dataset": "x", "text": "t", "reference_time": "2001-05-06T07:08:09Z",
                "gold": {"headline": "Pier reopens", "authors": ["A. Writer"], "dateline": null},
                "quality": {"headline": "gold", "authors": "gold"}}"#,
        );
        assert_eq!(
            r.scalar("headline", &r.gold.headline),
            Some(Some(&"Pier reopens".to_owned()))
        );
        assert_eq!(
            r.list("authors", &r.gold.authors).map(<[String]>::len),
            Some(1)
        );
        assert_eq!(r.scalar("dateline", &r.gold.dateline), None);
    }

    #[test]
    fn request_carries_time_encoding_and_feature() {
        let r = record(
            r#"{"id": "x:3", "dataset": "x", "text": "Body", "reference_time": "1970-01-02T00:00:01Z",
                "gold": {"headline": null, "authors": null, "dateline": null}, "quality": {}}"#,
        );
        let request = r.request(&[Feature::Dates]);
        let article = request.article.unwrap_or_default();
        assert_eq!(article.id, "x:3");
        assert_eq!(article.text, "Body");
        assert_eq!(article.reference_time.map(|t| t.seconds), Some(86_401));
        assert_eq!(request.text_encoding, i32::from(TextEncoding::Utf32));
        assert_eq!(request.features, [i32::from(Feature::Dates)]);

        let no_time = record(
            r#"{"id": "x:4", "dataset": "x", "text": "Body",
                "gold": {"headline": null, "authors": null, "dateline": null}, "quality": {}}"#,
        );
        let article = no_time.request(&[]).article.unwrap_or_default();
        assert_eq!(article.reference_time, None);
        assert_eq!(parse_timestamp("not a time"), None);
    }

    #[test]
    fn code_point_slices() {
        let cp = CodePoints::new("Köln — Bonn");
        assert_eq!(cp.slice(0, 4), Some("Köln"));
        assert_eq!(cp.slice(7, 11), Some("Bonn"));
        assert_eq!(cp.slice(7, 12), None);
        assert_eq!(cp.slice(3, 2), None);
        assert_eq!(cp.slice(-1, 2), None);
    }
}
