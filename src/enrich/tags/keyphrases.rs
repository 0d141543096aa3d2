//! Key phrases of the article body, in the manner of RAKE/YAKE: candidates
//! are runs of up to three content words between stopwords and punctuation;
//! a candidate scores by how often it and its words occur and how early it
//! first appears. Names (always capitalised) are left to the entities, and
//! only body lines are read, so page chrome never becomes a key phrase.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::lexicon;
use super::{SpanWords, Tag, TagKind};
use crate::enrich::Span;
use crate::enrich::text::{is_alpha, push_lowercase};

/// Key phrases reported at most.
const MAX_PHRASES: usize = 10;
/// The most words in a phrase.
const MAX_WORDS: usize = 3;
/// A content word has at least this many chars.
const MIN_WORD_CHARS: usize = 3;
/// Phrases scoring below this share of the best one are dropped.
const MIN_RELATIVE_SCORE: f32 = 0.15;

#[derive(Debug)]
struct Candidate {
    /// The lowercase phrase.
    key: String,
    /// Its first occurrence.
    first: Span,
    /// Index of the sentence of its first occurrence.
    first_sentence: usize,
    count: u32,
    /// Occurrences written in lower case (a name is never).
    lower_count: u32,
}

/// Whether `word` (lowercased: `lower`) is a content word.
fn is_content(word: &str, lower: &str, stop: &HashSet<&'static str>) -> bool {
    word.chars().nth(MIN_WORD_CHARS - 1).is_some()
        && word.chars().any(is_alpha)
        && !word.bytes().any(|b| b.is_ascii_digit())
        && !stop.contains(lower)
}

/// A content word of a run: its offset in the line, the word, where its
/// lowercase is in the line's lowercase buffer, and whether it is written
/// in lower case.
#[derive(Clone, Copy)]
struct RunWord<'a> {
    at: usize,
    word: &'a str,
    lower: (usize, usize),
    is_lower: bool,
}

