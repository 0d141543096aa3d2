//! Tags: the page's own tag line, the people, organisations and places its
//! article names, and the article's key phrases.
//!
//! Explicit tags are read from tag lines anywhere on the page and kept apart
//! from inferred ones (they come first, kind [`TagKind::Explicit`]). Entities
//! and key phrases are read from the article body only — the structure's
//! lede and body paragraphs, line by line, keeping lines that read as prose —
//! so menus, clocks and share prompts never become tags.

mod dateline;
mod entities;
mod explicit;
mod keyphrases;
pub(crate) mod lexicon;

use foldhash::HashSet;

use super::Span;
use super::document::Document;
use super::language::ArticleLanguage;
use super::structure::{BlockKind, Structure};
use super::text;

/// Where a tag comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TagKind {
    /// Listed on the page's own tag line.
    Explicit,
    /// A person named in the body.
    Person,
    /// An organisation named in the body.
    Organization,
    /// A place named in the body.
    Location,
    /// A key phrase of the body.
    KeyPhrase,
}

/// A tag describing the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// The canonical name ("Vladimir Putin" for "Putin"); an explicit tag as
    /// written; a key phrase in lower case.
    pub name: String,
    /// Where the tag comes from.
    pub kind: TagKind,
    /// How central the tag is, from 0 to 1: an entity's share of all entity
    /// mentions (earlier paragraphs weigh more), a key phrase's score
    /// relative to the best one, 1 for an explicit tag.
    pub salience: f32,
    /// Mentions in the body (1 for an explicit tag).
    pub mention_count: u32,
    /// The first mention; for an explicit tag, the tag on its tag line.
    pub first_mention: Option<Span>,
    /// ISO 3166-1 alpha-2 code of a place's country, when known.
    pub country_code: Option<String>,
}

/// A body line reads as prose when it has at least this many words.
const MIN_PROSE_WORDS: usize = 5;

/// Builds every list and automaton now rather than on the first request.
pub fn warm_up() {
    lexicon::warm_up();
    explicit::warm_up();
    entities::warm_up();
}

/// Line kinds that are never article text, whatever paragraph holds them.
fn is_chrome(kind: BlockKind) -> bool {
    !matches!(
        kind,
        BlockKind::Lede
            | BlockKind::Body
            | BlockKind::Dateline
            | BlockKind::Deck
            | BlockKind::Headline
    )
}

/// Whether a line reads as prose: enough words, some of them lower case (or
/// a caseless script: enough words, or enough letters).
fn is_prose(line: &str) -> bool {
    // One pass, stopping as soon as the line has both enough words and a
    // lowercase letter: that is most body lines, and they are most of a page.
    let (mut words, mut in_word) = (0usize, false);
    let (mut has_lower, mut has_upper) = (false, false);
    for c in line.chars() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
        if c.is_ascii() {
            has_lower |= c.is_ascii_lowercase();
            has_upper |= c.is_ascii_uppercase();
        } else {
            has_lower |= c.is_lowercase();
            has_upper |= c.is_uppercase();
        }
        if has_lower && words >= MIN_PROSE_WORDS {
            return true;
        }
    }
    let caseless = !has_lower && !has_upper;
    caseless
        && (words >= MIN_PROSE_WORDS || line.chars().filter(|&c| text::is_alpha(c)).count() >= 12)
}

/// Line kinds that are page furniture for certain. `Boilerplate` is not
/// among them: it is what an analyzer calls a line it cannot place. Every
/// furniture kind is chrome, by construction: `body_lines` reads the
/// furniture test in place of the chrome test for paragraph lines.
fn is_furniture(kind: BlockKind) -> bool {
    is_chrome(kind)
        && matches!(
            kind,
            BlockKind::Navigation
                | BlockKind::Social
                | BlockKind::Counter
                | BlockKind::Related
                | BlockKind::Tags
                | BlockKind::Comments
                | BlockKind::Advertisement
                | BlockKind::Banner
                | BlockKind::Footer
                | BlockKind::Timestamp
                | BlockKind::Credit
                | BlockKind::Caption
                | BlockKind::Byline
                | BlockKind::Section
        )
}

/// The structure's paragraphs cover at least this share of the page's
/// prose, or the prose lines themselves are read.
const MIN_PARAGRAPH_SHARE: f32 = 0.3;

