//! The dateline task: `Enrichment.dateline` (span, place, date, agency) against
//! gold datelines, and false positives on articles without one.

use serde::Deserialize;

use super::metrics::{Mean, normalize_ws};
use super::record::Record;
use super::{Column, Columns, Evaluation, Score, Task};
use crate::pb::{Dateline, Enrichment, Feature};

/// Dateline scores of one dataset. Rates over "positives" count the items
/// whose gold has a dateline.
#[derive(Debug, Clone, PartialEq)]
pub struct DatelineScores {
    /// Share of positives where any dateline was returned (`found`).
    pub found: Option<Score>,
    /// Share of positives whose predicted span has the gold start and end
    /// (code points) (`exact_span`).
    pub exact_span: Option<Score>,
    /// Share of positives whose `place` equals the gold place after trimming
    /// (`place_accuracy`).
    pub place_accuracy: Option<Score>,
    /// Share of positives with a gold month and day whose `date` has both
    /// right (`month_day_accuracy`).
    pub month_day_accuracy: Option<Score>,
    /// Share of positives with a gold year whose `date.year` is right
    /// (`year_accuracy`).
    pub year_accuracy: Option<Score>,
    /// Share of positives where a dateline was returned with the gold agency,
    /// ignoring case; no gold agency requires an empty one (`agency_accuracy`).
    pub agency_accuracy: Option<Score>,
    /// Share of labelled negatives (gold `"dateline": null`) where a dateline
    /// was returned (`false_positive_rate`): lower is better.
    pub false_positive_rate: Option<Score>,
}

impl Columns for DatelineScores {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("found", "found", self.found),
            Column::new("exact_span", "exact_span", self.exact_span),
            Column::new("place_accuracy", "place", self.place_accuracy),
            Column::new("month_day_accuracy", "month_day", self.month_day_accuracy),
            Column::new("year_accuracy", "year", self.year_accuracy),
            Column::new("agency_accuracy", "agency", self.agency_accuracy),
            Column::new("false_positive_rate", "false_pos", self.false_positive_rate),
        ]
    }
}

/// `gold = {"dateline": null | {...}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Gold {
    #[serde(default)]
    dateline: Option<GoldDateline>,
}

/// A gold dateline.
#[derive(Debug, Deserialize)]
pub(crate) struct GoldDateline {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    start: Option<i64>,
    #[serde(default)]
    end: Option<i64>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    month: Option<i32>,
    #[serde(default)]
    day: Option<i32>,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    agency: Option<String>,
}

/// One item's result.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Outcome {
    /// The dateline field is unlabelled.
    Unlabelled,
    /// A labelled negative: whether a dateline was (wrongly) returned.
    Negative { false_positive: bool },
    /// A gold dateline.
    Positive {
        found: bool,
        exact_span: bool,
        place: Option<bool>,
        month_day: Option<bool>,
        year: Option<bool>,
        agency: bool,
    },
}

/// Running rates of one dataset.
#[derive(Default)]
pub(crate) struct Acc {
    found: Mean,
    exact_span: Mean,
    place: Mean,
    month_day: Mean,
    year: Mean,
    agency: Mean,
    false_positive: Mean,
}

/// Whether the service returned a dateline: the field is set to anything but
/// an empty message.
pub(crate) fn returned(dateline: Option<&Dateline>) -> bool {
    dateline.is_some_and(|d| *d != Dateline::default())
}

/// Scores a predicted dateline (possibly unset) against a gold one.
fn score_positive(predicted: Option<&Dateline>, gold: &GoldDateline) -> Outcome {
    let found = returned(predicted);
    let unset = Dateline::default();
    let predicted = predicted.unwrap_or(&unset);
    let span = predicted.span.as_ref();
    let exact_span = found
        && match (gold.start, gold.end, span) {
            (Some(start), Some(end), Some(span)) => {
                i64::from(span.start_offset) == start && i64::from(span.end_offset) == end
            }
            // Offsets missing from the gold: compare the text.
            (_, _, Some(span)) => gold
                .text
                .as_deref()
                .is_some_and(|t| normalize_ws(t) == normalize_ws(&span.content)),
            (_, _, None) => false,
        };
    let date = predicted.date.as_ref();
    let month_day = match (gold.month, gold.day) {
        (Some(month), Some(day)) => Some(date.is_some_and(|d| d.month == month && d.day == day)),
        _ => None,
    };
    let gold_agency = gold.agency.as_deref().map_or("", str::trim);
    Outcome::Positive {
        found,
        exact_span,
        place: gold
            .place
            .as_deref()
            .map(|place| found && predicted.place.trim() == place.trim()),
        month_day,
        year: gold.year.map(|year| date.is_some_and(|d| d.year == year)),
        agency: found && predicted.agency.trim().to_lowercase() == gold_agency.to_lowercase(),
    }
}

