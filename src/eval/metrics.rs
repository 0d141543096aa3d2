//! The metric building blocks of `copydesk eval`: whitespace normalisation,
//! `\w+` tokens, token-overlap F1, the article-extraction-benchmark shingle
//! match, greedy one-to-one matching and the running means behind every score.
//! Pure functions over strings and counts, tested on strings written here.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::Score;

/// Unicode `\w+`: the token of every metric (as in the Zyte benchmark).
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("constant regex"));

/// Every whitespace run becomes one space; leading and trailing whitespace go.
/// This is the README's normalisation for every gold string comparison.
pub(crate) fn normalize_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The `\w+` tokens of `text`, as written (the shingle metric is case-sensitive,
/// like the Zyte benchmark's).
pub(crate) fn words(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// A multiset of lowercased `\w+` tokens, for token-overlap F1.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bag {
    counts: HashMap<String, u32>,
    total: u32,
}

impl Bag {
    /// The lowercased `\w+` tokens of `text`.
    pub(crate) fn of(text: &str) -> Self {
        let mut bag = Self::default();
        for word in WORD.find_iter(text) {
            *bag.counts.entry(word.as_str().to_lowercase()).or_insert(0) += 1;
            bag.total += 1;
        }
        bag
    }

    /// Whether the bag holds no token.
    pub(crate) fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Size of the multiset intersection.
    pub(crate) fn overlap(&self, other: &Self) -> u32 {
        let (small, large) = if self.counts.len() <= other.counts.len() {
            (self, other)
        } else {
            (other, self)
        };
        small
            .counts
            .iter()
            .map(|(word, &n)| n.min(large.counts.get(word).copied().unwrap_or(0)))
            .sum()
    }

    /// Whether the two bags share at least one token.
    pub(crate) fn shares_token(&self, other: &Self) -> bool {
        self.counts
            .keys()
            .any(|word| other.counts.contains_key(word))
    }

    /// Token F1 = 2·overlap / (|a| + |b|): 1 when both are empty, 0 when only
    /// one is.
    pub(crate) fn f1(&self, other: &Self) -> f64 {
        let sum = self.total + other.total;
        if sum == 0 {
            return 1.0;
        }
        2.0 * f64::from(self.overlap(other)) / f64::from(sum)
    }

    /// Whether the token F1 with `other` is at least 0.5, decided in integers
    /// (2c/(a+b) ≥ 1/2 ⇔ 4c ≥ a+b) so that a pair at exactly 0.5 always
    /// counts. Two empty bags do not match.
    pub(crate) fn half_match(&self, other: &Self) -> bool {
        let overlap = self.overlap(other);
        overlap > 0 && 4 * u64::from(overlap) >= u64::from(self.total) + u64::from(other.total)
    }
}

/// Token F1 of two strings (lowercased `\w+` multisets; both empty = 1).
pub(crate) fn token_f1(predicted: &str, gold: &str) -> f64 {
    Bag::of(predicted).f1(&Bag::of(gold))
}

/// Whether two optional strings "overlap": they share a lowercased `\w+` token,
/// or neither has any token (both absent).
pub(crate) fn overlaps(predicted: Option<&str>, gold: Option<&str>) -> bool {
    let predicted = Bag::of(predicted.unwrap_or(""));
    let gold = Bag::of(gold.unwrap_or(""));
    (predicted.is_empty() && gold.is_empty()) || predicted.shares_token(&gold)
}

/// The shingles (`n`-grams of `\w+` tokens) of `text` with their counts. As in
/// the Zyte benchmark, a text of 1 to n−1 tokens is one short shingle and a
/// text without tokens has none.
fn shingles(text: &str, n: usize) -> HashMap<Vec<&str>, u32> {
    let tokens = words(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < n {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(n) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// One page's shingle match (article-extraction-benchmark metric, 4-grams).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PageMatch {
    /// Matched shingles over predicted ones; `None` when nothing was
    /// predicted: the page is left out of the precision mean.
    pub(crate) precision: Option<f64>,
    /// Matched shingles over gold ones; `None` when the gold side is empty:
    /// the page is left out of the recall mean.
    pub(crate) recall: Option<f64>,
}

/// Compares a predicted body with the gold one the way the Zyte
/// article-extraction benchmark does: multisets of 4-token shingles, tp/fp/fn
/// by count. An empty prediction against a non-empty gold body scores recall 0
/// and no precision; both empty score neither (the benchmark's rule).
pub(crate) fn shingle_match(predicted: &str, gold: &str) -> PageMatch {
    const N: usize = 4;
    let predicted = shingles(predicted, N);
    let gold = shingles(gold, N);
    let predicted_total: u32 = predicted.values().sum();
    let gold_total: u32 = gold.values().sum();
    let tp: u32 = predicted
        .iter()
        .map(|(shingle, &n)| n.min(gold.get(shingle).copied().unwrap_or(0)))
        .sum();
    let ratio = |total: u32| (total > 0).then(|| f64::from(tp) / f64::from(total));
    PageMatch {
        precision: ratio(predicted_total),
        recall: ratio(gold_total),
    }
}

/// Greedy one-to-one matching: among the candidate pairs `(predicted, gold,
/// similarity)`, the most similar pair is taken first (ties: lower gold index,
/// then lower predicted index), and pairs reusing a taken side are dropped.
/// Returns the matched `(predicted, gold)` pairs.
pub(crate) fn greedy_match(mut candidates: Vec<(usize, usize, f64)>) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
    let mut used_predicted = HashSet::new();
    let mut used_gold = HashSet::new();
    let mut pairs = Vec::new();
    for (predicted, gold, _) in candidates {
        if !used_predicted.contains(&predicted) && !used_gold.contains(&gold) {
            used_predicted.insert(predicted);
            used_gold.insert(gold);
            pairs.push((predicted, gold));
        }
    }
    pairs
}

/// A running mean: of 0/1 outcomes (an accuracy or rate) or of values in [0, 1].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Mean {
    sum: f64,
    n: usize,
}

impl Mean {
    /// Adds one value.
    pub(crate) fn add(&mut self, value: f64) {
        self.sum += value;
        self.n += 1;
    }

    /// Adds a hit (1) or a miss (0).
    pub(crate) fn hit(&mut self, hit: bool) {
        self.add(if hit { 1.0 } else { 0.0 });
    }

    /// Adds `hits` successes out of `n` trials (a micro-averaged rate).
    pub(crate) fn hits(&mut self, hits: usize, n: usize) {
        self.sum += hits as f64;
        self.n += n;
    }

    /// Adds the value when there is one.
    pub(crate) fn add_opt(&mut self, value: Option<f64>) {
        if let Some(value) = value {
            self.add(value);
        }
    }

    /// Adds the outcome when there is one.
    pub(crate) fn hit_opt(&mut self, hit: Option<bool>) {
        if let Some(hit) = hit {
            self.hit(hit);
        }
    }

    /// The mean and its count, `None` when nothing was added.
    pub(crate) fn score(&self) -> Option<Score> {
        (self.n > 0).then(|| Score {
            value: self.sum / self.n as f64,
            n: self.n,
        })
    }
}

/// Micro-averaged precision / recall / F1 counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Prf {
    /// Matched items.
    pub(crate) matched: usize,
    /// Predicted items.
    pub(crate) predicted: usize,
    /// Gold items.
    pub(crate) gold: usize,
}