/// The body text as (span, paragraph index): runs of the lines of the
/// structure's paragraphs that read as prose and carry no chrome label.
/// When the structure finds no paragraphs, or paragraphs holding little of
/// the page's prose, every prose line that is not certain page furniture,
/// with runs of lines (no blank line between) as one paragraph.
pub(crate) fn body_lines(doc: &Document<'_>, structure: &Structure) -> Vec<(Span, usize)> {
    let label = |i: usize| structure.lines.get(i).map(|l| l.kind);
    // Both readings below ask whether a line is prose, of lines that are no
    // page furniture (every furniture kind is chrome): each is read once.
    let prose: Vec<bool> = (0..doc.lines().len())
        .map(|i| !label(i).is_some_and(is_furniture) && is_prose(doc.line_text(i)))
        .collect();
    let from_paragraphs = paragraph_lines(doc, structure, &prose);
    let mut fallback: Vec<(Span, usize)> = Vec::new();
    let mut paragraph = 0usize;
    let mut joined = false;
    for (i, line) in doc.lines().iter().enumerate() {
        if !prose[i] {
            joined = false;
            continue;
        }
        match fallback.last_mut() {
            Some((span, _)) if joined && line.blank_lines_before == 0 => span.end = line.end,
            _ => {
                if !fallback.is_empty() {
                    paragraph += 1;
                }
                fallback.push((Span::new(line.start, line.end), paragraph));
            }
        }
        joined = true;
    }
    let bytes = |v: &[(Span, usize)]| v.iter().map(|(s, _)| s.end - s.start).sum::<usize>();
    let (found, prose) = (bytes(&from_paragraphs), bytes(&fallback));
    if found > 0 && found as f32 >= MIN_PARAGRAPH_SHARE * prose as f32 {
        from_paragraphs
    } else {
        fallback
    }
}

/// The prose lines of the structure's paragraphs, joined into runs;
/// `prose[i]` tells whether line `i` reads as prose and is no furniture.
fn paragraph_lines(
    doc: &Document<'_>,
    structure: &Structure,
    prose: &[bool],
) -> Vec<(Span, usize)> {
    let lines = doc.lines();
    let label = |i: usize| structure.lines.get(i).map(|l| l.kind);
    let mut out: Vec<(Span, usize)> = Vec::new();
    let paragraphs: Vec<Span> = structure.paragraphs().collect();
    // Lines are sorted by offset: walk them alongside the paragraphs.
    let mut i = 0usize;
    for (p, para) in paragraphs.iter().enumerate() {
        while i < lines.len() && lines[i].end <= para.start {
            i += 1;
        }
        let mut k = i;
        // Consecutive accepted lines of a paragraph are one span, so that a
        // name wrapped over two lines of a hard-wrapped wire story stays one.
        let mut joined = false;
        while k < lines.len() && lines[k].start < para.end {
            let line = &lines[k];
            if line.start >= para.start
                && line.end <= para.end
                && !label(k).is_some_and(is_chrome)
                && prose[k]
            {
                match out.last_mut() {
                    Some((span, last_p)) if joined && *last_p == p => span.end = line.end,
                    _ => out.push((Span::new(line.start, line.end), p)),
                }
                joined = true;
            } else {
                joined = false;
            }
            k += 1;
        }
    }
    out
}

/// Lines of the page's top a wire dateline is looked for on, besides the
/// story's first line (the structure may take a results table's rows for
/// the headline and lede).
const DATELINE_TOP_LINES: usize = 4;

/// The lines a wire dateline may open, in order of trust: the story's first
/// line (the lede's, else the first paragraph's), the first line after the
/// headline (a results table has no lede, and its dateline stands alone),
/// then the first lines of the page.
fn dateline_lines(doc: &Document<'_>, structure: &Structure) -> Vec<Span> {
    let lines = doc.lines();
    let story = structure
        .lede
        .or_else(|| structure.paragraphs().next())
        .and_then(|p| {
            lines
                .iter()
                .find(|l| l.start <= p.start && p.start < l.end)
                .map(|l| Span::new(p.start, l.end))
        });
    let after_headline = structure.headline.and_then(|h| {
        lines
            .iter()
            .find(|l| l.start >= h.end && l.end > l.start)
            .map(|l| Span::new(l.start, l.end))
    });
    let top = lines
        .iter()
        .filter(|l| l.end > l.start)
        .take(DATELINE_TOP_LINES)
        .map(|l| Span::new(l.start, l.end));
    let mut out: Vec<Span> = Vec::with_capacity(DATELINE_TOP_LINES + 2);
    for span in story.into_iter().chain(after_headline).chain(top) {
        if !out.contains(&span) {
            out.push(span);
        }
    }
    out
}