/// The dateline task.
pub(crate) struct Eval;

impl Evaluation for Eval {
    const TASK: Task = Task::Dateline;
    const FEATURES: &'static [Feature] = &[Feature::Dates];
    const LEGEND: &'static str = "rates over items with a gold dateline, except false_pos: \
         share of labelled negatives (no dateline) where one was returned";
    type Gold = Gold;
    type Outcome = Outcome;
    type Acc = Acc;
    type Scores = DatelineScores;

    fn score(record: &Record<Gold>, enrichment: &Enrichment) -> Outcome {
        let predicted = enrichment.dateline.as_ref();
        match record.scalar("dateline", &record.gold.dateline) {
            None => Outcome::Unlabelled,
            Some(None) => Outcome::Negative {
                false_positive: returned(predicted),
            },
            Some(Some(gold)) => score_positive(predicted, gold),
        }
    }

    fn add(acc: &mut Acc, outcome: Outcome) {
        match outcome {
            Outcome::Unlabelled => {}
            Outcome::Negative { false_positive } => acc.false_positive.hit(false_positive),
            Outcome::Positive {
                found,
                exact_span,
                place,
                month_day,
                year,
                agency,
            } => {
                acc.found.hit(found);
                acc.exact_span.hit(exact_span);
                acc.place.hit_opt(place);
                acc.month_day.hit_opt(month_day);
                acc.year.hit_opt(year);
                acc.agency.hit(agency);
            }
        }
    }

    fn finish(acc: Acc) -> DatelineScores {
        DatelineScores {
            found: acc.found.score(),
            exact_span: acc.exact_span.score(),
            place_accuracy: acc.place.score(),
            month_day_accuracy: acc.month_day.score(),
            year_accuracy: acc.year.score(),
            agency_accuracy: acc.agency.score(),
            false_positive_rate: acc.false_positive.score(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pb::TextSpan;
    use crate::pb::google::r#type::Date;

    fn record(gold: &str, labelled: bool) -> Record<Gold> {
        let quality = if labelled {
            r#"{"dateline": "gold"}"#
        } else {
            "{}"
        };
        let json = format!(
            r#"{{"id": "t:1", "dataset": "t", "text": "x", "gold": {gold}, "quality": {quality}}}"#
        );
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("test record: {e}"))
    }

    fn predicted(start: i32, end: i32, place: &str, date: Option<(i32, i32, i32)>) -> Enrichment {
        Enrichment {
            dateline: Some(Dateline {
                span: Some(TextSpan {
                    start_offset: start,
                    end_offset: end,
                    content: String::new(),
                }),
                place: place.to_owned(),
                date: date.map(|(year, month, day)| Date { year, month, day }),
                ..Dateline::default()
            }),
            ..Enrichment::default()
        }
    }

    const GOLD: &str = r#"{"dateline": {"text": "LAKEVILLE, Jun 3 -", "start": 12, "end": 30,
        "place": "LAKEVILLE", "month": 6, "day": 3, "year": 1999, "agency": null}}"#;

    #[test]
    fn a_right_dateline_scores_everywhere() {
        let o = Eval::score(
            &record(GOLD, true),
            &predicted(12, 30, " LAKEVILLE", Some((1999, 6, 3))),
        );
        assert_eq!(
            o,
            Outcome::Positive {
                found: true,
                exact_span: true,
                place: Some(true),
                month_day: Some(true),
                year: Some(true),
                agency: true,
            }
        );
    }

    #[test]
    fn partial_datelines_score_partially() {
        let o = Eval::score(
            &record(GOLD, true),
            &predicted(12, 29, "Lakeville", Some((0, 6, 3))),
        );
        assert_eq!(
            o,
            Outcome::Positive {
                found: true,
                exact_span: false,
                place: Some(false),
                month_day: Some(true),
                year: Some(false),
                agency: true,
            }
        );
        let o = Eval::score(&record(GOLD, true), &Enrichment::default());
        assert!(matches!(
            o,
            Outcome::Positive {
                found: false,
                exact_span: false,
                ..
            }
        ));
    }

    #[test]
    fn negatives_count_false_positives_only_when_labelled() {
        let none = r#"{"dateline": null}"#;
        assert_eq!(
            Eval::score(&record(none, true), &predicted(0, 5, "X", None)),
            Outcome::Negative {
                false_positive: true
            }
        );
        assert_eq!(
            Eval::score(&record(none, true), &Enrichment::default()),
            Outcome::Negative {
                false_positive: false
            }
        );
        assert_eq!(
            Eval::score(&record(none, false), &Enrichment::default()),
            Outcome::Unlabelled
        );
        let empty = Enrichment {
            dateline: Some(Dateline::default()),
            ..Enrichment::default()
        };
        assert_eq!(
            Eval::score(&record(none, true), &empty),
            Outcome::Negative {
                false_positive: false
            }
        );
    }
}
