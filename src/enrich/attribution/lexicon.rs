//! The attribution lexicons: per-language cue words (`data/<lang>/cues.txt`)
//! and the outlet and agency names (`data/outlets.txt`), parsed once.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use crate::enrich::text::SlotMap;

/// What a lexicon word does in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Tag {
    /// Speech verb: content before or after it.
    Say,
    /// Verb whose content follows it only.
    Pre,
    /// Speech verb with an addressee before the content.
    Tell,
    /// "according to": the source follows, the content is the rest.
    Prep,
    /// Preposition that attributes only when a poll word heads the phrase
    /// after it ("In a CNN poll, …", "… in the latest survey").
    PrepPoll,
    /// Head of a poll or survey source (poll, survey, study).
    Poll,
    /// Verb of appearance ("seemed", "appears to"): no source; the content is
    /// its subject and the rest of the clause.
    Raise,
    /// Complementiser ("that").
    Comp,
    /// Word allowed between a subject and its cue.
    Aux,
    /// Word that ends a subject phrase read backwards.
    Stop,
    /// Personal pronoun.
    Pron,
    /// Masculine personal pronoun.
    PronM,
    /// Feminine personal pronoun.
    PronF,
    /// Relative pronoun.
    Rel,
    /// Head of an unnamed source.
    Unnamed,
    /// Head of a document source.
    Doc,
    /// Title or role word before a name.
    Title,
    /// Word that starts an adjunct after a cue.
    Adj,
    /// Abbreviation whose full stop does not end a sentence.
    Abbr,
    /// Head word of an organisation.
    Org,
    /// Determiner: a cue word after it is a noun ("the show").
    Det,
    /// Conjunction that opens a clause ("and", "when").
    Conj,
    /// Subordinating conjunction ("while", "although"): a sentence it opens
    /// has its main clause after the first comma.
    Sub,
    /// Preposition that can sit inside a source phrase ("people familiar with").
    Link,
    /// Preposition that names the agent of a passive cue ("asked by a reporter").
    Agent,
    /// Word ending of words allowed between a subject and its cue ("-ly").
    AuxSuffix,
    /// A form of "to be" (marks a passive cue: "was revealed").
    Be,
    /// Word ending of progressive forms ("-ing"): after "to be" they stay
    /// active ("is saying"), unlike participles ("is expected").
    ProgSuffix,
    /// Word ending of past forms ("-ed"): after a conjunction it opens a
    /// second verb phrase ("criticised the plan and voted against it").
    PastSuffix,
    /// Head word of a time phrase that can sit between a subject and its cue
    /// ("Clinton last week said", "Путин в понедельник заявил").
    Time,
    /// Infinitive marker right before a cue ("went on to say"): the cue takes
    /// the sentence's subject, or the name right before the marker.
    Inf,
    /// Complementiser that is also a subject relative pronoun ("a survey that
    /// shows"): right before a cue, after a noun, it stands for that noun.
    /// Only where a relative before a verb is always its subject (English
    /// "that"; not "que", which also takes an object: "ce que dit le maire").
    RelComp,
    /// Verb of mind (hopes, wants, thinks): after a conjunction with no
    /// subject of its own it shares a reported clause's subject, so it goes
    /// on with what was said ("said the dam had held and hoped for drier weeks").
    Mind,
    /// A phrase that opens with a cue word but attributes nothing ("asked
    /// not to be named"): it hides the shorter cue inside it.
    NotCue,
    /// Noun that heads reported content ("claim", "plan"): after a
    /// possessor and before a complementiser or an infinitive marker it is a
    /// cue ("her claim that …", "his plan to …").
    Noun,
    /// Word that opens examples of the phrase before it ("including"): a
    /// stance verb's object goes on past the comma before it ("cited several
    /// causes, including …").
    Example,
    /// Word that ends an editorial label before a colon ("Correction:",
    /// "Editor's note:"): the line is the page's, not a speaker's.
    Label,
    /// Pure coordinator ("and", "or"): unlike "so" or "yet", never an adverb,
    /// so right after a cue it joins a second verb or noun to it.
    Coord,
    /// Preposition of origin ("from"): a short phrase it opens after a cue
    /// says where the speaker was ("reported from the capital"), though, as a
    /// link, it can sit inside a source phrase ("officials from the ministry").
    Whence,
    /// Possessive determiner ("his", "their"): the possessor of a content
    /// noun is its source.
    Poss,
    /// Subordinator of a condition ("if", "unless"): the clause it opens
    /// says on what terms the stance holds ("threatened to quit if she
    /// lost"), so it stays in a stance verb's object.
    Cond,
    /// Preposition, verb particle or adverb that names nothing ("off",
    /// "above", "again", German "zu"): alone after a cue it completes or
    /// modifies the verb ("backed off", "mentioned above", "sagte zu"), and
    /// is no content.
    Particle,
    /// Verb that gives its object a name or a label ("called", "dubbed"): what
    /// it reports is the label ("called the plan a disgrace"); an object that
    /// is only a name names a thing ("a group called Citizens for Parks") or
    /// is whom someone phoned ("called Ann Roe").
    Naming,
    /// Degree adverb ("more", "most", "very"): a progressive form right
    /// after it is an adjective ("the most pressing concern", "a more
    /// challenging race"), not a cue.
    Degree,
    /// A poll word in the plural ("polls", "Umfragen"): a phrase of unnamed
    /// polls after a clause ("… has risen in the polls") says where someone
    /// stands, not what one poll found.
    Polls,
    /// Word that opens a phrase of when or why ("after", "amid",
    /// "because"): in a stance verb's noun object it is the writer's account
    /// of the occasion ("endorsed the mayor after the debate"), so the
    /// object ends before it.
    Occasion,
    /// Verb that sends the reader elsewhere ("read", "see", "ask"): bare at
    /// the start of a sentence, with no subject, it is an imperative, to a
    /// link or a box of the page ("Read the rest here", "See the full
    /// results below") or to someone who would know ("Ask the
    /// growers"), and nobody reports anything.
    Reader,
}