/// The key phrases of `lines` (body line spans, whose words are `words`),
/// best first; `exclude` holds lowercase names already reported as entities
/// or explicit tags.
pub(crate) fn extract(
    text: &str,
    lines: &[Span],
    words: &SpanWords<'_>,
    lang: &str,
    exclude: &HashSet<String>,
) -> Vec<Tag> {
    if !lexicon::has_stopwords(lang) {
        return Vec::new();
    }
    let stop = lexicon::stopwords(lang);
    let mut word_freq: HashMap<String, u32> = HashMap::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut sentence = 0usize;
    let mut key = String::new();
    // The lowercase of the line's words, one after the other.
    let mut lows = String::new();
    let mut run: Vec<RunWord<'_>> = Vec::new();
    for (line_index, &span) in lines.iter().enumerate() {
        let line = span.text(text);
        lows.clear();
        let mut prev_end = 0usize;
        let mut flush = |run: &mut Vec<RunWord<'_>>, lows: &str, sentence: usize| {
            // Every sub-run of 1..=MAX_WORDS words is a candidate.
            for i in 0..run.len() {
                // The key of words i..i+n extends that of i..i+n-1: one
                // buffer, no String per sub-run unless it is new.
                key.clear();
                let mut lower = false;
                for n in 1..=MAX_WORDS.min(run.len() - i) {
                    let (first, last) = (run[i], run[i + n - 1]);
                    if n > 1 {
                        key.push(' ');
                    }
                    key.push_str(&lows[last.lower.0..last.lower.1]);
                    lower |= last.is_lower;
                    let idx = match by_key.get(key.as_str()) {
                        Some(&idx) => idx,
                        None => {
                            // The key is filled in from `by_key` at the end.
                            candidates.push(Candidate {
                                key: String::new(),
                                first: Span::new(
                                    span.start + first.at,
                                    span.start + last.at + last.word.len(),
                                ),
                                first_sentence: sentence,
                                count: 0,
                                lower_count: 0,
                            });
                            by_key.insert(key.clone(), candidates.len() - 1);
                            candidates.len() - 1
                        }
                    };
                    candidates[idx].count += 1;
                    candidates[idx].lower_count += u32::from(lower);
                }
            }
            run.clear();
        };
        for &(at, w) in words.get(line_index) {
            let gap = &line[prev_end..at];
            let breaks = gap.chars().any(|c| !c.is_whitespace());
            if gap.contains(['.', '!', '?', ';', ':']) {
                flush(&mut run, &lows, sentence);
                sentence += 1;
            } else if breaks {
                flush(&mut run, &lows, sentence);
            }
            prev_end = at + w.len();
            let from = lows.len();
            push_lowercase(&mut lows, w);
            let lower = &lows[from..];
            if is_content(w, lower, stop) {
                match word_freq.get_mut(lower) {
                    Some(freq) => *freq += 1,
                    None => {
                        word_freq.insert(lower.to_owned(), 1);
                    }
                }
                run.push(RunWord {
                    at,
                    word: w,
                    lower: (from, lows.len()),
                    is_lower: w.chars().next().is_some_and(char::is_lowercase),
                });
            } else {
                flush(&mut run, &lows, sentence);
            }
        }
        flush(&mut run, &lows, sentence);
        sentence += 1;
    }
    for (k, idx) in by_key {
        candidates[idx].key = k;
    }
    let sentences = sentence.max(1) as f32;
    let mut scored: Vec<(f32, &Candidate)> = candidates
        .iter()
        .filter(|c| c.lower_count > 0)
        .filter_map(|c| {
            // A phrase must recur, or be a multiword phrase of recurring
            // words: most candidates are single words met once, dropped
            // before any lookup.
            let n = c.key.split(' ').count();
            if c.count < 2 && n == 1 {
                return None;
            }
            let (mut words_score, mut rare) = (0.0f32, false);
            for part in c.key.split(' ') {
                let f = word_freq.get(part).copied().unwrap_or(1) as f32;
                rare |= f < 2.0;
                words_score += (1.0 + f).ln();
            }
            if (c.count < 2 && rare) || exclude.contains(&c.key) {
                return None;
            }
            let words_score = words_score / n as f32;
            let position = 1.0 + 1.0 / (1.0 + 3.0 * c.first_sentence as f32 / sentences);
            let length = 1.0 + 0.35 * (n as f32 - 1.0);
            Some((c.count as f32 * words_score * position * length, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.first.cmp(&b.1.first)));
    let best = scored.first().map_or(0.0, |s| s.0);
    let mut chosen: Vec<(f32, &Candidate)> = Vec::new();
    for (score, c) in scored {
        if chosen.len() >= MAX_PHRASES || score < best * MIN_RELATIVE_SCORE {
            break;
        }
        let inside =
            |outer: &str, inner: &str| format!(" {outer} ").contains(&format!(" {inner} "));
        // A phrase inside one already chosen adds nothing.
        if chosen.iter().any(|(_, o)| inside(&o.key, &c.key)) {
            continue;
        }
        // A recurring phrase around chosen words replaces them
        // ("grain barges" over "grain").
        if c.count >= 2 {
            chosen.retain(|(_, o)| !inside(&c.key, &o.key));
        } else if chosen.iter().any(|(_, o)| inside(&c.key, &o.key)) {
            continue;
        }
        chosen.push((score, c));
    }
    chosen.sort_by(|a, b| b.0.total_cmp(&a.0));
    chosen
        .into_iter()
        .map(|(score, c)| Tag {
            name: c.key.clone(),
            kind: TagKind::KeyPhrase,
            salience: if best > 0.0 { score / best } else { 0.0 },
            mention_count: c.count,
            first_mention: Some(c.first),
            country_code: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        let lines: Vec<Span> = vec![Span::new(0, text.len())];
        let words = SpanWords::of_text(text, lines.iter().copied());
        extract(text, &lines, &words, "en", &HashSet::default())
            .into_iter()
            .map(|t| t.name)
            .collect()
    }

    #[test]
    fn recurring_phrases_win() {
        let p = phrases(
            "The grain barges left the port. Grain barges carry wheat. The barges need a deep channel; \
             dredging the channel costs money, and grain exports depend on the channel.",
        );
        assert!(p.contains(&"grain barges".to_owned()), "{p:?}");
        assert!(p.contains(&"channel".to_owned()), "{p:?}");
        assert!(!p.iter().any(|x| x == "the"), "{p:?}");
    }

    #[test]
    fn names_and_numbers_are_not_key_phrases() {
        let p = phrases("Calafat met Calafat. 10:42 GMT 10:42 GMT. Calafat left.");
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn languages_without_stopwords_get_none() {
        let text = "測試 測試";
        let lines = [Span::new(0, text.len())];
        let words = SpanWords::of_text(text, lines);
        assert!(extract(text, &lines, &words, "zh", &HashSet::default()).is_empty());
    }
}
