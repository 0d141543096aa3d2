//! Key phrases of the article body, in the manner of RAKE/YAKE: candidates
//! are runs of up to three content words between stopwords and punctuation;
//! a candidate scores by how often it and its words occur and how early it
//! first appears. Names (always capitalised) are left to the entities, and
//! only body lines are read, so page chrome never becomes a key phrase.

use std::borrow::Cow;

use foldhash::{HashMap, HashMapExt, HashSet};

use super::lexicon;
use super::{SpanWords, Tag, TagKind};
use crate::enrich::Span;
use crate::enrich::text::{is_alpha, is_own_lowercase, push_lowercase};

/// Key phrases reported at most.
const MAX_PHRASES: usize = 10;
/// The most words in a phrase.
const MAX_WORDS: usize = 3;
/// A content word has at least this many chars.
const MIN_WORD_CHARS: usize = 3;
/// Phrases scoring below this share of the best one are dropped.
const MIN_RELATIVE_SCORE: f32 = 0.15;

/// No word: the unused places of a shorter phrase's [`Candidate::words`].
const NO_WORD: u32 = u32::MAX;

#[derive(Debug)]
struct Candidate {
    /// Its words' ids (into the article's vocabulary), then [`NO_WORD`]s.
    words: [u32; MAX_WORDS],
    /// How many words it has.
    n: usize,
    /// Its first occurrence.
    first: Span,
    /// Index of the sentence of its first occurrence.
    first_sentence: usize,
    count: u32,
    /// Occurrences written in lower case (a name is never).
    lower_count: u32,
}

/// Whether `word` has the shape of a content word: long enough, with a
/// letter and no digit. A content word is one of this shape whose lowercase
/// is no stopword; the shape is asked first, so the many short words and
/// numbers are never lowercased.
fn has_content_shape(word: &str) -> bool {
    word.chars().nth(MIN_WORD_CHARS - 1).is_some()
        && word.chars().any(is_alpha)
        && !word.bytes().any(|b| b.is_ascii_digit())
}

/// Whether the words of `inner` occur in `outer` in a row: for phrases
/// whose words hold no space, the same as `" {outer} "` containing
/// `" {inner} "`, but compared by word id, with no string search.
fn inside(outer: &[u32], inner: &[u32]) -> bool {
    !inner.is_empty() && outer.windows(inner.len()).any(|w| w == inner)
}

/// A content word of a run: its offset in the line, the word, the id of its
/// lowercase in the article's vocabulary, and whether it is written in lower
/// case.
#[derive(Clone, Copy)]
struct RunWord<'a> {
    at: usize,
    word: &'a str,
    id: u32,
    is_lower: bool,
}

const _: () = assert!(MAX_WORDS * 32 <= 128);

/// The word ids of a candidate as one map key (32 bits each).
fn packed(key: &[u32; MAX_WORDS]) -> u128 {
    key.iter()
        .rev()
        .fold(0u128, |packed, &id| packed << 32 | u128::from(id))
}