// Every tag has a bit of its own in a `u64` (`Reader` is the last tag),
// below `CUE_START`.
const _: () = assert!((Tag::Reader as u32) < 63);

/// The bit of a word's tag set ([`Lexicon::tags_of`]) that says a cue phrase
/// opens with the word: a word without it starts no cue
/// ([`Lexicon::cue_at`]), and the cue search, which asks at every word of a
/// sentence, passes it over without building the phrase or looking it up.
pub(crate) const CUE_START: u64 = 1 << 63;

impl Tag {
    /// The tag's bit in a word's tag set ([`Lexicon::tags_of`]).
    pub(crate) const fn bit(self) -> u64 {
        1 << self as u32
    }

    /// The bits of all of `tags` in a word's tag set.
    pub(crate) const fn mask(tags: &[Tag]) -> u64 {
        let (mut bits, mut i) = (0, 0);
        while i < tags.len() {
            bits |= tags[i].bit();
            i += 1;
        }
        bits
    }

    fn parse(s: &str) -> Option<Tag> {
        Some(match s {
            "say" => Tag::Say,
            "pre" => Tag::Pre,
            "tell" => Tag::Tell,
            "prep" => Tag::Prep,
            "preppoll" => Tag::PrepPoll,
            "poll" => Tag::Poll,
            "raise" => Tag::Raise,
            "comp" => Tag::Comp,
            "aux" => Tag::Aux,
            "stop" => Tag::Stop,
            "pron" => Tag::Pron,
            "pronm" => Tag::PronM,
            "pronf" => Tag::PronF,
            "rel" => Tag::Rel,
            "unnamed" => Tag::Unnamed,
            "doc" => Tag::Doc,
            "title" => Tag::Title,
            "adj" => Tag::Adj,
            "abbr" => Tag::Abbr,
            "org" => Tag::Org,
            "det" => Tag::Det,
            "conj" => Tag::Conj,
            "sub" => Tag::Sub,
            "link" => Tag::Link,
            "agent" => Tag::Agent,
            "auxsuffix" => Tag::AuxSuffix,
            "be" => Tag::Be,
            "progsuffix" => Tag::ProgSuffix,
            "pastsuffix" => Tag::PastSuffix,
            "time" => Tag::Time,
            "inf" => Tag::Inf,
            "relcomp" => Tag::RelComp,
            "mind" => Tag::Mind,
            "notcue" => Tag::NotCue,
            "noun" => Tag::Noun,
            "example" => Tag::Example,
            "label" => Tag::Label,
            "poss" => Tag::Poss,
            "whence" => Tag::Whence,
            "coord" => Tag::Coord,
            "cond" => Tag::Cond,
            "particle" => Tag::Particle,
            "naming" => Tag::Naming,
            "degree" => Tag::Degree,
            "polls" => Tag::Polls,
            "occasion" => Tag::Occasion,
            "reader" => Tag::Reader,
            _ => return None,
        })
    }

