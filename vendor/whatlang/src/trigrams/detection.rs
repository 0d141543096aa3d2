use hashbrown::HashMap;

#[cfg(test)]
use super::LangProfile;
use super::LangProfileList;
#[cfg(test)]
use super::Trigram;
use super::utils::{PackedTrigram, pack, top_packed_trigrams};
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;
use std::sync::LazyLock;

// copydesk patch: every profile list is inverted once into trigram ->
// (profile index, rank), so that scoring a text costs one lookup per text
// trigram (at most TEXT_TRIGRAMS_SIZE) instead of one per profile trigram per
// language (300 x 37 for Latin). The distances are the same integers.
type InvertedProfiles = HashMap<PackedTrigram, Vec<(u16, u16)>>;

fn invert(list: LangProfileList) -> InvertedProfiles {
    let mut index: InvertedProfiles = HashMap::new();
    for (lang_index, (_, profile)) in list.iter().enumerate() {
        for (rank, trigram) in profile.iter().enumerate() {
            index
                .entry(pack(trigram.0, trigram.1, trigram.2))
                .or_default()
                .push((lang_index as u16, rank as u16));
        }
    }
    index
}

static LATIN_INDEX: LazyLock<InvertedProfiles> = LazyLock::new(|| invert(LATIN_LANGS));
static CYRILLIC_INDEX: LazyLock<InvertedProfiles> = LazyLock::new(|| invert(CYRILLIC_LANGS));
static ARABIC_INDEX: LazyLock<InvertedProfiles> = LazyLock::new(|| invert(ARABIC_LANGS));
static DEVANAGARI_INDEX: LazyLock<InvertedProfiles> = LazyLock::new(|| invert(DEVANAGARI_LANGS));
static HEBREW_INDEX: LazyLock<InvertedProfiles> = LazyLock::new(|| invert(HEBREW_LANGS));

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(iquery.multi_lang_script);
    let index = script_to_inverted_profiles(iquery.multi_lang_script);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, lang_profile_list, index)
}

fn script_to_inverted_profiles(script: MultiLangScript) -> &'static InvertedProfiles {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => &LATIN_INDEX,
        MLS::Cyrillic => &CYRILLIC_INDEX,
        MLS::Arabic => &ARABIC_INDEX,
        MLS::Devanagari => &DEVANAGARI_INDEX,
        MLS::Hebrew => &HEBREW_INDEX,
    }
}

fn script_to_lang_profile_list(script: MultiLangScript) -> LangProfileList {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => LATIN_LANGS,
        MLS::Cyrillic => CYRILLIC_LANGS,
        MLS::Arabic => ARABIC_LANGS,
        MLS::Devanagari => DEVANAGARI_LANGS,
        MLS::Hebrew => HEBREW_LANGS,
    }
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    lang_profile_list: LangProfileList,
    index: &InvertedProfiles,
) -> RawOutcome {
    let mut lang_distances: Vec<(Lang, u32)> = Vec::with_capacity(lang_profile_list.len());

    let trigram_positions = top_packed_trigrams(&text.lowercase());
    let unique_trigrams_count = trigram_positions.len();

    // copydesk patch: per profile, the sum of |position - rank| over the
    // profile trigrams the text has, and how many it has; the rest cost
    // MAX_TRIGRAM_DISTANCE each, as in `calculate_distance`.
    let mut matched: Vec<(u32, u32)> = vec![(0, 0); lang_profile_list.len()];
    for &(trigram, position) in trigram_positions.iter() {
        if let Some(entries) = index.get(&trigram) {
            for &(lang_index, rank) in entries {
                let m = &mut matched[lang_index as usize];
                m.0 += (position as i32 - rank as i32).unsigned_abs();
                m.1 += 1;
            }
        }
    }

    for (lang_index, &(lang, lang_trigrams)) in lang_profile_list.iter().enumerate() {
        if !filter_list.is_allowed(lang) {
            continue;
        }
        let (matched_distance, matched_count) = matched[lang_index];
        let dist = distance_from_matches(
            lang_trigrams.len() as u32,
            matched_distance,
            matched_count,
            trigram_positions.len() as u32,
        );
        lang_distances.push(((lang), dist));
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

/// copydesk patch: `calculate_distance` from the matches of the inverted
/// index: the same integer, with the same (release-mode, wrapping) arithmetic.
#[inline]
fn distance_from_matches(
    profile_len: u32,
    matched_distance: u32,
    matched_count: u32,
    count: u32,
) -> u32 {
    let mut total_dist = matched_distance
        .wrapping_add((profile_len - matched_count).wrapping_mul(MAX_TRIGRAM_DISTANCE));
    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist = total_dist.wrapping_sub(delta * MAX_TRIGRAM_DISTANCE);
    }
    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[cfg(test)]
#[inline]
fn calculate_distance(lang_trigrams: LangProfile, text_trigrams: &HashMap<Trigram, u32>) -> u32 {
    let mut total_dist = 0u32;

    for (i, &trigram) in lang_trigrams.iter().enumerate() {
        let dist = match text_trigrams.get(&trigram) {
            Some(&n) => (n as i32 - i as i32).unsigned_abs(),
            None => MAX_TRIGRAM_DISTANCE,
        };
        total_dist += dist;
    }

    let count = text_trigrams.len() as u32;

    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    // copydesk patch: the inverted index gives `calculate_distance`'s integers.
    #[test]
    fn inverted_index_distances_equal_calculate_distance() {
        use super::super::utils::get_trigrams_with_positions;
        let texts = [
            "Die Ordnung muss für immer in diesem Codebase bleiben",
            "The quick brown fox jumps over the lazy dog, and then some more text follows.",
            "a",
            "Мы хотим видеть дальше, чем окна дома напротив",
        ];
        for text in texts {
            let lower = Text::new(text);
            let positions = get_trigrams_with_positions(&lower.lowercase()).trigram_positions;
            let packed = top_packed_trigrams(&lower.lowercase());
            assert_eq!(packed.len(), positions.len());
            for (t, &p) in positions.iter() {
                assert!(packed.contains(&(pack(t.0, t.1, t.2), p)));
            }
            for (list, index) in [
                (LATIN_LANGS, &*LATIN_INDEX),
                (CYRILLIC_LANGS, &*CYRILLIC_INDEX),
            ] {
                for (i, &(_, profile)) in list.iter().enumerate() {
                    let (mut sum, mut n) = (0u32, 0u32);
                    for &(t, p) in packed.iter() {
                        for &(li, rank) in index.get(&t).map(Vec::as_slice).unwrap_or(&[]) {
                            if li as usize == i {
                                sum += (p as i32 - rank as i32).unsigned_abs();
                                n += 1;
                            }
                        }
                    }
                    assert_eq!(
                        distance_from_matches(profile.len() as u32, sum, n, positions.len() as u32),
                        calculate_distance(profile, &positions)
                    );
                }
            }
        }
    }

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }
}