/// The words of each body span (offsets from the span's start), taken from
/// the document's one split of every line ([`Document::words`]) rather than
/// split again by each reader (entities read them twice, key phrases once).
pub(crate) struct SpanWords<'a> {
    words: Vec<(usize, &'a str)>,
    /// Span `i`'s words are `words[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<usize>,
}

impl<'a> SpanWords<'a> {
    /// The words of `spans`, which cover whole lines of `doc` except that the
    /// first may start inside its line (after a dateline): that part is split
    /// on its own, as a reader of the span's text would split it.
    pub(crate) fn of_document(doc: &Document<'a>, spans: impl IntoIterator<Item = Span>) -> Self {
        let text = doc.text();
        let lines = doc.lines();
        let spans = spans.into_iter();
        // Sized once: body spans are disjoint, so the document's word count
        // bounds theirs (but for a word cut in two by a span's edge), and
        // the buffer is not grown and copied again as the lines fill it.
        let mut out = SpanWords {
            words: Vec::with_capacity(doc.word_count()),
            ends: Vec::with_capacity(spans.size_hint().0),
        };
        for span in spans {
            let mut k = lines.partition_point(|l| l.end <= span.start);
            while k < lines.len() && lines[k].start < span.end {
                let line = &lines[k];
                if line.start >= span.start && line.end <= span.end {
                    let shift = line.start - span.start;
                    out.words
                        .extend(doc.words(k).iter().map(|&(at, w)| (at + shift, w)));
                } else {
                    let from = line.start.max(span.start);
                    let part = &text[from..line.end.min(span.end)];
                    let before = out.words.len();
                    text::words_into(part, &mut out.words);
                    for word in &mut out.words[before..] {
                        word.0 += from - span.start;
                    }
                }
                k += 1;
            }
            out.ends.push(out.words.len());
        }
        out
    }

    /// The words of `spans` of `text`, each span split on its own.
    #[cfg(test)]
    pub(crate) fn of_text(text: &'a str, spans: impl IntoIterator<Item = Span>) -> Self {
        let mut out = SpanWords {
            words: Vec::new(),
            ends: Vec::new(),
        };
        for span in spans {
            text::words_into(span.text(text), &mut out.words);
            out.ends.push(out.words.len());
        }
        out
    }