    /// Whether the tag marks a cue (a word that opens an attribution).
    pub(crate) fn is_cue(self) -> bool {
        matches!(
            self,
            Tag::Say | Tag::Pre | Tag::Tell | Tag::Prep | Tag::PrepPoll | Tag::Raise | Tag::NotCue
        )
    }
}

/// One language's lexicon. Every word of a page is looked up in it, most of
/// them in vain: the words are filed by slot ([`SlotMap`]), so that a word
/// of no list is ruled out without hashing it.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Cue phrases by their first word: (the other words, the tag), longest first.
    cues: SlotMap<Vec<(Vec<String>, Tag)>>,
    /// Each single word's tags, a bit each ([`Tag::bit`]; a word can have
    /// several tags).
    tags: SlotMap<u64>,
    /// The complementisers listed in elided form, up to and with their only
    /// apostrophe ("qu'", "qu’"), that the elided forms of text words open
    /// with ("qu'il").
    elided_comps: Vec<String>,
    /// The single words by tag as parsed: the oracle the tests check `tags`
    /// against.
    #[cfg(test)]
    words: HashMap<String, Vec<Tag>>,
    /// Word endings of aux words ("ly").
    aux_suffixes: Vec<String>,
    /// Word endings of progressive forms ("ing").
    prog_suffixes: Vec<String>,
    /// Word endings of past forms ("ed").
    past_suffixes: Vec<String>,
}

/// Whether `word` ends with one of `suffixes` after a stem of at least
/// `stem` letters.
fn ends_with_any(suffixes: &[String], word: &str, stem: usize) -> bool {
    suffixes
        .iter()
        .any(|s| word.chars().count() >= s.chars().count() + stem && word.ends_with(s.as_str()))
}

