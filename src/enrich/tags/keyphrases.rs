//! Key phrases of the article body, in the manner of RAKE/YAKE: candidates
//! are runs of up to three content words between stopwords and punctuation;
//! a candidate scores by how often it and its words occur and how early it
//! first appears. Names (always capitalised) are left to the entities, and
//! only body lines are read, so page chrome never becomes a key phrase.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::lexicon;
use super::{Tag, TagKind};
use crate::enrich::Span;
use crate::enrich::text::push_lowercase;
use crate::enrich::topics::words;

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

fn is_content(word: &str, stop: &HashSet<&'static str>) -> bool {
    let lower = word.to_lowercase();
    word.chars().count() >= MIN_WORD_CHARS
        && word.chars().any(char::is_alphabetic)
        && !word.chars().any(|c| c.is_ascii_digit())
        && !stop.contains(lower.as_str())
}

/// The key phrases of `lines` (body line spans), best first; `exclude` holds
/// lowercase names already reported as entities or explicit tags.
pub(crate) fn extract(
    text: &str,
    lines: &[Span],
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
    let mut word_key = String::new();
    for &span in lines {
        let line = span.text(text);
        let toks = words(line);
        let mut run: Vec<(usize, &str)> = Vec::new();
        let mut prev_end = 0usize;
        let mut flush = |run: &mut Vec<(usize, &str)>, sentence: usize| {
            // Every sub-run of 1..=MAX_WORDS words is a candidate.
            for i in 0..run.len() {
                // The key of words i..i+n extends that of i..i+n-1: one
                // buffer, no String per sub-run unless it is new.
                key.clear();
                for n in 1..=MAX_WORDS.min(run.len() - i) {
                    let part = &run[i..i + n];
                    let (start, _) = part[0];
                    let (last_at, last) = part[n - 1];
                    if n > 1 {
                        key.push(' ');
                    }
                    push_lowercase(&mut key, last);
                    let lower = part
                        .iter()
                        .any(|(_, w)| w.chars().next().is_some_and(char::is_lowercase));
                    let idx = match by_key.get(key.as_str()) {
                        Some(&idx) => idx,
                        None => {
                            candidates.push(Candidate {
                                key: key.clone(),
                                first: Span::new(
                                    span.start + start,
                                    span.start + last_at + last.len(),
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
        for (at, w) in toks {
            let gap = &line[prev_end..at];
            let breaks = gap.chars().any(|c| !c.is_whitespace());
            if gap.contains(['.', '!', '?', ';', ':']) {
                flush(&mut run, sentence);
                sentence += 1;
            } else if breaks {
                flush(&mut run, sentence);
            }
            prev_end = at + w.len();
            if is_content(w, stop) {
                word_key.clear();
                push_lowercase(&mut word_key, w);
                match word_freq.get_mut(word_key.as_str()) {
                    Some(freq) => *freq += 1,
                    None => {
                        word_freq.insert(word_key.clone(), 1);
                    }
                }
                run.push((at, w));
            } else {
                flush(&mut run, sentence);
            }
        }
        flush(&mut run, sentence);
        sentence += 1;
    }
    let sentences = sentence.max(1) as f32;
    let mut scored: Vec<(f32, &Candidate)> = candidates
        .iter()
        .filter(|c| c.lower_count > 0 && !exclude.contains(&c.key))
        .filter_map(|c| {
            let parts: Vec<&str> = c.key.split(' ').collect();
            let n = parts.len();
            // A phrase must recur, or be a multiword phrase of recurring words.
            let word_tf: Vec<f32> = parts
                .iter()
                .map(|p| word_freq.get(*p).copied().unwrap_or(1) as f32)
                .collect();
            if c.count < 2 && (n == 1 || word_tf.iter().any(|&f| f < 2.0)) {
                return None;
            }
            let words_score: f32 = word_tf.iter().map(|f| (1.0 + f).ln()).sum::<f32>() / n as f32;
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
        extract(text, &lines, "en", &HashSet::default())
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
        assert!(extract(text, &[Span::new(0, text.len())], "zh", &HashSet::default()).is_empty());
    }
}