/// The key phrases of `lines` (body line spans, whose words are `words`),
/// best first; `exclude` holds lowercase names already reported as entities
/// or explicit tags. `lowercase`, when given, is `text` lowercased in step
/// with it ([`Document::lowercase`](crate::enrich::Document::lowercase)):
/// the words' lowercase are slices of it.
pub(crate) fn extract(
    text: &str,
    lowercase: Option<&str>,
    lines: &[Span],
    words: &SpanWords<'_>,
    lang: &str,
    exclude: &HashSet<String>,
) -> Vec<Tag> {
    if !lexicon::has_stopwords(lang) {
        return Vec::new();
    }
    let stop = lexicon::stopwords(lang);
    // The article's content words (lowercase) → id; a phrase is known by its
    // words' ids, so no String is made per phrase until it is scored (no
    // lowercase word holds a space, so ids and joined keys agree).
    // Stopwords of content shape are kept too, as `None`: a word met again
    // costs one lookup, whichever it is.
    // It and the tables below are sized once, to the words' count: grown
    // from empty, the maps were rehashed eight times or so and the vectors
    // copied as often.
    let mut word_ids: HashMap<Cow<'_, str>, Option<u32>> =
        HashMap::with_capacity(words.word_count());
    // Occurrences of each word, by id.
    let mut word_freq: Vec<u32> = Vec::with_capacity(words.word_count());
    let mut candidates: Vec<Candidate> = Vec::with_capacity(words.word_count());
    // Keyed by the ids packed into one integer: hashed in one step, where
    // the array was hashed as a length and a byte slice (same keys, one to
    // one).
    let mut by_key: HashMap<u128, usize> = HashMap::with_capacity(words.word_count());
    let mut sentence = 0usize;
    let mut lower_word = String::new();
    let mut run: Vec<RunWord<'_>> = Vec::new();
    for (line_index, &span) in lines.iter().enumerate() {
        let line = span.text(text);
        let lower_line = lowercase.map(|l| span.text(l));
        let mut prev_end = 0usize;
        let mut flush = |run: &mut Vec<RunWord<'_>>, sentence: usize| {
            // Every sub-run of 1..=MAX_WORDS words is a candidate.
            for i in 0..run.len() {
                let mut key = [NO_WORD; MAX_WORDS];
                let mut lower = false;
                for n in 1..=MAX_WORDS.min(run.len() - i) {
                    let (first, last) = (run[i], run[i + n - 1]);
                    key[n - 1] = last.id;
                    lower |= last.is_lower;
                    let idx = *by_key.entry(packed(&key)).or_insert_with(|| {
                        candidates.push(Candidate {
                            words: key,
                            n,
                            first: Span::new(
                                span.start + first.at,
                                span.start + last.at + last.word.len(),
                            ),
                            first_sentence: sentence,
                            count: 0,
                            lower_count: 0,
                        });
                        candidates.len() - 1
                    });
                    candidates[idx].count += 1;
                    candidates[idx].lower_count += u32::from(lower);
                }
            }
            run.clear();
        };
        for &(at, w) in words.get(line_index) {
            let gap = &line[prev_end..at];
            // Most words follow one space, which neither breaks a run nor
            // ends a sentence: no scan of it.
            if gap != " " {
                let breaks = gap.chars().any(|c| !c.is_whitespace());
                if gap.contains(['.', '!', '?', ';', ':']) {
                    flush(&mut run, sentence);
                    sentence += 1;
                } else if breaks {
                    flush(&mut run, sentence);
                }
            }
            prev_end = at + w.len();
            let content = if has_content_shape(w) {
                // The word's lowercase in the document's, or a word already in
                // lower case, is its own key: no copy to look it up, and none
                // to keep it.
                let sliced = lower_line.map(|l| &l[at..at + w.len()]);
                let own = sliced.is_none() && is_own_lowercase(w);
                let lower: &str = match sliced {
                    Some(sliced) => sliced,
                    None if own => w,
                    None => {
                        lower_word.clear();
                        push_lowercase(&mut lower_word, w);
                        &lower_word
                    }
                };
                let key = || -> Cow<'_, str> {
                    match sliced {
                        Some(sliced) => Cow::Borrowed(sliced),
                        None if own => Cow::Borrowed(w),
                        None => Cow::Owned(lower.to_owned()),
                    }
                };
                match word_ids.get(lower) {
                    Some(&Some(id)) => {
                        word_freq[id as usize] += 1;
                        Some(id)
                    }
                    Some(&None) => None,
                    None if stop.contains(lower) => {
                        word_ids.insert(key(), None);
                        None
                    }
                    None => {
                        let id = word_freq.len() as u32;
                        word_ids.insert(key(), Some(id));
                        word_freq.push(1);
                        Some(id)
                    }
                }
            } else {
                None
            };
            if let Some(id) = content {
                run.push(RunWord {
                    at,
                    word: w,
                    id,
                    is_lower: w.chars().next().is_some_and(char::is_lowercase),
                });
            } else {
                flush(&mut run, sentence);
            }
        }
        flush(&mut run, sentence);
        sentence += 1;
    }
    let mut vocabulary: Vec<&str> = vec![""; word_freq.len()];
    for (word, &id) in &word_ids {
        if let Some(id) = id {
            vocabulary[id as usize] = word.as_ref();
        }
    }
    let sentences = sentence.max(1) as f32;
    // The phrase of a candidate: its lowercase words joined by one space.
    let key_of = |c: &Candidate, key: &mut String| {
        key.clear();
        for &id in &c.words[..c.n] {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(vocabulary[id as usize]);
        }
    };
    // One buffer for the exclusion check: a String is made only for the
    // phrases reported.
    let mut key = String::new();
    let mut scored: Vec<(f32, &Candidate)> = candidates
        .iter()
        .filter(|c| c.lower_count > 0)
        .filter_map(|c| {
            // A phrase must recur, or be a multiword phrase of recurring
            // words: most candidates are single words met once, dropped
            // before any lookup.
            let n = c.n;
            if c.count < 2 && n == 1 {
                return None;
            }
            let (mut words_score, mut rare) = (0.0f32, false);
            for &id in &c.words[..n] {
                let f = word_freq[id as usize] as f32;
                rare |= f < 2.0;
                words_score += (1.0 + f).ln();
            }
            if c.count < 2 && rare {
                return None;
            }
            if !exclude.is_empty() {
                key_of(c, &mut key);
                if exclude.contains(&key) {
                    return None;
                }
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
        let words = &c.words[..c.n];
        // A phrase inside one already chosen adds nothing.
        if chosen.iter().any(|(_, o)| inside(&o.words[..o.n], words)) {
            continue;
        }
        // A recurring phrase around chosen words replaces them
        // ("grain barges" over "grain").
        if c.count >= 2 {
            chosen.retain(|(_, o)| !inside(words, &o.words[..o.n]));
        } else if chosen.iter().any(|(_, o)| inside(words, &o.words[..o.n])) {
            continue;
        }
        chosen.push((score, c));
    }
    chosen.sort_by(|a, b| b.0.total_cmp(&a.0));
    chosen
        .into_iter()
        .map(|(score, c)| {
            key_of(c, &mut key);
            Tag {
                name: key.clone(),
                kind: TagKind::KeyPhrase,
                salience: if best > 0.0 { score / best } else { 0.0 },
                mention_count: c.count,
                first_mention: Some(c.first),
                country_code: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        let lines: Vec<Span> = vec![Span::new(0, text.len())];
        let words = SpanWords::of_text(text, lines.iter().copied());
        let found = extract(text, None, &lines, &words, "en", &HashSet::default());
        // The words' lowercase sliced from the document's find the same.
        let doc = crate::enrich::Document::new(text);
        if let Some(lowercase) = doc.lowercase() {
            let sliced = extract(
                text,
                Some(lowercase),
                &lines,
                &words,
                "en",
                &HashSet::default(),
            );
            assert_eq!(sliced, found, "{text:?}");
        }
        found.into_iter().map(|t| t.name).collect()
    }

    #[test]
    fn packed_keys_are_one_to_one() {
        let ids = [0, 1, 2, 0xffff, 0x1_0000, NO_WORD - 1, NO_WORD];
        let mut seen = std::collections::HashMap::new();
        for &a in &ids {
            for &b in &ids {
                for &c in &ids {
                    let key = [a, b, c];
                    assert_eq!(seen.insert(packed(&key), key), None, "{key:?}");
                }
            }
        }
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
    fn inside_agrees_with_the_padded_search() {
        let padded =
            |outer: &str, inner: &str| format!(" {outer} ").contains(&format!(" {inner} "));
        // Words that are prefixes and suffixes of one another, so a string
        // search would find matches that are not whole words.
        let vocabulary = ["a", "ab", "ba", "é", "aé"];
        // Every phrase of up to 4 words as outer, and of 1 to 3 as inner.
        let all = |max: u32| {
            let mut out: Vec<Vec<u32>> = Vec::new();
            for len in 1..=max {
                for mut code in 0..vocabulary.len().pow(len) {
                    let mut ids = Vec::new();
                    for _ in 0..len {
                        ids.push((code % vocabulary.len()) as u32);
                        code /= vocabulary.len();
                    }
                    out.push(ids);
                }
            }
            out
        };
        let join = |ids: &[u32]| {
            ids.iter()
                .map(|&i| vocabulary[i as usize])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (outers, inners) = (all(4), all(3));
        let mut found = 0;
        for outer in &outers {
            for inner in &inners {
                let by_ids = inside(outer, inner);
                assert_eq!(
                    by_ids,
                    padded(&join(outer), &join(inner)),
                    "{outer:?} {inner:?}"
                );
                found += usize::from(by_ids);
            }
        }
        assert!(found > 0 && found < outers.len() * inners.len());
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
        assert!(extract(text, None, &lines, &words, "zh", &HashSet::default()).is_empty());
    }
}