impl Lexicon {
    fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut cues: HashMap<String, Vec<(Vec<String>, Tag)>> = HashMap::new();
        let mut words: HashMap<String, Vec<Tag>> = HashMap::new();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((tag, form)) = line.split_once('\t') else {
                continue;
            };
            let Some(tag) = Tag::parse(tag.trim()) else {
                continue;
            };
            let form = form.trim().to_lowercase();
            let parts: Vec<String> = form.split_whitespace().map(str::to_owned).collect();
            let Some((first, rest)) = parts.split_first() else {
                continue;
            };
            let suffixes = match tag {
                Tag::AuxSuffix => Some(&mut lex.aux_suffixes),
                Tag::ProgSuffix => Some(&mut lex.prog_suffixes),
                Tag::PastSuffix => Some(&mut lex.past_suffixes),
                _ => None,
            };
            if let Some(suffixes) = suffixes {
                suffixes.push(form);
                continue;
            }
            if tag.is_cue() {
                let entry = cues.entry(first.clone()).or_default();
                if !entry.iter().any(|(r, _)| r == rest) {
                    entry.push((rest.to_vec(), tag));
                }
            } else if rest.is_empty() {
                let tags = words.entry(first.clone()).or_default();
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            } else {
                // Several-word non-cue entries ("has also") are read word by word.
                for part in &parts {
                    let tags = words.entry(part.clone()).or_default();
                    if !tags.contains(&tag) {
                        tags.push(tag);
                    }
                }
            }
        }
        for list in cues.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        lex.elided_comps = words
            .iter()
            .filter(|(word, tags)| tags.contains(&Tag::Comp) && is_elided_head(word))
            .map(|(word, _)| word.clone())
            .collect();
        let mut bits: HashMap<&str, u64> = words
            .iter()
            .map(|(word, tags)| (word.as_str(), Tag::mask(tags)))
            .collect();
        for first in cues.keys() {
            *bits.entry(first.as_str()).or_default() |= CUE_START;
        }
        lex.tags = SlotMap::new(bits);
        lex.cues = SlotMap::new(cues);
        #[cfg(test)]
        {
            lex.words = words;
        }
        lex
    }

    /// The tags of the lowercase `word` as listed, and [`CUE_START`] when a
    /// cue opens with it, without the tags of an elided form's head.
    fn listed(&self, word: &str) -> u64 {
        self.tags.get(word.as_bytes(), |b| b).copied().unwrap_or(0)
    }

    /// The cue starting at `words[0]`: its length in words and its tag.
    pub(crate) fn cue_at(&self, words: &[&str]) -> Option<(usize, Tag)> {
        let first = words.first()?;
        let list = self.cues.get(first.as_bytes(), |b| b)?;
        list.iter().find_map(|(rest, tag)| {
            let fits =
                rest.len() < words.len() && rest.iter().zip(&words[1..]).all(|(a, b)| a == b);
            fits.then_some((rest.len() + 1, *tag))
        })
    }

    /// Whether the lowercase `word` ends like an aux word ("flatly"), with
    /// a stem of four letters or more.
    pub(crate) fn aux_suffix(&self, word: &str) -> bool {
        ends_with_any(&self.aux_suffixes, word, 4)
    }

    /// Whether the lowercase `word` ends like a progressive form ("saying"),
    /// with a stem of two letters or more.
    pub(crate) fn prog_suffix(&self, word: &str) -> bool {
        ends_with_any(&self.prog_suffixes, word, 2)
    }

    /// Whether the lowercase `word` ends like a past form ("voted"), with
    /// a stem of three letters or more.
    pub(crate) fn past_suffix(&self, word: &str) -> bool {
        ends_with_any(&self.past_suffixes, word, 3)
    }

    /// Whether the lowercase `word` carries any of `tags`: what asking
    /// [`Lexicon::is`] of each tag answers, with one lookup of the word.
    pub(crate) fn is_any(&self, word: &str, tags: &[Tag]) -> bool {
        self.listed(word) & Tag::mask(tags) != 0
            || tags.contains(&Tag::Comp) && self.is(word, Tag::Comp)
    }

    /// The tags the lowercase `word` carries, a bit each ([`Tag::bit`]):
    /// what [`Lexicon::is`] answers of every tag, read at once; and
    /// [`CUE_START`] when a cue opens with it.
    pub(crate) fn tags_of(&self, word: &str) -> u64 {
        let bits = self.listed(word);
        if bits & Tag::Comp.bit() == 0 && self.elided_comp(word) {
            return bits | Tag::Comp.bit();
        }
        bits
    }

    /// Whether the lowercase `word` carries `tag`.
    pub(crate) fn is(&self, word: &str, tag: Tag) -> bool {
        self.listed(word) & tag.bit() != 0 || tag == Tag::Comp && self.elided_comp(word)
    }

    /// Whether `word` is an elided form ("qu'il") whose head, up to and with
    /// its first apostrophe, is listed as a complementiser ("qu'"): whether
    /// it starts with one of `elided_comps`, each of which ends at
    /// its first apostrophe. Asked of most words of a page, and most
    /// languages list no such head.
    fn elided_comp(&self, word: &str) -> bool {
        self.elided_comps
            .iter()
            .any(|head| word.starts_with(head.as_str()))
    }
}