impl Prf {
    /// Adds another unit's counts.
    pub(crate) fn add(&mut self, other: Self) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    /// matched / predicted, over the predicted items.
    pub(crate) fn precision(&self) -> Option<Score> {
        (self.predicted > 0).then(|| Score {
            value: self.matched as f64 / self.predicted as f64,
            n: self.predicted,
        })
    }

    /// matched / gold, over the gold items.
    pub(crate) fn recall(&self) -> Option<Score> {
        (self.gold > 0).then(|| Score {
            value: self.matched as f64 / self.gold as f64,
            n: self.gold,
        })
    }

    /// 2·matched / (predicted + gold), counted over the gold items; `None`
    /// when there is neither a prediction nor a gold item.
    pub(crate) fn f1(&self) -> Option<Score> {
        let sum = self.predicted + self.gold;
        (sum > 0).then(|| Score {
            value: 2.0 * self.matched as f64 / sum as f64,
            n: self.gold,
        })
    }
}

/// F1 from two scores (harmonic mean); 0 when either is 0 or missing while the
/// other exists.
pub(crate) fn harmonic(precision: Option<Score>, recall: Option<Score>, n: usize) -> Option<Score> {
    let (p, r) = match (precision, recall) {
        (None, None) => return None,
        (p, r) => (p.map_or(0.0, |s| s.value), r.map_or(0.0, |s| s.value)),
    };
    let value = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Some(Score { value, n })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(
            normalize_ws("  Tram fares\n\n rise\t again  "),
            "Tram fares rise again"
        );
        assert_eq!(normalize_ws("Kiosk\u{a0}opens"), "Kiosk opens");
        assert_eq!(normalize_ws(" \n\t "), "");
        assert_eq!(normalize_ws("one"), "one");
    }

    #[test]
    fn words_are_unicode_word_runs() {
        assert_eq!(
            words("Die Fähre — fährt's 2x?"),
            ["Die", "Fähre", "fährt", "s", "2x"]
        );
        assert_eq!(words("Мост закрыт, 12:30"), ["Мост", "закрыт", "12", "30"]);
        assert!(words("— … !").is_empty());
    }

    #[test]
    fn token_f1_counts_repeats_and_ignores_case() {
        assert!(close(
            token_f1("The council voted", "the Council voted"),
            1.0
        ));
        // pred {a, b, b}, gold {b, c}: overlap 1, F1 = 2/5.
        assert!(close(token_f1("a b b", "b c"), 0.4));
        assert!(close(token_f1("", ""), 1.0));
        assert!(close(token_f1("", "ferry"), 0.0));
        assert!(close(token_f1("ferry", ""), 0.0));
        assert!(close(token_f1("...", "!!"), 1.0));
    }

    #[test]
    fn half_match_is_inclusive_at_one_half() {
        // overlap 1, sizes 1 and 3: F1 = 2/4 = 0.5 exactly.
        assert!(Bag::of("mayor").half_match(&Bag::of("the mayor said")));
        // overlap 1, sizes 1 and 4: F1 = 0.4.
        assert!(!Bag::of("mayor").half_match(&Bag::of("the mayor said it")));
        assert!(!Bag::of("").half_match(&Bag::of("")));
    }

    #[test]
    fn overlap_of_sources_and_cues() {
        assert!(overlaps(Some("Mayor Ana Ruiz"), Some("Ruiz")));
        assert!(!overlaps(Some("she"), Some("Ruiz")));
        assert!(overlaps(None, None));
        assert!(overlaps(Some(""), None));
        assert!(!overlaps(None, Some("officials")));
        assert!(!overlaps(Some("officials"), None));
    }

    #[test]
    fn identical_bodies_score_one() {
        let body = "The new bridge opens on Monday after two years of work.";
        let m = shingle_match(body, body);
        assert_eq!(m.precision, Some(1.0));
        assert_eq!(m.recall, Some(1.0));
    }

    #[test]
    fn shingles_count_four_token_windows() {
        // gold: a b c d e -> [abcd, bcde]; pred: a b c d x -> [abcd, bcdx].
        let m = shingle_match("a b c d x", "a b c d e");
        assert_eq!(m.precision, Some(0.5));
        assert_eq!(m.recall, Some(0.5));
        // A boilerplate line added: pred has 5 shingles, 2 of them gold.
        let m = shingle_match("a b c d e. Share this now", "a b c d e");
        assert_eq!(m.recall, Some(1.0));
        assert!(close(m.precision.unwrap_or(0.0), 2.0 / 5.0));
    }

    #[test]
    fn shingles_are_case_sensitive_and_repeat_aware() {
        let m = shingle_match("Snow Falls In May", "snow falls in may");
        assert_eq!(m.precision, Some(0.0));
        // Gold has the window twice, pred once.
        let m = shingle_match("w x y z", "w x y z w x y z");
        assert_eq!(m.precision, Some(1.0));
        assert!(close(m.recall.unwrap_or(0.0), 1.0 / 5.0));
    }

    #[test]
    fn short_texts_are_one_shingle() {
        assert_eq!(shingle_match("two words", "two words").recall, Some(1.0));
        assert_eq!(shingle_match("two words", "two other").recall, Some(0.0));
    }

    #[test]
    fn empty_sides_follow_the_benchmark() {
        let m = shingle_match("", "some gold body text here");
        assert_eq!(
            m,
            PageMatch {
                precision: None,
                recall: Some(0.0)
            }
        );
        let m = shingle_match("a predicted body here", "");
        assert_eq!(
            m,
            PageMatch {
                precision: Some(0.0),
                recall: None
            }
        );
        let m = shingle_match("", "");
        assert_eq!(
            m,
            PageMatch {
                precision: None,
                recall: None
            }
        );
    }

    #[test]
    fn greedy_takes_best_pairs_first() {
        // pred 0 is close to gold 0 (0.9) and gold 1 (0.6); pred 1 only to gold 0 (0.7).
        let pairs = greedy_match(vec![(0, 0, 0.9), (0, 1, 0.6), (1, 0, 0.7)]);
        assert_eq!(pairs, [(0, 0)]);
        let pairs = greedy_match(vec![(0, 1, 0.6), (1, 0, 0.7), (0, 0, 0.5)]);
        assert_eq!(pairs, [(1, 0), (0, 1)]);
        // Ties: lower gold index first, then lower predicted index.
        let pairs = greedy_match(vec![(1, 0, 0.8), (0, 1, 0.8), (0, 0, 0.8)]);
        assert_eq!(pairs, [(0, 0)]);
        let pairs = greedy_match(vec![(1, 1, 0.8), (0, 1, 0.8), (1, 0, 0.8)]);
        assert_eq!(pairs, [(1, 0), (0, 1)]);
        assert!(greedy_match(Vec::new()).is_empty());
    }

    #[test]
    fn means_and_micro_counts() {
        let mut mean = Mean::default();
        assert_eq!(mean.score(), None);
        mean.hit(true);
        mean.hit(false);
        mean.hit_opt(None);
        mean.add_opt(Some(0.5));
        assert_eq!(mean.score(), Some(Score { value: 0.5, n: 3 }));

        let mut prf = Prf::default();
        assert_eq!(prf.f1(), None);
        prf.add(Prf {
            matched: 1,
            predicted: 2,
            gold: 4,
        });
        assert_eq!(prf.precision().map(|s| s.value), Some(0.5));
        assert_eq!(prf.recall().map(|s| s.value), Some(0.25));
        assert!(close(prf.f1().map_or(0.0, |s| s.value), 2.0 / 6.0));
        let nothing_predicted = Prf {
            matched: 0,
            predicted: 0,
            gold: 3,
        };
        assert_eq!(nothing_predicted.precision(), None);
        assert_eq!(nothing_predicted.f1().map(|s| s.value), Some(0.0));
    }

    #[test]
    fn harmonic_mean_of_precision_and_recall() {
        let p = Some(Score { value: 0.5, n: 2 });
        let r = Some(Score { value: 1.0, n: 2 });
        assert!(close(harmonic(p, r, 2).map_or(0.0, |s| s.value), 2.0 / 3.0));
        assert_eq!(harmonic(None, r, 2).map(|s| s.value), Some(0.0));
        assert_eq!(harmonic(None, None, 2), None);
    }
}
