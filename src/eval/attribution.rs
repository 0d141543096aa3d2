//! The attribution task: `Enrichment.attributions` against gold source / cue /
//! content spans, matched one to one by content token overlap.

use serde::Deserialize;

use super::metrics::{Bag, Prf, greedy_match, overlaps};
use super::record::{CodePoints, Record};
use super::{Column, Columns, Evaluation, Score, Task};
use crate::pb::{Attribution, Enrichment, Feature};

/// Attribution scores of one dataset. A predicted content matches a gold one
/// when their token F1 (lowercased `\w+` multisets) is at least 0.5; matching
/// is one to one and greedy (best pairs first) within each article.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionScores {
    /// Matched predictions over all predictions, micro (`content_precision`).
    pub content_precision: Option<Score>,
    /// Matched gold attributions over all gold ones, micro (`content_recall`).
    pub content_recall: Option<Score>,
    /// 2·matched / (predicted + gold), micro (`content_f1`).
    pub content_f1: Option<Score>,
    /// Of matched pairs, the share whose sources share a token or are both
    /// absent (`source_overlap`).
    pub source_overlap: Option<Score>,
    /// Of matched pairs, the share whose cues share a token or are both absent
    /// (`cue_overlap`).
    pub cue_overlap: Option<Score>,
}

impl Columns for AttributionScores {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("content_precision", "content_p", self.content_precision),
            Column::new("content_recall", "content_r", self.content_recall),
            Column::new("content_f1", "content_f1", self.content_f1),
            Column::new("source_overlap", "source", self.source_overlap),
            Column::new("cue_overlap", "cue", self.cue_overlap),
        ]
    }
}

/// `gold = {"attributions": [{"source", "cue", "content"}, …]}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Gold {
    #[serde(default)]
    attributions: Option<Vec<GoldAttribution>>,
}

/// One gold attribution.
#[derive(Debug, Deserialize)]
pub(crate) struct GoldAttribution {
    #[serde(default)]
    source: Option<GoldSpan>,
    #[serde(default)]
    cue: Option<GoldSpan>,
    #[serde(default)]
    content: Option<GoldSpan>,
}

/// A gold span: its text, code-point offsets (may be null) and, when
/// discontinuous, its fragments.
#[derive(Debug, Deserialize)]
pub(crate) struct GoldSpan {
    text: String,
    #[serde(default)]
    fragments: Option<Vec<[i64; 2]>>,
}

impl GoldSpan {
    /// The span's words: the fragments' text joined by a space when the span
    /// is discontinuous (leaving out the interrupting "he said"), else `text`.
    fn words(&self, text: &CodePoints<'_>) -> String {
        let Some(fragments) = self.fragments.as_deref().filter(|f| !f.is_empty()) else {
            return self.text.clone();
        };
        let parts: Option<Vec<&str>> = fragments
            .iter()
            .map(|[start, end]| text.slice(*start, *end))
            .collect();
        parts.map_or_else(|| self.text.clone(), |parts| parts.join(" "))
    }
}

/// One article's counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Outcome {
    content: Prf,
    source_overlap: usize,
    cue_overlap: usize,
}

/// Running counts of one dataset.
#[derive(Default)]
pub(crate) struct Acc {
    content: Prf,
    source_overlap: usize,
    cue_overlap: usize,
}

/// The text of a predicted source: its mention, else its name.
fn predicted_source(attribution: &Attribution) -> Option<&str> {
    let source = attribution.source.as_ref()?;
    let mention = source.mention.as_ref().map_or("", |m| m.content.as_str());
    Some(if mention.trim().is_empty() {
        source.name.as_str()
    } else {
        mention
    })
}

/// Matches one article's predicted attributions with its gold ones.
pub(crate) fn match_article(
    text: &str,
    predicted: &[Attribution],
    gold: &[GoldAttribution],
) -> Outcome {
    let gold: Vec<&GoldAttribution> = gold.iter().filter(|g| g.content.is_some()).collect();
    let code_points = CodePoints::new(text);
    let gold_bags: Vec<Bag> = gold
        .iter()
        .map(|g| {
            g.content
                .as_ref()
                .map_or_else(Bag::default, |c| Bag::of(&c.words(&code_points)))
        })
        .collect();
    let predicted_bags: Vec<Bag> = predicted
        .iter()
        .map(|p| Bag::of(p.content.as_ref().map_or("", |c| c.content.as_str())))
        .collect();

    let mut candidates = Vec::new();
    for (i, p) in predicted_bags.iter().enumerate() {
        for (j, g) in gold_bags.iter().enumerate() {
            if p.half_match(g) {
                candidates.push((i, j, p.f1(g)));
            }
        }
    }
    let pairs = greedy_match(candidates);

    let mut outcome = Outcome {
        content: Prf {
            matched: pairs.len(),
            predicted: predicted.len(),
            gold: gold.len(),
        },
        ..Outcome::default()
    };
    for (i, j) in pairs {
        let (Some(p), Some(g)) = (predicted.get(i), gold.get(j)) else {
            continue;
        };
        let gold_source = g.source.as_ref().map(|s| s.words(&code_points));
        if overlaps(predicted_source(p), gold_source.as_deref()) {
            outcome.source_overlap += 1;
        }
        let gold_cue = g.cue.as_ref().map(|s| s.words(&code_points));
        if overlaps(
            p.cue.as_ref().map(|c| c.content.as_str()),
            gold_cue.as_deref(),
        ) {
            outcome.cue_overlap += 1;
        }
    }
    outcome
}