/// Whether `word` ends with its first apostrophe (' or ’): the form in which
/// an elided complementiser is listed ("qu'").
fn is_elided_head(word: &str) -> bool {
    word.char_indices()
        .find(|&(_, c)| matches!(c, '\'' | '’'))
        .is_some_and(|(i, c)| i + c.len_utf8() == word.len())
}

/// The languages with a cue lexicon, and their data.
const DATA: &[(&str, &str)] = &[
    ("en", include_str!("../../../data/en/cues.txt")),
    ("ru", include_str!("../../../data/ru/cues.txt")),
    ("de", include_str!("../../../data/de/cues.txt")),
    ("fr", include_str!("../../../data/fr/cues.txt")),
    ("es", include_str!("../../../data/es/cues.txt")),
    ("it", include_str!("../../../data/it/cues.txt")),
    ("pt", include_str!("../../../data/pt/cues.txt")),
    ("uk", include_str!("../../../data/uk/cues.txt")),
];

static LEXICONS: LazyLock<HashMap<&'static str, Lexicon>> = LazyLock::new(|| {
    DATA.iter()
        .map(|(code, data)| (*code, Lexicon::parse(data)))
        .collect()
});

/// The lexicon of language `code`, English when there is none for it.
pub(crate) fn for_language(code: &str) -> &'static Lexicon {
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    let lexicons = &*LEXICONS;
    lexicons
        .get(primary)
        .or_else(|| lexicons.get("en"))
        .unwrap_or_else(|| &EMPTY)
}

static EMPTY: LazyLock<Lexicon> = LazyLock::new(Lexicon::default);

/// Outlet and agency spellings (lowercase) → canonical name, filed by slot:
/// most names asked are none, and are ruled out without hashing them.
static OUTLETS: LazyLock<SlotMap<&'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../../data/outlets.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((canonical, spellings)) = line.split_once('\t') else {
            continue;
        };
        let spellings = spellings.split('\t').next().unwrap_or_default();
        let canonical = canonical.trim();
        map.insert(canonical.to_lowercase(), canonical);
        for s in spellings.split('|') {
            map.insert(s.trim().to_lowercase(), canonical);
        }
    }
    SlotMap::new(map)
});

/// Canonical names of agencies that sell pictures only ("Getty Images").
static PHOTO_AGENCIES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../data/outlets.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split('\t');
            let canonical = fields.next()?.trim();
            fields
                .nth(1)
                .is_some_and(|f| f.trim() == "photo")
                .then_some(canonical)
        })
        .collect()
});

/// Whether the canonical agency `name` sells pictures only.
pub(crate) fn is_photo_agency(name: &str) -> bool {
    PHOTO_AGENCIES.contains(&name)
}

/// The canonical name of the outlet or agency spelled `name`, if known.
pub(crate) fn outlet(name: &str) -> Option<&'static str> {
    thread_local! {
        // Lowercased into one buffer per thread: this is asked of every short
        // line of a page and of every part of a credit.
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let name = name.trim();
    // An ASCII name lowercases byte for byte: it is looked up through the
    // ASCII lowercase map, without a copy.
    if name.is_ascii() {
        return OUTLETS
            .get(name.as_bytes(), |b| b.to_ascii_lowercase())
            .copied();
    }
    KEY.with_borrow_mut(|key| {
        key.clear();
        crate::enrich::text::push_lowercase(key, name);
        outlet_of_lower(key)
    })
}

