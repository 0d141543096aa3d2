//! The language task: accuracy of `Enrichment.language.language_code`, overall
//! and by item kind (single word, word pair, sentence, article).

use serde::Deserialize;

use super::metrics::Mean;
use super::record::Record;
use super::{Column, Columns, Evaluation, Score, Task};
use crate::pb::{Enrichment, Feature};

/// Language accuracy of one dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageScores {
    /// Accuracy over every item with a labelled language (`accuracy`).
    pub accuracy: Option<Score>,
    /// Accuracy on single words (`single-word.accuracy`).
    pub single_word: Option<Score>,
    /// Accuracy on word pairs (`word-pair.accuracy`).
    pub word_pair: Option<Score>,
    /// Accuracy on sentences (`sentence.accuracy`).
    pub sentence: Option<Score>,
    /// Accuracy on whole flattened pages (`article.accuracy`).
    pub article: Option<Score>,
}

impl Columns for LanguageScores {
    fn columns(&self) -> Vec<Column> {
        vec![
            Column::new("accuracy", "accuracy", self.accuracy),
            Column::new("single-word.accuracy", "single-word", self.single_word),
            Column::new("word-pair.accuracy", "word-pair", self.word_pair),
            Column::new("sentence.accuracy", "sentence", self.sentence),
            Column::new("article.accuracy", "article", self.article),
        ]
    }
}

/// `gold = {"language", "kind"}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Gold {
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    kind: Option<String>,
}

/// One item: its kind (when labelled) and whether the language was right
/// (`None` when the language is unlabelled).
#[derive(Clone)]
pub(crate) struct Outcome {
    kind: Option<String>,
    correct: Option<bool>,
}

/// Running accuracies of one dataset.
#[derive(Default)]
pub(crate) struct Acc {
    overall: Mean,
    single_word: Mean,
    word_pair: Mean,
    sentence: Mean,
    article: Mean,
}

/// Whether a predicted BCP-47 tag names the gold language: its primary subtag,
/// lowercased, equals the gold code; gold `no` (Norwegian, unspecified) also
/// accepts `nb` and `nn`.
pub(crate) fn language_matches(predicted: &str, gold: &str) -> bool {
    let primary = predicted
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let gold = gold.trim().to_ascii_lowercase();
    !primary.is_empty()
        && (primary == gold || (gold == "no" && (primary == "nb" || primary == "nn")))
}

/// The language task.
pub(crate) struct Eval;

impl Evaluation for Eval {
    const TASK: Task = Task::Language;
    const FEATURES: &'static [Feature] = &[Feature::Language];
    const LEGEND: &'static str = "accuracy of the primary subtag of language.language_code \
         (gold `no` accepts nb/nn), overall and by item kind";
    type Gold = Gold;
    type Outcome = Outcome;
    type Acc = Acc;
    type Scores = LanguageScores;

    fn score(record: &Record<Gold>, enrichment: &Enrichment) -> Outcome {
        let predicted = enrichment
            .language
            .as_ref()
            .map_or("", |l| l.language_code.as_str());
        let correct = record
            .scalar("language", &record.gold.language)
            .map(|gold| gold.is_some_and(|gold| language_matches(predicted, gold)));
        let kind = record.scalar("kind", &record.gold.kind).flatten().cloned();
        Outcome { kind, correct }
    }

    fn add(acc: &mut Acc, outcome: Outcome) {
        let Some(correct) = outcome.correct else {
            return;
        };
        acc.overall.hit(correct);
        let by_kind = match outcome.kind.as_deref() {
            Some("single-word") => &mut acc.single_word,
            Some("word-pair") => &mut acc.word_pair,
            Some("sentence") => &mut acc.sentence,
            Some("article") => &mut acc.article,
            _ => return,
        };
        by_kind.hit(correct);
    }

    fn finish(acc: Acc) -> LanguageScores {
        LanguageScores {
            accuracy: acc.overall.score(),
            single_word: acc.single_word.score(),
            word_pair: acc.word_pair.score(),
            sentence: acc.sentence.score(),
            article: acc.article.score(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_subtag_decides() {
        assert!(language_matches("pt-BR", "pt"));
        assert!(language_matches("EN", "en"));
        assert!(language_matches("zh_Hant", "zh"));
        assert!(!language_matches("", "en"));
        assert!(!language_matches("es", "pt"));
    }

    #[test]
    fn norwegian_unspecified_accepts_both_written_forms() {
        assert!(language_matches("nb", "no"));
        assert!(language_matches("nn-NO", "no"));
        assert!(language_matches("no", "no"));
        assert!(!language_matches("nb", "nn"));
        assert!(!language_matches("da", "no"));
    }
}
