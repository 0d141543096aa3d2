//! The structure task: headline, lede, body, boilerplate snippets, authors and
//! publication date of `Enrichment.structure` (and `dates`) against gold.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::metrics::{Mean, PageMatch, Prf, harmonic, normalize_ws, shingle_match, token_f1};
use super::record::Record;
use super::{Column, Columns, Evaluation, Score, Task};
use crate::pb::{DateRole, Enrichment, Feature, Structure, TextSpan};

/// Structure scores of one dataset. Strings are compared after whitespace
/// normalisation (every whitespace run → one space, trimmed).
#[derive(Debug, Clone, PartialEq)]
pub struct StructureScores {
    /// Share of pages whose headline equals the gold one (`headline_exact`).
    pub headline_exact: Option<Score>,
    /// Share of pages whose lede equals the gold one (`lede_exact`).
    pub lede_exact: Option<Score>,
    /// Mean per-page token F1 of the lede (lowercased `\w+` multisets;
    /// both empty = 1) (`lede_f1`).
    pub lede_f1: Option<Score>,
    /// Article-extraction-benchmark body precision: 4-token shingles of
    /// `body_text` vs gold `body`, averaged over pages with a non-empty
    /// prediction (`body_precision`).
    pub body_precision: Option<Score>,
    /// Body shingle recall averaged over pages with a non-empty gold body; a
    /// page with no prediction scores 0 here (`body_recall`).
    pub body_recall: Option<Score>,
    /// Harmonic mean of `body_precision` and `body_recall`, as the benchmark
    /// computes its F1 (`body_f1`); 0 when nothing was predicted anywhere.
    pub body_f1: Option<Score>,
    /// Share of `must_include` snippets found in headline + "\n" + body_text,
    /// micro-averaged over snippets (`must_include_recall`).
    pub must_include_recall: Option<Score>,
    /// Share of pages whose headline + body_text contains none of their
    /// `must_exclude` snippets (`must_exclude_clean`).
    pub must_exclude_clean: Option<Score>,
    /// Author name precision, micro over names (`authors_precision`).
    pub authors_precision: Option<Score>,
    /// Author name recall, micro over names (`authors_recall`).
    pub authors_recall: Option<Score>,
    /// Author name F1, micro over names: sets of whitespace-normalised,
    /// lowercased names per page (`authors_f1`).
    pub authors_f1: Option<Score>,
    /// Share of pages whose first `DATE_ROLE_PUBLISHED` date starts with the
    /// gold YYYY-MM-DD (`published_accuracy`).
    pub published_accuracy: Option<Score>,
}

impl Columns for StructureScores {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("headline_exact", "headline", self.headline_exact),
            Column::new("lede_exact", "lede", self.lede_exact),
            Column::new("lede_f1", "lede_f1", self.lede_f1),
            Column::new("body_precision", "body_p", self.body_precision),
            Column::new("body_recall", "body_r", self.body_recall),
            Column::new("body_f1", "body_f1", self.body_f1),
            Column::new("must_include_recall", "include", self.must_include_recall),
            Column::new("must_exclude_clean", "clean", self.must_exclude_clean),
            Column::new("authors_precision", "auth_p", self.authors_precision),
            Column::new("authors_recall", "auth_r", self.authors_recall),
            Column::new("authors_f1", "auth_f1", self.authors_f1),
            Column::new("published_accuracy", "published", self.published_accuracy),
        ]
    }
}

/// `gold = {"headline", "lede", "body", "authors", "published", "must_include", "must_exclude"}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Gold {
    #[serde(default)]
    headline: Option<String>,
    #[serde(default)]
    lede: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    authors: Option<Vec<String>>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    must_include: Option<Vec<String>>,
    #[serde(default)]
    must_exclude: Option<Vec<String>>,
}

/// One page's results; `None` where the field is unlabelled.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Outcome {
    headline: Option<bool>,
    lede_exact: Option<bool>,
    lede_f1: Option<f64>,
    body: Option<PageMatch>,
    /// (snippets found, snippets).
    include: Option<(usize, usize)>,
    clean: Option<bool>,
    authors: Option<Prf>,
    published: Option<bool>,
}

/// Running sums of one dataset.
#[derive(Default)]
pub(crate) struct Acc {
    headline: Mean,
    lede_exact: Mean,
    lede_f1: Mean,
    body_precision: Mean,
    body_recall: Mean,
    body_pages: usize,
    include: Mean,
    clean: Mean,
    authors: Prf,
    published: Mean,
}

fn span_text(span: Option<&TextSpan>) -> &str {
    span.map_or("", |s| s.content.as_str())
}