    /// How many words the spans hold: a bound on their distinct words, to
    /// size the maps of them once.
    pub(crate) fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The words of span `i`: (byte offset from the span's start, word).
    pub(crate) fn get(&self, i: usize) -> &[(usize, &'a str)] {
        let from = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.words[from..self.ends[i]]
    }
}

/// The article body as the tags and topics stages read it (see
/// [`body`]): found once a page and read by both.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// (span, paragraph index) of each run of body lines, in text order.
    lines: Vec<(Span, usize)>,
}

impl Body {
    /// The runs of body lines: (span, paragraph index), in text order.
    pub(crate) fn lines(&self) -> &[(Span, usize)] {
        &self.lines
    }
}

/// The article body of `doc`: the prose lines of the structure's paragraphs
/// that carry no chrome label, or every prose line that is no page
/// furniture when the paragraphs hold little of the page's prose.
pub fn body(doc: &Document<'_>, structure: &Structure) -> Body {
    Body {
        lines: body_lines(doc, structure),
    }
}

/// Extracts the article's tags: explicit tags first (page order), then
/// entities (most salient first), then key phrases (best first).
pub fn extract(
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
) -> Vec<Tag> {
    extract_from_body(doc, structure, language, &body(doc, structure))
}

/// [`extract`] over `body`, the page's [`body`] found beforehand (the
/// topics stage reads it too).
pub fn extract_from_body(
    doc: &Document<'_>,
    structure: &Structure,
    language: Option<&ArticleLanguage>,
    body: &Body,
) -> Vec<Tag> {
    let text = doc.text();
    let lang = language.map_or("en", |l| l.article.code);
    let mut tags = explicit::extract(doc, structure);
    let mut lines = body.lines.clone();
    let dateline = dateline_lines(doc, structure)
        .into_iter()
        .find_map(|span| dateline::read(text, span));
    if let Some(d) = &dateline {
        // The entity reader starts after the dateline.
        for (span, _) in lines.iter_mut() {
            if span.start < d.end && d.end <= span.end {
                span.start = d.end;
            }
        }
        lines.retain(|(span, _)| span.start < span.end);
    }
    let words = SpanWords::of_document(doc, lines.iter().map(|&(s, _)| s));
    let mut entities = entities::extract(text, doc.lowercase(), &lines, &words, lang);
    if let Some(place) = dateline.and_then(|d| d.tag) {
        match entities
            .iter_mut()
            .find(|t| t.kind == TagKind::Location && t.name == place.name)
        {
            Some(known) => {
                known.mention_count += 1;
                known.first_mention = place.first_mention;
            }
            None => entities.push(place),
        }
    }
    let mut exclude: HashSet<String> = tags.iter().map(|t| t.name.to_lowercase()).collect();
    exclude.extend(entities.iter().map(|t| t.name.to_lowercase()));
    let spans: Vec<Span> = lines.iter().map(|&(s, _)| s).collect();
    let phrases = keyphrases::extract(text, doc.lowercase(), &spans, &words, lang, &exclude);
    tags.extend(entities);
    tags.extend(phrases);
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::structure;

    /// Issue 6's acceptance case, on an invented page: every tag of the tag
    /// line comes back explicit, the body's entities as people,
    /// organisations and places.
    #[test]
    fn issue_6_tag_line_and_body_entities() {
        let text = "12:05 GMT 3 March 2016\nListen Live\nWorld\nBusiness\n\n\
            Coalition talks resume in Geneva | Example News\n\n\
            GENEVA, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State \
            John Kerry in Geneva on Thursday to shore up the Syrian ceasefire, the State Department said.\n\n\
            Lavrov told reporters that Russia and the United States would share maps with the anti-Daesh \
            coalition, while NATO officials in Brussels said the alliance was watching closely.\n\n\
            Kerry said the ceasefire in Syria was holding in most areas, and that the United Nations \
            would send aid convoys to Aleppo next week.\n\n\
            Get short URL\n\
            Tags: Syrian ceasefire, anti-Daesh coalition, John Kerry, Sergei Lavrov, Russia\n";
        let doc = Document::new(text);
        let s = structure::analyze(&doc, None);
        let tags = extract(&doc, &s, None);
        let of = |kind: TagKind| -> Vec<&str> {
            tags.iter()
                .filter(|t| t.kind == kind)
                .map(|t| t.name.as_str())
                .collect()
        };
        assert_eq!(
            of(TagKind::Explicit),
            [
                "Syrian ceasefire",
                "anti-Daesh coalition",
                "John Kerry",
                "Sergei Lavrov",
                "Russia"
            ]
        );
        let people = of(TagKind::Person);
        assert!(
            people.contains(&"Sergei Lavrov") && people.contains(&"John Kerry"),
            "{people:?}"
        );
        let orgs = of(TagKind::Organization);
        assert!(
            orgs.contains(&"NATO") && orgs.contains(&"United Nations"),
            "{orgs:?}"
        );
        let places = of(TagKind::Location);
        for place in [
            "Russia",
            "United States",
            "Syria",
            "Geneva",
            "Brussels",
            "Aleppo",
        ] {
            assert!(places.contains(&place), "{place} not in {places:?}");
        }
        let russia = tags
            .iter()
            .find(|t| t.kind == TagKind::Location && t.name == "Russia");
        assert_eq!(russia.and_then(|t| t.country_code.as_deref()), Some("RU"));
        let lavrov = tags
            .iter()
            .find(|t| t.name == "Sergei Lavrov" && t.kind == TagKind::Person);
        assert_eq!(lavrov.map(|t| t.mention_count), Some(2));
        for t in &tags {
            assert!(
                !t.name.contains("Listen")
                    && !t.name.contains("GMT")
                    && !t.name.contains("short URL"),
                "{t:?}"
            );
            let span = t.first_mention.unwrap_or(Span::new(0, 0));
            assert!(
                text.is_char_boundary(span.start)
                    && text.is_char_boundary(span.end)
                    && span.end <= text.len()
            );
        }
    }

    /// The one-pass prose test answers as the plain definition does.
    #[test]
    fn prose_test_matches_its_definition() {
        let definition = |line: &str| {
            let words = line.split_whitespace().count();
            let has_lower = line.chars().any(char::is_lowercase);
            let caseless = !line.chars().any(|c| c.is_uppercase() || c.is_lowercase());
            words >= MIN_PROSE_WORDS && (has_lower || caseless)
                || (caseless && line.chars().filter(|c| c.is_alphabetic()).count() >= 12)
        };
        for line in [
            "",
            "Listen Live",
            "The port reopened on Tuesday after talks.",
            "PORT REOPENS AFTER TALKS WITH UNIONS TODAY",
            "Share on Facebook Share on X",
            "Порт открылся во вторник после переговоров.",
            "東京都の天気は晴れ、最高気温は二十度の予想です",
            "东京 天气 晴 最高 气温",
            "مرحبا بكم في الموقع الرسمي",
            "a b c d",
            "a b c d e",
            "1 2 3 4 5 6",
            "Ünd Öl Ärger Über Éte",
        ] {
            assert_eq!(is_prose(line), definition(line), "{line:?}");
        }
    }

    /// The shared split gives every span the words a split of the span's
    /// own text gives, also when the span starts inside a line (after a
    /// dateline), ends inside one (the topics stage's cut of a long body,
    /// mid-word too) and when it runs over several lines.
    #[test]
    fn span_words_match_a_split_of_each_span() {
        let text = "WARSAW, May 2 (PAP) - Don't-stop talks\nin Gdańsk, U.S.-led;\n\n  Trzecia linia\u{a0}\nend-\nx-ray";
        let doc = Document::new(text);
        let lines = doc.lines();
        let spans = [
            Span::new(text.find("Don't").unwrap_or(0), lines[1].end),
            Span::new(text.find("-stop").unwrap_or(0), lines[0].end),
            Span::new(lines[2].start, lines[4].end),
            Span::new(lines[0].start, lines[0].end),
            Span::new(lines[0].start, text.find("alks").unwrap_or(0)),
            Span::new(lines[1].start, lines[4].start + 2),
        ];
        let shared = SpanWords::of_document(&doc, spans);
        for (i, span) in spans.iter().enumerate() {
            assert_eq!(shared.get(i), text::words(span.text(text)), "{span:?}");
        }
    }

    /// The body's words are gathered in one buffer of the document's word
    /// count that never grows, and they are the words a split of each
    /// span's own text gives, on pages in five languages.
    #[test]
    fn span_words_fill_one_buffer_sized_once() {
        for text in [
            "Home | Sport | Weather\n\nHarbour ferries return after the winter\n\n\
             PORTSMOUTH, 4 March - The first ferry of the season left at dawn, and the operator said bookings were up.\n\n\
             Dock workers, who had been idle since January, welcomed the news.\n\nShare this article\n",
            "Startseite\n\nFähren fahren wieder\n\n\
             KIEL (dpa) - Die erste Fähre des Jahres legte am Morgen ab, teilte die Reederei mit.\n\n\
             Die Hafenarbeiter waren seit Januar ohne Arbeit.\n",
            "Главная\n\nПаромы снова ходят\n\n\
             Первый паром сезона отошёл на рассвете, сообщил перевозчик.\n\n\
             Портовые рабочие ждали этого с января.\n",
            "Portada\n\nVuelven los transbordadores\n\n\
             VIGO, 4 mar (EFE) - El primer barco de la temporada zarpó al amanecer, según la naviera.\n\n\
             Los estibadores celebraron la noticia.\n",
            "الرئيسية\n\nعودة العبارات\n\nغادرت أول عبارة في الموسم عند الفجر، وفق الشركة المشغلة.\n\n\
             رحب عمال الميناء بالخبر.\n",
        ] {
            let doc = Document::new(text);
            let s = structure::analyze(&doc, None);
            let lines = body(&doc, &s).lines;
            assert!(!lines.is_empty(), "{text:?}");
            let words = SpanWords::of_document(&doc, lines.iter().map(|&(s, _)| s));
            assert_eq!(words.words.capacity(), doc.word_count(), "{text:?}");
            assert_eq!(words.ends.capacity(), lines.len(), "{text:?}");
            for (i, (span, _)) in lines.iter().enumerate() {
                assert_eq!(words.get(i), text::words(span.text(text)), "{span:?}");
            }
        }
    }

    /// When the structure places no paragraph (or few), prose lines that
    /// are not page furniture are read, and chrome still is not.
    #[test]
    fn prose_lines_stand_in_for_missing_paragraphs() {
        let text = "Listen Live\n10:42 GMT\nGet short URL\n\nTOKYO, March 3 - Prime Minister Akiko Tanaka said on\n\
            Tuesday that Japan would cut tariffs, and the Bank of Japan backed\nthe plan.\n";
        let doc = Document::new(text);
        let mut s = structure::analyze(&doc, None);
        s.lede = None;
        s.body_paragraphs.clear();
        for label in &mut s.lines {
            label.kind = BlockKind::Boilerplate;
        }
        let tags = extract(&doc, &s, None);
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        assert!(names.contains(&"Akiko Tanaka"), "{names:?}");
        assert!(
            names.contains(&"Japan") && names.contains(&"Bank of Japan"),
            "{names:?}"
        );
        assert!(names.contains(&"Tokyo"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Live") || n.contains("GMT") || n.contains("URL")),
            "{names:?}"
        );
    }
}