/// The attribution task.
pub(crate) struct Eval;

impl Evaluation for Eval {
    const TASK: Task = Task::Attribution;
    const FEATURES: &'static [Feature] = &[Feature::Attribution];
    const LEGEND: &'static str = "content match = token F1 >= 0.5, one to one, greedy; \
         P/R/F1 micro over attributions; source/cue = share of matched pairs sharing a \
         token (or both absent)";
    type Gold = Gold;
    type Outcome = Option<Outcome>;
    type Acc = Acc;
    type Scores = AttributionScores;

    fn score(record: &Record<Gold>, enrichment: &Enrichment) -> Option<Outcome> {
        let gold = record.list("attributions", &record.gold.attributions)?;
        Some(match_article(&record.text, &enrichment.attributions, gold))
    }

    fn add(acc: &mut Acc, outcome: Option<Outcome>) {
        if let Some(o) = outcome {
            acc.content.add(o.content);
            acc.source_overlap += o.source_overlap;
            acc.cue_overlap += o.cue_overlap;
        }
    }

    fn finish(acc: Acc) -> AttributionScores {
        let matched = acc.content.matched;
        let share = |n: usize| {
            (matched > 0).then(|| Score {
                value: n as f64 / matched as f64,
                n: matched,
            })
        };
        AttributionScores {
            content_precision: acc.content.precision(),
            content_recall: acc.content.recall(),
            content_f1: acc.content.f1(),
            source_overlap: share(acc.source_overlap),
            cue_overlap: share(acc.cue_overlap),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pb::{Source, TextSpan};

    fn span(content: &str) -> Option<TextSpan> {
        Some(TextSpan {
            content: content.to_owned(),
            ..TextSpan::default()
        })
    }

    fn predicted(source: Option<&str>, cue: Option<&str>, content: &str) -> Attribution {
        Attribution {
            source: source.map(|s| Source {
                mention: span(s),
                ..Source::default()
            }),
            cue: cue.and_then(span),
            content: span(content),
            ..Attribution::default()
        }
    }

    fn gold(json: &str) -> Vec<GoldAttribution> {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("test gold: {e}"))
    }

    const TEXT: &str =
        "\"The pool stays shut,\" the mayor said, \"until June.\" Residents said they were upset.";

    fn gold_two() -> Vec<GoldAttribution> {
        gold(
            r#"[{"source": {"text": "the mayor", "start": 23, "end": 32},
                  "cue": {"text": "said", "start": 33, "end": 37},
                  "content": {"text": "\"The pool stays shut,\" the mayor said, \"until June.\"",
                              "start": 0, "end": 52, "fragments": [[0, 22], [39, 52]]}},
                 {"source": {"text": "Residents", "start": 53, "end": 62},
                  "cue": {"text": "said", "start": 63, "end": 67},
                  "content": {"text": "they were upset", "start": null, "end": null}}]"#,
        )
    }

    #[test]
    fn fragments_leave_out_the_interruption() {
        let g = gold_two();
        let cp = CodePoints::new(TEXT);
        let words = g[0].content.as_ref().map(|c| c.words(&cp));
        assert_eq!(
            words.as_deref(),
            Some("\"The pool stays shut,\" \"until June.\"")
        );
        // Null offsets: the text is used.
        let words = g[1].content.as_ref().map(|c| c.words(&cp));
        assert_eq!(words.as_deref(), Some("they were upset"));
    }

    #[test]
    fn matching_is_one_to_one_and_checks_source_and_cue() {
        let p = vec![
            predicted(
                Some("mayor"),
                Some("said"),
                "The pool stays shut until June",
            ),
            // A second, weaker prediction for the same gold quote.
            predicted(Some("mayor"), Some("said"), "The pool stays shut"),
            predicted(Some("they"), Some("said"), "they were upset"),
            predicted(None, None, "an unrelated claim"),
        ];
        let o = match_article(TEXT, &p, &gold_two());
        assert_eq!(
            o,
            Outcome {
                content: Prf {
                    matched: 2,
                    predicted: 4,
                    gold: 2
                },
                source_overlap: 1,
                cue_overlap: 2,
            }
        );
    }

    #[test]
    fn absent_sources_agree_and_nothing_predicted_scores_zero() {
        let g = gold(
            r#"[{"source": null, "cue": null, "content": {"text": "rates will rise", "start": 0, "end": 15}}]"#,
        );
        let o = match_article(
            "rates will rise",
            &[predicted(None, None, "rates will rise soon")],
            &g,
        );
        assert_eq!(o.source_overlap, 1);
        assert_eq!(o.cue_overlap, 1);
        let o = match_article("rates will rise", &[], &g);
        assert_eq!(
            o.content,
            Prf {
                matched: 0,
                predicted: 0,
                gold: 1
            }
        );

        let mut acc = Acc::default();
        Eval::add(&mut acc, Some(o));
        let scores = Eval::finish(acc);
        assert_eq!(scores.content_f1.map(|s| s.value), Some(0.0));
        assert_eq!(scores.content_precision, None);
        assert_eq!(scores.source_overlap, None);
    }

    #[test]
    fn source_falls_back_to_the_name() {
        let mut p = predicted(None, None, "x");
        p.source = Some(Source {
            name: "Ana Ruiz".to_owned(),
            mention: span(" "),
            ..Source::default()
        });
        assert_eq!(predicted_source(&p), Some("Ana Ruiz"));
    }
}