/// Whether two strings are equal after whitespace normalisation.
pub(crate) fn same_text(predicted: &str, gold: &str) -> bool {
    normalize_ws(predicted) == normalize_ws(gold)
}

/// Found and total counts of the (normalised, non-empty) snippets inside the
/// normalised `haystack`.
pub(crate) fn snippets_found(haystack: &str, snippets: &[String]) -> (usize, usize) {
    let haystack = normalize_ws(haystack);
    let snippets: Vec<String> = snippets
        .iter()
        .map(|s| normalize_ws(s))
        .filter(|s| !s.is_empty())
        .collect();
    let found = snippets
        .iter()
        .filter(|s| haystack.contains(s.as_str()))
        .count();
    (found, snippets.len())
}

/// Set comparison of author names (whitespace-normalised, lowercased).
pub(crate) fn author_counts(predicted: &[String], gold: &[String]) -> Prf {
    let set = |names: &[String]| -> BTreeSet<String> {
        names
            .iter()
            .map(|n| normalize_ws(n).to_lowercase())
            .filter(|n| !n.is_empty())
            .collect()
    };
    let (predicted, gold) = (set(predicted), set(gold));
    Prf {
        matched: predicted.intersection(&gold).count(),
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

/// The structure task.
pub(crate) struct Eval;

impl Evaluation for Eval {
    const TASK: Task = Task::Structure;
    // Dates too: the published date is a `DateMention`, not part of `Structure`.
    const FEATURES: &'static [Feature] = &[Feature::Structure, Feature::Dates];
    const LEGEND: &'static str = "strings whitespace-normalised; lede_f1 = mean token F1; \
         body = Zyte benchmark (4-gram shingles of \\w+, P over pages with a prediction, \
         R over pages with gold, F1 of the means); include = micro over snippets; \
         clean = share of pages; authors = micro over names (lowercased); \
         published = first PUBLISHED date starts with gold";
    type Gold = Gold;
    type Outcome = Outcome;
    type Acc = Acc;
    type Scores = StructureScores;

    fn score(record: &Record<Gold>, enrichment: &Enrichment) -> Outcome {
        let gold = &record.gold;
        let unset = Structure::default();
        let structure = enrichment.structure.as_ref().unwrap_or(&unset);
        let headline = span_text(structure.headline.as_ref());
        let lede = span_text(structure.lede.as_ref());
        let extracted = format!("{headline}\n{}", structure.body_text);

        let lede_gold = record.scalar("lede", &gold.lede);
        let published = enrichment
            .dates
            .iter()
            .find(|d| d.role == i32::from(DateRole::Published))
            .map(|d| d.normalized.trim());
        Outcome {
            headline: record
                .scalar("headline", &gold.headline)
                .map(|g| same_text(headline, g.map_or("", String::as_str))),
            lede_exact: lede_gold.map(|g| same_text(lede, g.map_or("", String::as_str))),
            lede_f1: lede_gold.map(|g| token_f1(lede, g.map_or("", String::as_str))),
            body: record
                .scalar("body", &gold.body)
                .map(|g| shingle_match(&structure.body_text, g.map_or("", String::as_str))),
            include: record
                .list("must_include", &gold.must_include)
                .map(|snippets| snippets_found(&extracted, snippets)),
            clean: record
                .list("must_exclude", &gold.must_exclude)
                .map(|snippets| snippets_found(&extracted, snippets).0 == 0),
            authors: record
                .list("authors", &gold.authors)
                .map(|names| author_counts(&structure.authors, names)),
            published: record.scalar("published", &gold.published).map(|g| {
                match (published.filter(|p| !p.is_empty()), g.map(|g| g.trim())) {
                    (Some(p), Some(g)) => !g.is_empty() && p.starts_with(g),
                    (None, None) => true,
                    _ => false,
                }
            }),
        }
    }

    fn add(acc: &mut Acc, o: Outcome) {
        acc.headline.hit_opt(o.headline);
        acc.lede_exact.hit_opt(o.lede_exact);
        acc.lede_f1.add_opt(o.lede_f1);
        if let Some(body) = o.body {
            acc.body_pages += 1;
            acc.body_precision.add_opt(body.precision);
            acc.body_recall.add_opt(body.recall);
        }
        if let Some((found, total)) = o.include {
            acc.include.hits(found, total);
        }
        acc.clean.hit_opt(o.clean);
        if let Some(authors) = o.authors {
            acc.authors.add(authors);
        }
        acc.published.hit_opt(o.published);
    }

    fn finish(acc: Acc) -> StructureScores {
        let body_precision = acc.body_precision.score();
        let body_recall = acc.body_recall.score();
        let body_f1 = if acc.body_pages > 0 {
            harmonic(body_precision, body_recall, acc.body_pages)
        } else {
            None
        };
        StructureScores {
            headline_exact: acc.headline.score(),
            lede_exact: acc.lede_exact.score(),
            lede_f1: acc.lede_f1.score(),
            body_precision,
            body_recall,
            body_f1,
            must_include_recall: acc.include.score(),
            must_exclude_clean: acc.clean.score(),
            authors_precision: acc.authors.precision(),
            authors_recall: acc.authors.recall(),
            authors_f1: acc.authors.f1(),
            published_accuracy: acc.published.score(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pb::DateMention;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn snippets_match_across_whitespace() {
        let page = "Harbour plan approved\nThe  harbour\nplan was approved on Tuesday.";
        let (found, total) = snippets_found(page, &names(&["harbour plan was", "Subscribe", " "]));
        assert_eq!((found, total), (1, 2));
    }

    #[test]
    fn author_names_are_sets() {
        let prf = author_counts(
            &names(&["Ana  Ruiz", "ana ruiz", "Bo Li"]),
            &names(&["Ana Ruiz", "C. Dar"]),
        );
        assert_eq!(
            prf,
            Prf {
                matched: 1,
                predicted: 2,
                gold: 2
            }
        );
        assert_eq!(author_counts(&[], &[]), Prf::default());
    }

    fn record(gold: &str, quality: &str) -> Record<Gold> {
        let json = format!(
            r#"{{"id": "t:1", "dataset": "t", "text": "x", "gold": {gold}, "quality": {quality}}}"#
        );
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("test record: {e}"))
    }

    fn span(content: &str) -> Option<TextSpan> {
        Some(TextSpan {
            content: content.to_owned(),
            ..TextSpan::default()
        })
    }

    #[test]
    fn a_page_is_scored_on_its_labelled_fields_only() {
        let r = record(
            r#"{"headline": "Ferry  service resumes", "lede": null, "body": null, "authors": null,
                "published": "2020-03-04", "must_include": ["service resumes"], "must_exclude": ["Cookie settings"]}"#,
            r#"{"headline": "gold", "published": "silver", "must_include": "gold", "must_exclude": "gold"}"#,
        );
        let enrichment = Enrichment {
            structure: Some(Structure {
                headline: span("Ferry service resumes"),
                body_text: "Boats sail again.\n\nCookie settings".to_owned(),
                ..Structure::default()
            }),
            dates: vec![DateMention {
                role: DateRole::Published.into(),
                normalized: "2020-03-04T09:00:00Z".to_owned(),
                ..DateMention::default()
            }],
            ..Enrichment::default()
        };
        let o = Eval::score(&r, &enrichment);
        assert_eq!(
            o,
            Outcome {
                headline: Some(true),
                include: Some((1, 1)),
                clean: Some(false),
                published: Some(true),
                ..Outcome::default()
            }
        );
    }

    #[test]
    fn an_empty_enrichment_misses_everything_labelled() {
        let r = record(
            r#"{"headline": "Dam opens", "lede": "The dam opened.", "body": "The dam opened. Crowds came.",
                "authors": ["J. Poe"], "published": null, "must_include": [], "must_exclude": []}"#,
            r#"{"headline": "gold", "lede": "gold", "body": "gold", "authors": "gold", "published": "gold",
                "must_include": "gold", "must_exclude": "gold"}"#,
        );
        let o = Eval::score(&r, &Enrichment::default());
        assert_eq!(o.headline, Some(false));
        assert_eq!(o.lede_exact, Some(false));
        assert_eq!(o.lede_f1, Some(0.0));
        assert_eq!(
            o.body,
            Some(PageMatch {
                precision: None,
                recall: Some(0.0)
            })
        );
        assert_eq!(o.include, Some((0, 0)));
        // No snippet to exclude: trivially clean.
        assert_eq!(o.clean, Some(true));
        assert_eq!(
            o.authors,
            Some(Prf {
                matched: 0,
                predicted: 0,
                gold: 1
            })
        );
        // Labelled "no publication date" and none predicted.
        assert_eq!(o.published, Some(true));

        let mut acc = Acc::default();
        Eval::add(&mut acc, o);
        let scores = Eval::finish(acc);
        assert_eq!(scores.body_f1.map(|s| s.value), Some(0.0));
        assert_eq!(scores.body_precision, None);
        assert_eq!(scores.authors_f1.map(|s| s.value), Some(0.0));
        assert_eq!(scores.must_include_recall, None);
    }
}