/// [`outlet`] of a name already in lower case, such as words' `Tok::lower`
/// joined: a speaker's or a cue's phrase is lowercased once, by the
/// tokenizer, not again for each run of its words that may name an outlet.
pub(crate) fn outlet_of_lower(lower: &str) -> Option<&'static str> {
    OUTLETS.get(lower.trim().as_bytes(), |b| b).copied()
}

/// Builds every lexicon now.
pub(crate) fn warm_up() {
    LazyLock::force(&LEXICONS);
    LazyLock::force(&OUTLETS);
    LazyLock::force(&PHOTO_AGENCIES);
    LazyLock::force(&EMPTY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_parses_with_cues() {
        for (code, _) in DATA {
            let lex = for_language(code);
            assert!(lex.cues.len() > 20, "{code} has few cues");
            assert!(
                lex.words.values().flatten().any(|t| *t == Tag::Comp),
                "{code}"
            );
        }
    }

    /// One lookup for several tags answers as asking each tag does, over
    /// every word of every language's lists and a few words of none.
    #[test]
    fn any_of_several_tags_agrees_with_each_tag() {
        let sets: [&[Tag]; 4] = [
            super::super::speakers::NOT_NAME_TAGS,
            &[Tag::Comp],
            &[Tag::Say, Tag::Comp, Tag::Abbr],
            &[],
        ];
        for (code, _) in DATA {
            let lex = for_language(code);
            let extra = ["qu'il", "dell'anno", "l’homme", "zzz", ""];
            for word in lex.words.keys().map(String::as_str).chain(extra) {
                for tags in sets {
                    assert_eq!(
                        lex.is_any(word, tags),
                        tags.iter().any(|&t| lex.is(word, t)),
                        "{code} {word:?} {tags:?}"
                    );
                }
            }
        }
    }

    /// A word's tag set, read once, holds a tag exactly when asking for the
    /// tag says so: over every word of every language's lists, elided forms
    /// ("qu'il", "dell'anno") and words of none.
    #[test]
    fn a_words_tag_set_answers_as_each_tag_does() {
        for (code, _) in DATA {
            let lex = for_language(code);
            let mut tags: Vec<Tag> = lex.words.values().flatten().copied().collect();
            tags.push(Tag::Comp);
            let extra = ["qu'il", "qu’elle", "dell'anno", "l’homme", "zzz", ""];
            for word in lex.words.keys().map(String::as_str).chain(extra) {
                let set = lex.tags_of(word);
                for &tag in &tags {
                    assert_eq!(
                        set & tag.bit() != 0,
                        lex.is(word, tag),
                        "{code} {word:?} {tag:?}"
                    );
                }
            }
        }
        assert_ne!(for_language("fr").tags_of("qu'il") & Tag::Comp.bit(), 0);
    }

    /// The first words of the cue phrases of a language's data, read from
    /// its lines.
    fn cue_firsts(data: &str) -> std::collections::HashSet<String> {
        data.lines()
            .filter_map(|line| line.trim().split_once('\t'))
            .filter(|(tag, _)| Tag::parse(tag.trim()).is_some_and(Tag::is_cue))
            .filter_map(|(_, form)| {
                let form = form.trim().to_lowercase();
                form.split_whitespace().next().map(str::to_owned)
            })
            .collect()
    }

    /// The slot maps answer as the lists parsed: each listed word has its
    /// tags, an elided form the complementiser of its head, as a lookup by
    /// hashing and `str::find` over chars gives them, and the first word of
    /// each cue phrase, and no other, [`CUE_START`]; over every word of every
    /// language's lists and every string of up to four chars of a few letters
    /// and both apostrophes.
    #[test]
    fn slot_maps_answer_as_the_parsed_lists() {
        for (code, data) in DATA {
            let lex = for_language(code);
            let firsts = cue_firsts(data);
            assert!(firsts.len() > 20, "{code}");
            let listed = |word: &str| {
                let tags = lex.words.get(word).map_or(0, |tags| Tag::mask(tags));
                tags | if firsts.contains(word) { CUE_START } else { 0 }
            };
            let check = |word: &str| {
                let mut expected = listed(word);
                if let Some(i) = word.find(['\'', '’']) {
                    let head = &word[..i + word[i..].chars().next().map_or(1, char::len_utf8)];
                    expected |= listed(head) & Tag::Comp.bit();
                }
                assert_eq!(lex.tags_of(word), expected, "{code} {word:?}");
                assert_eq!(
                    lex.is(word, Tag::Comp),
                    expected & Tag::Comp.bit() != 0,
                    "{code} {word:?}"
                );
            };
            for word in lex.words.keys().chain(&firsts) {
                assert_eq!(lex.listed(word), listed(word), "{code} {word:?}");
                check(word);
            }
            let alphabet = ['q', 'u', 'l', 'd', 'c', 'é', '\'', '’', 'x'];
            crate::enrich::text::for_every_string(&alphabet, 1..=4, check);
        }
        let fr = for_language("fr");
        assert!(fr.is("qu’elle", Tag::Comp) && fr.is("qu'il", Tag::Comp));
    }

    #[test]
    fn longest_cue_wins_and_elision_matches() {
        let en = for_language("en");
        assert_eq!(en.cue_at(&["called", "for", "x"]), Some((2, Tag::Pre)));
        assert_eq!(en.cue_at(&["said"]), Some((1, Tag::Say)));
        assert_eq!(en.cue_at(&["according"]), None);
        let fr = for_language("fr-FR");
        assert!(fr.is("qu'il", Tag::Comp));
        assert!(!fr.is("quand", Tag::Comp));
        assert_eq!(for_language("xx").cue_at(&["said"]), Some((1, Tag::Say)));
        assert_eq!(en.cue_at(&["appears", "to"]), Some((2, Tag::Raise)));
        assert!(en.prog_suffix("saying") && !en.prog_suffix("expected") && !en.prog_suffix("ing"));
        assert!(en.past_suffix("voted") && !en.past_suffix("need") && !en.past_suffix("saying"));
        assert!(for_language("es").prog_suffix("diciendo"));
    }

    #[test]
    fn outlets_normalise() {
        assert_eq!(outlet("РИА Новости"), Some("RIA Novosti"));
        assert_eq!(outlet("the associated press"), Some("AP"));
        assert_eq!(outlet("Nobody Weekly"), None);
    }

    /// Every spelling of `data/outlets.txt`, as listed, in capitals, in
    /// lower case and padded with spaces, names its outlet; a spelling with
    /// a letter changed or cut short names none. The answers are checked
    /// against a plain map of the lowercase spellings, so the slot lookup
    /// through the ASCII lowercase map is held to the lowercased lookup.
    #[test]
    fn every_spelling_names_its_outlet_however_written() {
        let mut plain = std::collections::HashMap::new();
        for line in include_str!("../../../data/outlets.txt").lines() {
            let Some((canonical, rest)) = line.split_once('\t').filter(|_| !line.starts_with('#'))
            else {
                continue;
            };
            let canonical = canonical.trim();
            plain.insert(canonical.to_lowercase(), canonical);
            for spelling in rest.split('\t').next().unwrap_or_default().split('|') {
                plain.insert(spelling.trim().to_lowercase(), canonical);
            }
        }
        assert!(plain.len() > 50, "{}", plain.len());
        for (lower, &canonical) in &plain {
            for written in [lower.clone(), lower.to_uppercase(), format!("  {lower} ")] {
                assert_eq!(outlet(&written), Some(canonical), "{written:?}");
            }
            let mut changed = lower.clone();
            changed.push('x');
            assert_eq!(
                outlet(&changed),
                plain.get(&changed).copied(),
                "{changed:?}"
            );
            let cut: String = lower.chars().skip(1).collect();
            assert_eq!(outlet(&cut), plain.get(&cut).copied(), "{cut:?}");
            assert_eq!(outlet_of_lower(lower), Some(canonical), "{lower:?}");
        }
    }
}
