//! Language-independent features of one line: length, words, stopword
//! density, terminal punctuation, capitalisation, digits, lexicon hits, and
//! whether it opens with a dateline.

#[cfg(test)]
use foldhash::HashSet;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::BlockKind;
use super::lexicon::{Lexicon, Scan, Stopwords};
use crate::enrich::text::{is_lower, is_num, is_upper};

/// Only this much of a line's start is searched for a dateline.
const DATELINE_WINDOW: usize = 160;

/// The cache the dateline pattern's lazy DFA may fill. Its classes of
/// Unicode letters under counted repeats make an NFA whose lazy DFA needs a
/// cache of over 3 MB: under the regex crate's 2 MB default none is built and
/// every search runs the PikeVM, some 25 times slower on a line that passes
/// the prefilter. The cache grows only as states are met (a line's head is
/// at most [`DATELINE_WINDOW`] bytes), so the limit is a bound, not a cost.
const DATELINE_DFA_BYTES: usize = 8 << 20;

/// A dateline opening a line: `PLACE[, qualifier][, date] [(AGENCY)] —`,
/// `Place (AGENCY) -`, `(AGENCY) - PLACE, date -`, `МОСКВА, 3 окт — `,
/// `ЕКАТЕРИНБУРГ, 14 марта. /ТАСС/.`
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r"(?x)^(?:
            \(\p{Lu}[\p{L}/\x20.-]{1,20}\)\s*[-–—―]\s*\p{Lu}{2,}[^\n]{0,40}?[-–—―]\s
          | \p{Lu}[\p{Lu}\p{M}'’.-]+(?:[\s-]\p{Lu}[\p{Lu}\p{M}'’.-]*){0,3}
            (?:,\s*[^\n,()–—―/]{1,30}){0,3}\s*
            (?:(?:\(\s*[\p{L}][\p{L}/\x20.-]{0,25}\))?\s*[.]?\s*[-–—―]\s
              | /\s*\p{Lu}[\p{L}-]{1,15}\s*/\s*\.?)
          | \p{Lu}[\p{L}\p{M}'’.-]+(?:\s\p{Lu}[\p{L}\p{M}'’.-]+){0,2}(?:,[^\n()]{1,30})?
            \s*\(\s*[\p{L}][\p{L}/\x20.-]{0,25}\)\s*\.?\s*[-–—―]\s
        )",
    )
    .dfa_size_limit(DATELINE_DFA_BYTES)
    .build()
    .unwrap_or_else(|e| panic!("dateline pattern: {e}"))
});

/// Whether `text` opens with a dateline.
pub(crate) fn opens_with_dateline(text: &str) -> bool {
    /// A necessary condition for [`DATELINE`] to match `head`, tested first
    /// because the pattern's search is costly (a lazy DFA over a large NFA)
    /// and most lines fail it. Every form opens with `(` or a capital; every form
    /// but one holds a dash followed by a space (`[-–—―]\s`, which a hyphenated
    /// word does not have), and that one (`PLACE /AGENCY/`) opens with a
    /// capitalised run (its second char is no ASCII lowercase letter) and holds
    /// a slash.
    fn may_open_with_dateline(head: &str) -> bool {
        let mut chars = head.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        if first != '(' && !first.is_uppercase() {
            return false;
        }
        let capitals = first != '(' && chars.next().is_some_and(|c| !c.is_ascii_lowercase());
        // A capital then a lowercase letter ("Paris (AFP) -") leaves only the
        // form with the agency in parentheses: most prose lines end here.
        if first != '(' && !capitals && !head.contains('(') {
            return false;
        }
        (capitals && head.contains('/')) || dash_then_space(head)
    }

    /// Whether `head` holds a dash (`-`, `–`, `—`, `―`) followed by whitespace.
    fn dash_then_space(head: &str) -> bool {
        let bytes = head.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let width = match bytes[i] {
                b'-' => 1,
                // U+2013, U+2014, U+2015 in UTF-8.
                0xe2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0x93..=0x95)) =>
                {
                    3
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            i += width;
            if head[i..].chars().next().is_some_and(char::is_whitespace) {
                return true;
            }
        }
        false
    }

    let mut end = text.len().min(DATELINE_WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    if !may_open_with_dateline(head) {
        return false;
    }
    let Some(m) = DATELINE.find(head) else {
        return false;
    };
    // Something must follow the dateline, and the place must be a name, not
    // a shouted sentence: at most a few words before the first comma.
    let rest = head[m.end()..].trim_start();
    !rest.is_empty()
        && m.as_str()
            .split(',')
            .next()
            .is_some_and(|p| p.split_whitespace().count() <= 5)
}

/// The features of one line.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineFeatures {
    /// Characters, with CJK characters counted three times (they carry a
    /// word each).
    pub length: usize,
    /// Whitespace-separated words (CJK characters count half a word).
    pub words: usize,
    /// Share of words (CJK: characters) that are stopwords.
    pub stop_ratio: f32,
    /// Ends like a sentence.
    pub terminal: bool,
    /// Share of letters that are uppercase.
    pub upper_ratio: f32,
    /// Letters and digits.
    pub alnum: usize,
    /// Digits.
    pub digits: usize,
    /// Lexicon hits.
    pub scan: Scan,
    /// Lines on the page with the same text (this one included).
    pub repeats: usize,
    /// Lines on the page with the same text but for the figures in it
    /// (this one included; 0 for a line without digits): "Liked by 14
    /// readers", "posted 3 days ago in Forum" under every item of a list.
    pub shape_repeats: usize,
    /// Whether the raw line is indented.
    pub indented: bool,
    /// Opens with a dateline.
    pub dateline: bool,
    /// What the lexicons and the line's shape make it, when that is certain.
    pub strong: Option<BlockKind>,
    /// Holds a clock time or numeric date ("10:42", "14.03.2023", "5/3/20").
    pub clock: bool,
    /// Belongs to a hard-wrapped block: a line of a paragraph, not one.
    pub wrapped: bool,
    /// Shaped like a photo caption: a gallery counter opening it ("1 of
    /// 4 …") or a credit in brackets closing it ("… (NASA/Jane Doe)").
    pub caption: bool,
    /// Ends with a colon: it introduces what follows.
    pub colon_end: bool,
    /// Words that open with a lowercase letter.
    pub lower_words: usize,
    /// A full date with a name beside it ("November 20, 2019 Ana Ruiz",
    /// "Jan Berg 3. März 2021"): the date line of a byline, not a heading.
    pub dated_name: bool,
    /// Ends with an emoji or an emoticon ("… und das gefällt mir 😉",
    /// "Bis bald, ihr Lieben <3"): a blogger's closing line, not a link.
    pub emoticon_end: bool,
    /// Markup the flattener left as text, with next to no words outside
    /// it: an HTML tag line, a WordPress shortcode, a template tag.
    pub markup: bool,
    /// A PHP diagnostic printed into the page ("Warning: … on line 12").
    pub diagnostic: bool,
    /// A photo credit of names around a slash and nothing else ("PAP/
    /// Jan Nowak", "Jane Doe/Picture Desk").
    pub slash_credit: bool,
    /// Set between arrow chevrons (">> Harbour café reopens <<"): a
    /// flattened teaser link to another story.
    pub chevron_link: bool,
    /// Two headlines or more set between "+++" marks ("+++ Pier reopens
    /// +++ Ferry fares rise +++"): a news ticker's row of teasers.
    pub news_ticker: bool,
    /// The signature under an embedded post ("— Ana Ruiz (@anaruiz) May 3,
    /// 2024"): a dash, the poster's name and handle in brackets.
    pub post_signature: bool,
    /// Counts what a list shows of its items ("Showing 1 to 20 of 57
    /// results", "Treffer 11–20 von 134"): a shop's or an archive's pager.
    pub range_counter: bool,
    /// A link to a file that names its type and size ("Annual report PDF |
    /// 38 KB", "Download (ZIP, 3,9 MB)"): a download list's row.
    pub download_link: bool,
}

impl LineFeatures {
    /// Share of the line's letters and digits inside boilerplate phrases
    /// (digits count as covered: "0 comments", "Share 12").
    pub(crate) fn coverage(&self) -> f32 {
        if self.alnum == 0 {
            return 1.0;
        }
        ((self.scan.covered + self.digits) as f32 / self.alnum as f32).min(1.0)
    }

    /// [`Self::coverage`] with the prefix marker opening the line counted
    /// in: a box header is its marker alone ("Related", "Weiterlesen:").
    pub(crate) fn marker_coverage(&self) -> f32 {
        if self.alnum == 0 {
            return 1.0;
        }
        let covered = self.scan.covered + self.scan.prefix_covered + self.digits;
        (covered as f32 / self.alnum as f32).min(1.0)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

fn is_terminal(text: &str) -> bool {
    // Invisible format characters (zero-width spaces and joiners, the
    // invisible separator a recipe plug-in sets after each line) end a line
    // the reader sees ending with its stop.
    let trimmed = text.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '«' | '“' | ')' | ']' | '\u{a0}' | ' ' | '*'
                | '\u{200b}'..='\u{200d}'
                | '\u{2060}'..='\u{2064}'
                | '\u{feff}'
        )
    });
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '.']) && !trimmed.ends_with("...")
        || trimmed.ends_with("...") && trimmed.chars().count() > 60
}

/// Longest bracketed credit closing a caption, in bytes.
const CREDIT_MAX: usize = 80;

/// Whether `text` is shaped like a photo caption: it opens with a gallery
/// counter ("1 of 4", "2/10") or closes with a bracketed credit naming a
/// source and a person ("(AP Photo/Jane Doe)", "(© NASA)").
fn caption_shaped(text: &str) -> bool {
    let mut tokens = text.split_whitespace();
    let number =
        |t: Option<&str>| t.is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    let (a, b, c) = (tokens.next(), tokens.next(), tokens.next());
    // "1 of 4": a number, a short word, a number ("1 545 500" is a figure).
    let word = |w: &str| (1..=3).contains(&w.chars().count()) && !number(Some(w));
    if number(a) && b.is_some_and(word) && number(c) {
        return true;
    }
    let trimmed = text.trim_end();
    let Some(body) = trimmed.strip_suffix(')') else {
        return false;
    };
    let Some(open) = body.rfind('(') else {
        return false;
    };
    let credit = &body[open + 1..];
    open > 0 && credit.len() <= CREDIT_MAX && (credit.contains('/') || credit.contains('©'))
}

/// Most words of an unbracketed credit closing a caption.
const TAIL_CREDIT_WORDS: usize = 5;
/// Fewest words of the caption before an unbracketed credit.
const TAIL_CAPTION_WORDS: usize = 4;

/// Whether `text` closes with an unbracketed photo credit after its
/// caption: a copyright sign set off by a slash or a bar ("… at dawn / ©
/// Jan Berg", "… | (c) Jan Berg"), or names around a slash after the
/// caption's last full stop ("… at dawn. Harbour Press / Jan Berg"). An
/// article's sentence never ends in a bare name pair.
fn tail_credit(text: &str) -> bool {
    let t = text.trim_end();
    // Every form below needs a slash or a bar (the names-around-a-slash form
    // a slash after the last stop): two byte scans (core's memchr) rule out
    // most lines before three reverse substring searches over each.
    let bytes = t.as_bytes();
    if !bytes.contains(&b'/') && !bytes.contains(&b'|') {
        return false;
    }
    let capitalised = |words: &str| {
        let mut count = 0;
        let all = words.split_whitespace().filter(|w| *w != "/").all(|w| {
            count += 1;
            w.chars().next().is_some_and(char::is_uppercase) || w.contains('.')
        });
        all && !words.chars().any(|c| c.is_ascii_digit())
            && !is_terminal(words)
            && (1..=TAIL_CREDIT_WORDS).contains(&count)
    };
    let head_words = |head: &str| head.split_whitespace().count() >= TAIL_CAPTION_WORDS;
    for sep in [" / ", " | "] {
        let Some(at) = t.rfind(sep) else {
            continue;
        };
        let rest = t[at + sep.len()..].trim_start();
        let name = ["©", "(c)", "(C)"]
            .iter()
            .find_map(|sign| rest.strip_prefix(sign));
        if let Some(name) = name {
            return head_words(&t[..at]) && capitalised(name);
        }
    }
    let Some(stop) = t.rfind(". ") else {
        return false;
    };
    let rest = &t[stop + 2..];
    // An agency marks a picture from its archive with a lowercase "file"
    // after the credit ("… at dawn. Jan Berg/Harbour Press files").
    let rest = ["files", "file"]
        .iter()
        .find_map(|mark| rest.strip_suffix(mark)?.strip_suffix(' '))
        .unwrap_or(rest);
    rest.matches('/').count() == 1
        && rest.split_whitespace().filter(|w| *w != "/").count() >= 2
        && head_words(&t[..stop])
        && capitalised(rest)
}

/// Words that open a credit naming who took a picture ("By", "Par",
/// "Por", "Von", "Di", "Door").
const BY_CREDIT_CUES: &[&str] = &["By", "Par", "Por", "Von", "Di", "Door"];

/// Whether `text` closes with a credit in capitals after its caption's
/// last full stop ("… at dawn. By HARBOUR PRESS", "… au petit matin. Par
/// MARIE DUVAL"): an agency or a photographer named in the caption's own
/// line. A writer's sentence never ends in a name in capitals after such
/// a cue.
fn tail_by_credit(text: &str) -> bool {
    let t = text.trim_end();
    // Most lines end in a word with a small letter, which a name in
    // capitals has none of: decided before the search for stops, which
    // every line would pay for.
    if t.rsplit(' ')
        .next()
        .is_some_and(|last| last.chars().any(char::is_lowercase))
    {
        return false;
    }
    // The last stop a cue follows: the name's own stops ("U.S.") come after.
    let cued = |stop: usize| {
        BY_CREDIT_CUES
            .iter()
            .find_map(|cue| t[stop + 2..].strip_prefix(cue)?.strip_prefix(' '))
    };
    let Some((stop, name)) = t
        .match_indices(". ")
        .filter_map(|(stop, _)| cued(stop).map(|name| (stop, name)))
        .last()
    else {
        return false;
    };
    let words = name.split_whitespace().count();
    (1..=TAIL_CREDIT_WORDS + 1).contains(&words)
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
        && t[..stop].split_whitespace().count() >= TAIL_CAPTION_WORDS
}

/// Whether `text` is set between arrow chevrons (">> Harbour café reopens
/// <<", ">>> Order the new issue <<<"), the arrows a site draws around a
/// teaser link. A sentence or a console prompt (">>> x = 1") does not close
/// with them.
fn chevron_link(text: &str) -> bool {
    let t = text.trim();
    t.len() > 4 && t.starts_with(">>") && t.ends_with("<<")
}

/// The mark a news ticker sets between its headlines.
const TICKER_MARK: &str = "+++";

/// Whether `text` is a news ticker's row: two headlines or more, each
/// opened by a [`TICKER_MARK`] ("+++ Pier reopens +++ Ferry fares rise
/// +++"). A live blog's entry heads one item between a pair of marks
/// ("+++ 14:30 Uhr: Minister tritt zurück +++") and is the article's.
fn news_ticker(text: &str) -> bool {
    // The cheap test first: a line that opens with no mark builds no
    // searcher for it.
    text.trim_start().starts_with(TICKER_MARK)
        && text
            .split(TICKER_MARK)
            .skip(1)
            .filter(|item| !item.trim().is_empty())
            .count()
            >= 2
}

/// Longest line that counts a list's items, in words.
const RANGE_COUNTER_WORDS: usize = 14;
/// Words between a range's two numbers ("1 to 20", "11 bis 20").
const RANGE_TO: &[&str] = &["to", "bis", "à", "a", "al", "do", "tot", "-", "–"];
/// Words between a range and the total ("… of 57", "… von 134").
const RANGE_OF: &[&str] = &["of", "von", "sur", "de", "di", "z", "van"];
/// Words before the total ("… von insgesamt 134").
const RANGE_TOTAL: &[&str] = &["insgesamt", "total", "totale", "łącznie"];

/// Whether `text` counts what a list shows of its items: a range and the
/// total after it, in ascending order ("Showing 1 to 20 of 57 results",
/// "Treffer 11–20 von 134", "Wyniki 1 do 10 z 48"). A story gives its
/// figures with their units; only a pager counts its own items so.
fn range_counter(text: &str, f: &LineFeatures) -> bool {
    if f.digits < 3 || f.words > RANGE_COUNTER_WORDS {
        return false;
    }
    // At most the line's words and a few dashes: no allocation.
    let mut tokens = [""; RANGE_COUNTER_WORDS + 4];
    let mut n = 0;
    for t in text.split_whitespace() {
        if n == tokens.len() {
            return false;
        }
        tokens[n] = t.trim_matches(|c: char| matches!(c, '.' | ',' | '!' | ':' | '(' | ')'));
        n += 1;
    }
    let number = |t: &str| t.parse::<u64>().ok();
    let word = |t: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(t));
    (2..n).any(|end| {
        let Some(total) = number(tokens[end]) else {
            return false;
        };
        let mut j = end - 1;
        if word(tokens[j], RANGE_TOTAL) && j > 0 {
            j -= 1;
        }
        if !word(tokens[j], RANGE_OF) || j == 0 {
            return false;
        }
        let (from, to) = match tokens[j - 1].split_once(['-', '–']) {
            Some((a, b)) => (number(a), number(b)),
            None if j >= 3 && word(tokens[j - 2], RANGE_TO) => {
                (number(tokens[j - 3]), number(tokens[j - 1]))
            }
            None => (None, None),
        };
        matches!((from, to), (Some(a), Some(b)) if a <= b && b <= total && b > 0)
    })
}

/// Most bytes between a post signature's dash and its bracketed handle.
const SIGNATURE_NAME_BYTES: usize = 80;

/// Whether `text` signs an embedded post: it opens with a dash and names
/// the poster's handle in brackets soon after ("— Harbour Rowing
/// (@harbourrowing) 3 May 2024"), as a flattened tweet's last line does.
fn post_signature(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix(['—', '–']) else {
        return false;
    };
    let Some(at) = rest.find("(@") else {
        return false;
    };
    let handle = &rest[at + 2..];
    let len = handle
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    at <= SIGNATURE_NAME_BYTES
        && !rest[..at].trim().is_empty()
        && len > 0
        && handle[len..].starts_with(')')
}

/// Whether `text` ends with an emoji ("😉", "♥") or a typed emoticon
/// (":)", ";-)", "<3", "(:").
fn emoticon_end(text: &str) -> bool {
    let t = text.trim_end();
    let emoji = t
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c as u32, 0x1f300..=0x1faff | 0x2600..=0x27bf));
    emoji
        || [":)", ";)", ":-)", ";-)", ":D", "<3", "(:", "^^"]
            .iter()
            .any(|e| t.ends_with(e))
}

/// Labels that open a PHP diagnostic printed into a page.
const PHP_DIAGNOSTICS: [&str; 6] = [
    "Warning:",
    "Notice:",
    "Deprecated:",
    "Strict Standards:",
    "Fatal error:",
    "Parse error:",
];

/// Most letters and digits outside the markup of a markup line.
const MARKUP_TEXT_MAX: usize = 12;
/// Most letters and digits of the label a closed shortcode wraps.
const SHORTCODE_LABEL_MAX: usize = 40;

/// Whether `text` is markup a flattener kept as text, not the page's words:
/// a line opening with an HTML tag that carries attributes or closes on
/// the line (`<div class="…">`, `</p>`), a WordPress shortcode with
/// attributes or its closing tag (`[caption id="…"]…[/caption]`; a
/// footnote mark "[ii]" or an editor's "[sic]" has neither), or a template
/// tag (`{{ … }}`, `{% … %}`), with at most [`MARKUP_TEXT_MAX`] letters
/// and digits outside the tags. An embed's text inside its tag
/// (`<tweet …>Polls close at eight.</tweet>`) is the article's quote.
fn markup_residue(text: &str) -> bool {
    let t = text.trim_start();
    let b = t.as_bytes();
    let opens = match b.first() {
        Some(b'<') => {
            let name_start = usize::from(b.get(1) == Some(&b'/')) + 1;
            let name_len = b[name_start.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                .count();
            let after = b.get(name_start + name_len);
            // Tags are lowercase; a wire story's "<IBM> said …" names a
            // company's ticker in capitals.
            name_len > 0
                && b[name_start].is_ascii_lowercase()
                && matches!(after, Some(b' ' | b'>' | b'/'))
                && (t.contains("=\"") || t.contains("='") || after == Some(&b'>'))
        }
        Some(b'[') => {
            let name_len = b[1..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase() || **c == b'_')
                .count();
            if name_len < 3 {
                return false;
            }
            let name = &t[1..1 + name_len];
            let attrs = b.get(1 + name_len) == Some(&b' ')
                && t[1 + name_len..]
                    .split(']')
                    .next()
                    .is_some_and(|a| a.contains('='));
            let closed = t.match_indices("[/").any(|(at, _)| {
                t[at + 2..]
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(']'))
            });
            // A shortcode with attributes closed on its line wraps a
            // button's or a box's label ("[button link=…]Send us your
            // photos[/button]"): a page's widget, not the story's words.
            if attrs && closed && text_outside_markup(t) <= SHORTCODE_LABEL_MAX {
                return true;
            }
            attrs || closed
        }
        Some(b'{') => t.starts_with("{{") || t.starts_with("{%"),
        _ => false,
    };
    opens && text_outside_markup(t) <= MARKUP_TEXT_MAX
}

/// Letters and digits of `text` outside `<…>`, `[…]`, `{…}` and web
/// addresses (an embed's URL is markup too).
fn text_outside_markup(text: &str) -> usize {
    let mut depth = 0usize;
    let mut count = 0;
    let mut in_url = false;
    for (at, c) in text.char_indices() {
        match c {
            '<' | '[' | '{' => {
                depth += 1;
                in_url = false;
            }
            '>' | ']' | '}' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() => in_url = false,
            'h' if depth == 0 && !in_url && text[at..].starts_with("http") => in_url = true,
            c if depth == 0 && !in_url && c.is_alphanumeric() => count += 1,
            _ => {}
        }
    }
    count
}

/// File types a download link names, compared without regard to case.
const FILE_TYPES: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "zip", "epub",
    "mp3",
];
/// Units of a file's size ("38 KB", "3,9MB", "1,2 Mo", "12 Кб").
const SIZE_UNITS: &[&str] = &["kb", "mb", "gb", "ko", "mo", "go", "кб", "мб", "гб"];
/// Most words of a download link.
const DOWNLOAD_LINK_WORDS: usize = 20;

/// Whether a figure in `text` is followed by what can open a size's unit
/// (k, m or g, Latin or Cyrillic), past separators: a one-pass test that
/// holds for every line [`download_link`] takes, so that most lines with a
/// digit are not split into tokens.
fn figure_then_unit(text: &str) -> bool {
    text.match_indices(|c: char| c.is_ascii_digit())
        .any(|(i, _)| {
            text[i + 1..]
                .trim_start_matches(|c: char| c.is_whitespace() || "|()[],;.".contains(c))
                .starts_with(['k', 'm', 'g', 'K', 'M', 'G', 'к', 'м', 'г', 'К', 'М', 'Г'])
        })
}

/// Whether `text` is a link to a file that states the file's type and size
/// ("Informationsblatt vom 3. Mai PDF | 38 KB", "Download (ZIP, 20,5
/// MB)", "Rapport annuel (pdf, 1,2 Mo)"): a download list's row, which a
/// writer's sentence never is. A link states no stop.
fn download_link(text: &str, f: &LineFeatures) -> bool {
    if f.digits == 0 || f.terminal || f.words > DOWNLOAD_LINK_WORDS || !figure_then_unit(text) {
        return false;
    }
    let is_type = |t: &str| FILE_TYPES.iter().any(|ty| t.eq_ignore_ascii_case(ty));
    // Compared char by char: a line's tokens are not lowercased one String
    // each.
    let is_unit = |t: &str| {
        SIZE_UNITS
            .iter()
            .any(|u| t.chars().flat_map(char::to_lowercase).eq(u.chars()))
    };
    let is_number = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    // A size is a figure and a unit, apart ("38 KB") or glued ("7MB"). One
    // pass over the tokens, which every line with a digit pays for.
    let (mut sized, mut typed, mut figure_before) = (false, false, false);
    for t in text
        .split(|c: char| c.is_whitespace() || "|()[],;".contains(c))
        .filter(|t| !t.is_empty())
    {
        typed |= is_type(t);
        let glued = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .is_some_and(|at| at > 0 && is_number(&t[..at]) && is_unit(&t[at..]));
        sized |= glued || figure_before && is_unit(t);
        if sized && typed {
            return true;
        }
        figure_before = is_number(t);
    }
    false
}

/// Most words of a slash credit.
const SLASH_CREDIT_WORDS: usize = 5;

/// Whether `text` is a photo credit of capitalised names (an agency, a
/// photographer, a picture site) around one slash, with no figures and no
/// closing stop: "PAP/ Jan Nowak", "Jane Doe / Picture Desk",
/// "Kari Berg/imagebank.example.se".
fn slash_credit(text: &str, f: &LineFeatures) -> bool {
    if f.terminal || f.digits > 0 || f.words > SLASH_CREDIT_WORDS || text.matches('/').count() != 1
    {
        return false;
    }
    let Some((left, right)) = text.split_once('/') else {
        return false;
    };
    let named = |side: &str| {
        let mut words = side.split_whitespace().peekable();
        words.peek().is_some()
            && words.all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.contains('.'))
    };
    // Two names around it, or a name and a site: not "and/or", not a path.
    named(left)
        && named(right)
        && left.split_whitespace().count() + right.split_whitespace().count() >= 3
}

/// Whether `text` is a PHP diagnostic naming its source line.
fn php_diagnostic(text: &str) -> bool {
    PHP_DIAGNOSTICS.iter().any(|p| text.starts_with(p))
        && text
            .split(" on line ")
            .nth(1)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Words of a line of a date and a name: three for the date, two or more
/// for the name, at most a few more.
const DATED_NAME_WORDS: std::ops::RangeInclusive<usize> = 5..=8;

/// Whether `text` (with its features `f` counted so far) is a full date
/// with a name beside it and nothing else: no lowercase word but a month or
/// a short link word ("12 de marzo", "12 mars"), no brackets or colons, a
/// day and a year (not a month alone, "April 2018"), not shouted like a
/// wire headline.
fn dated_name(text: &str, f: &LineFeatures, lexicon: &Lexicon) -> bool {
    let plain = DATED_NAME_WORDS.contains(&f.words)
        && !f.terminal
        && f.scan.date_covered >= 3
        && f.digits >= 5
        && f.upper_ratio < 0.5
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | '/' | '\u{a0}'));
    plain
        && text
            .split(|c: char| c.is_whitespace())
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|t| t.chars().next().is_some_and(char::is_lowercase))
            .all(|t| t.chars().count() <= 3 || lexicon.is_date_word(t))
}

/// Computes the features of `text` with the stopwords of the page language.
#[cfg(test)]
pub(crate) fn features(text: &str, lexicon: &Lexicon, stopwords: &HashSet<String>) -> LineFeatures {
    let folded = super::lexicon::FoldedLines::new(std::iter::once(text));
    let words = crate::enrich::text::words(text);
    let list = stopword_list(stopwords);
    features_folded(
        text,
        folded.line(0),
        folded.map(0),
        &words,
        lexicon,
        Stopwords::new(&list, 1),
        &|| None,
    )
}

/// The words of `stopwords`, filed as one language's list: tests hand in a
/// set.
#[cfg(test)]
fn stopword_list(stopwords: &HashSet<String>) -> crate::enrich::text::SlotMap<u16> {
    crate::enrich::text::SlotMap::new(stopwords.iter().map(|w| (w.as_str(), 1)))
}

/// Counts of a line's whitespace-separated words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordCounts {
    /// Words, CJK ones left out.
    words: usize,
    /// Of those, the words opening with a lowercase letter.
    lower: usize,
    /// Of those, the stopwords.
    stop: usize,
}

/// Counts the words of `text`, which `split` holds as
/// [`crate::enrich::text::words_into`] splits them (the split
/// [`crate::enrich::document::Document::words`] shares).
///
/// A word here is not a word of `split`: it is a whitespace-separated token
/// with the non-alphanumeric chars at its ends trimmed ("(AP)" → "AP",
/// "foo/bar" and "a--b" are one word each, "3 ½" two), and a token holding a
/// CJK char is left out. Each such token is the run of `split` words with no
/// whitespace between them, from the first one's start to the last one's
/// end: a split word starts and ends with a letter or digit, never holds
/// whitespace, and every letter and digit is in one. So the tokens are read
/// off the shared split instead of splitting the line again, and each is the
/// same slice the whitespace split gave.
///
/// `lowercase` gives the line's lowercase in step with it, when the
/// document has one ([`crate::enrich::document::Document::lowercase`]): a
/// capitalised word outside ASCII is looked up by its slice of it, not
/// lowercased into a String of its own. It is asked only at such a word, so
/// a page without one never makes the document's lowercase here.
fn count_words<'l>(
    text: &str,
    split: &[(usize, &str)],
    stopwords: Stopwords<'_>,
    lowercase: &dyn Fn() -> Option<&'l str>,
) -> WordCounts {
    let mut counts = WordCounts::default();
    let mut k = 0;
    while k < split.len() {
        let (start, first) = split[k];
        let mut end = start + first.len();
        k += 1;
        while let Some(&(next, word)) = split.get(k) {
            let gap = &text[end..next];
            if gap.bytes().any(|b| b == b' ') || gap.chars().any(char::is_whitespace) {
                break;
            }
            end = next + word.len();
            k += 1;
        }
        let token = &text[start..end];
        let ascii = token.is_ascii();
        if !ascii && token.chars().any(is_cjk) {
            continue;
        }
        counts.words += 1;
        if token.chars().next().is_some_and(is_lower) {
            counts.lower += 1;
        }
        // An ASCII word's lowercase is its ASCII lowercase: looked up as
        // written, byte by byte lowercased.
        let stopword = if ascii {
            stopwords.contains_ascii_lowercase(token)
        } else if token.chars().all(|c| !is_upper(c)) {
            stopwords.contains(token)
        } else if let Some(lower) = lowercase().and_then(|l| l.get(start..end)) {
            stopwords.contains(lower)
        } else {
            crate::enrich::text::with_lowercase(token, |lower| stopwords.contains(lower))
        };
        counts.stop += usize::from(stopword);
    }
    counts
}

// Eight bytes of a line at a time, read as one `u64`: the ASCII counts of
// `features_folded` and the digit search of structure's `shape_hash`.
// memchr finds given bytes, not classes of them, so these few lines are
// written here.

/// The high bit of each of eight bytes.
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
/// The low bit of each of eight bytes.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);

/// The high bit set in each byte of `word` (eight ASCII bytes, read little
/// endian) from `lo` to `hi`: a byte below 0x80 plus `0x80 - lo` reaches the
/// high bit when it is `lo` or more, plus `0x7f - hi` when it is above `hi`,
/// and neither sum carries into the next byte.
fn ascii_between(word: u64, lo: u8, hi: u8) -> u64 {
    let from_lo = word + ONES * u64::from(0x80 - lo);
    let above_hi = word + ONES * u64::from(0x7f - hi);
    from_lo & !above_hi & HIGHS
}

/// How many bytes of [`ascii_between`]'s answer are flagged: the flags
/// shifted to the low bit of each byte and summed into the top byte by one
/// multiplication (at most eight: no carry).
fn flags(high_bits: u64) -> usize {
    ((high_bits >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The index of the first ASCII digit in `bytes`, eight bytes at a time: most
/// of a line with a figure is words.
pub(super) fn first_digit(bytes: &[u8]) -> Option<usize> {
    const ZEROS: u64 = u64::from_ne_bytes([b'0'; 8]);
    let mut chunks = bytes.chunks_exact(8);
    for (n, chunk) in chunks.by_ref().enumerate() {
        // The digits become the bytes below 10; the lowest flagged byte is
        // exact (a borrow only flags bytes above a true one).
        // (`chunks_exact` yields eight bytes; the 0 is never taken.)
        let word = chunk.try_into().map_or(0, u64::from_le_bytes) ^ ZEROS;
        let below_ten = word.wrapping_sub(10 * ONES) & !word & HIGHS;
        if below_ten != 0 {
            return Some(n * 8 + below_ten.trailing_zeros() as usize / 8);
        }
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(u8::is_ascii_digit)
        .map(|i| bytes.len() - tail.len() + i)
}

/// Computes the features of `text`, given its folding and the map back (see
/// [`super::lexicon::FoldedLines`]) and its words as
/// [`crate::enrich::document::Document::words`] splits them, with the
/// stopwords of the page language. `lowercase` gives the line's lowercase in
/// step with it, if any (see [`count_words`]).
pub(crate) fn features_folded<'l>(
    text: &str,
    folded: &str,
    map: &[u32],
    split: &[(usize, &str)],
    lexicon: &Lexicon,
    stopwords: Stopwords<'_>,
    lowercase: &dyn Fn() -> Option<&'l str>,
) -> LineFeatures {
    let mut f = LineFeatures::default();
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut cjk = 0usize;
    let mut cjk_stop = 0usize;
    let mut chars = 0usize;
    let mut buf = [0u8; 4];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at once: most of a page.
        if let Some(word) = bytes.get(i..i + 8).and_then(|w| w.try_into().ok()) {
            let word = u64::from_le_bytes(word);
            if word & HIGHS == 0 {
                let (capitals, small) = (
                    ascii_between(word, b'A', b'Z'),
                    ascii_between(word, b'a', b'z'),
                );
                let figures = ascii_between(word, b'0', b'9');
                let (caps, lows, figs) = (flags(capitals), flags(small), flags(figures));
                letters += caps + lows;
                upper += caps;
                f.alnum += caps + lows + figs;
                f.digits += figs;
                chars += 8;
                if figs > 0 && !f.clock {
                    // Digits are rare: the clock test of the byte loop below
                    // at each of them.
                    let mut at = figures;
                    while at != 0 {
                        let j = i + at.trailing_zeros() as usize / 8;
                        f.clock |= j >= 2
                            && matches!(bytes[j - 1], b':' | b'.' | b'/')
                            && bytes[j - 2].is_ascii_digit();
                        at &= at - 1;
                    }
                }
                i += 8;
                continue;
            }
        }
        chars += 1;
        let b = bytes[i];
        if b < 0x80 {
            // ASCII: the classes below without decoding a char.
            i += 1;
            if b.is_ascii_alphabetic() {
                letters += 1;
                upper += usize::from(b.is_ascii_uppercase());
                f.alnum += 1;
            } else if b.is_ascii_digit() {
                f.alnum += 1;
                f.digits += 1;
                // A clock or a date ("10:42", "17.10", "2/3"): a digit, a
                // colon, full stop or slash and this digit, byte after byte.
                f.clock |= i >= 3
                    && matches!(bytes[i - 2], b':' | b'.' | b'/')
                    && bytes[i - 3].is_ascii_digit();
            }
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        // A letter is alphanumeric: `is_alnum` is asked only of the rest.
        if crate::enrich::text::is_alpha(c) {
            letters += 1;
            if is_upper(c) {
                upper += 1;
            }
            f.alnum += 1;
        } else if crate::enrich::text::is_alnum(c) {
            f.alnum += 1;
        }
        if is_num(c) {
            f.digits += 1;
        }
        if is_cjk(c) {
            cjk += 1;
            if stopwords.contains(c.encode_utf8(&mut buf) as &str) {
                cjk_stop += 1;
            }
        }
    }
    let WordCounts { words, lower, stop } = count_words(text, split, stopwords, lowercase);
    f.lower_words = lower;
    f.length = chars + 2 * cjk;
    f.words = words + cjk / 2;
    f.stop_ratio = if cjk > words {
        cjk_stop as f32 / cjk.max(1) as f32
    } else {
        stop as f32 / words.max(1) as f32
    };
    f.terminal = is_terminal(text);
    f.upper_ratio = upper as f32 / letters.max(1) as f32;
    f.scan = lexicon.scan_folded(text, folded, map);
    f.dateline = opens_with_dateline(text);
    f.caption = caption_shaped(text) || tail_credit(text) || tail_by_credit(text);
    f.colon_end = text.trim_end().ends_with([':', '：']);
    f.dated_name = dated_name(text, &f, lexicon);
    f.emoticon_end = emoticon_end(text);
    f.markup = markup_residue(text);
    f.diagnostic = php_diagnostic(text);
    f.slash_credit = slash_credit(text, &f);
    f.chevron_link = chevron_link(text);
    f.news_ticker = news_ticker(text);
    f.post_signature = post_signature(text);
    f.range_counter = range_counter(text, &f);
    f.download_link = download_link(text, &f);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_signatures() {
        for line in [
            "— Harbour Ferries (@harbourferries) June 3, 2024",
            "– Hafenfähre Nord (@hafenfaehre_nord) 3. Juni 2024",
            "— Ana Ruiz 🌊 (@ana_ruiz)",
        ] {
            assert!(post_signature(line), "{line}");
        }
        for line in [
            "— (@harbourferries) June 3, 2024",
            "Harbour Ferries (@harbourferries) June 3, 2024",
            "— Follow us @harbourferries",
            "— The council (@ the town hall) said so.",
            "- Ana Ruiz (@ana_ruiz)",
        ] {
            assert!(!post_signature(line), "{line}");
        }
    }

    #[test]
    fn download_links() {
        let lexicon = super::super::lexicon::get();
        let stop = lexicon.stopwords(Some("de"));
        let link = |t: &str| download_link(t, &features(t, lexicon, stop));
        for line in [
            "Merkblatt zur Hundesteuer vom 3. Mai 2023 PDF | 45 KB | Datei ist barrierefrei",
            "Download (ZIP 12,4 MB)",
            "Jahresbericht 2022 (pdf, 2MB)",
            "Rapport annuel de la commune (PDF, 1,2 Mo)",
            "Annual report 2023 [PDF 3.1 MB]",
        ] {
            assert!(link(line), "{line}");
        }
        for line in [
            "The council published a 40-page PDF of 2 MB on Monday.",
            "Die Datei ist 38 KB groß und steht als PDF bereit.",
            "PDF-Formulare für die Steuererklärung",
            "Speicher: 512 MB RAM, 16 GB Flash",
        ] {
            assert!(!link(line), "{line}");
        }
    }

    #[test]
    fn slash_credits() {
        let lexicon = super::super::lexicon::get();
        let stop = lexicon.stopwords(Some("en"));
        let credit = |t: &str| slash_credit(t, &features(t, lexicon, stop));
        for line in [
            "PAP/ Jan Nowak",
            "Jane Doe / Picture Desk",
            "Kari Berg/imagebank.example.se",
        ] {
            assert!(credit(line), "{line}");
        }
        for line in [
            "Ukraine/Russia",
            "News / Sport",
            "Jane Doe / Picture Desk / Archive",
            "Results 2024/25 season",
            "The and/or question.",
        ] {
            assert!(!credit(line), "{line}");
        }
    }

    #[test]
    fn markup_left_by_the_flattener_is_residue() {
        for line in [
            "<div class=\"entry-meta\" id=\"post-77\">",
            "</figure>",
            "<p>",
            "[gallery ids=\"12,14,19\" columns=\"3\"]",
            "[caption id=\"attachment_9\" align=\"alignleft\"]Boats at dawn[/caption]",
            "[embed]https://video.example.org/v/123[/embed]",
            "{{ post.author_name }}",
            "{% include 'share.html' %}",
            "[button link=\"https://example.org/send-photos/\" size=\"big\"] Send us your photos[/button]",
        ] {
            assert!(markup_residue(line), "{line}");
        }
        assert!(php_diagnostic(
            "Warning: Cannot modify header information in /var/www/site/index.php on line 42"
        ));
        assert!(php_diagnostic(
            "Deprecated: Function create_function() is deprecated in /srv/wp/theme.php on line 7"
        ));
        assert!(!php_diagnostic(
            "Warning: storms are expected across the coast on Friday."
        ));
        for line in [
            "[ii] The council published its figures a week later.",
            "\u{201c}We gave [child] a bike,\u{201d} she said.",
            "<3 Bis bald!",
            "<NORTHWIND TRADING CO> said it expects higher sales.",
            "Warning: storms are expected across the coast on Friday.",
            "The notice was posted on line 4 of the tram network.",
            "[sic] is how the letter spelled it.",
            "<quote source=\"@harbourwatch\">Ferries resume at noon, the port says.</quote>",
        ] {
            assert!(!markup_residue(line), "{line}");
        }
    }

    #[test]
    fn datelines_in_house_styles() {
        for line in [
            "WASHINGTON (AP) — A Senate committee voted",
            "PITTSBURGH, Feb 26 - National Intergroup said",
            "ROCHESTER, N.Y., Feb 26 - The company",
            "IZMAIL, Ukraine, Oct 17 (Reuters) - Ukraine will",
            "Berlin (dpa) - Im Tarifstreit",
            "Hamburg (dpa/lno) - Eine neue Hafenfähre",
            "МОСКВА, 3 окт — РИА Новости. Большую",
            "ЕКАТЕРИНБУРГ, 14 марта. /ТАСС/. Движение",
            "(ANSA) - ROMA, 17 OTT - Entro la fine",
            "MADRID, 5 mar (EFE).- El Banco de España",
            "WASHINGTON ― Donald Trump's obsession",
        ] {
            assert!(opens_with_dateline(line), "{line}");
        }
        for line in [
            "The dollar has hit its highest level",
            "Google Stadia, Microsoft xCloud - WSJ",
            "Mr Smith (Labour) said on Monday",
            "Prices rose sharply - and then fell back",
            "Zwei Tage später – und alles war anders",
        ] {
            assert!(!opens_with_dateline(line), "{line}");
        }
    }

    /// The larger lazy-DFA cache changes which engine searches, never a
    /// match: the pattern finds what it finds under the regex crate's
    /// default limits (its speed is measured in `bench/profile.sh`).
    #[test]
    fn the_dateline_pattern_matches_as_under_default_limits() {
        let default = Regex::new(DATELINE.as_str()).expect("dateline pattern");
        let lines = [
            "ЕКАТЕРИНБУРГ, 14 марта. /ТАСС/. Движение",
            "(ANSA) - ROMA, 17 OTT - Entro la fine",
            "MADRID, 5 mar (EFE).- El Banco de España",
            "HAMBURG, 3. Mai (dpa) - Der Hafen meldet",
            "Toulouse (AFP) - Les pilotes ont voté",
            "KRAKÓW, 12 maja - Rada miasta zdecydowała",
            "WASHINGTON ― The harbour bill passed late on Tuesday",
            "Prices Rose Sharply - and then fell back",
        ];
        let mut found = 0;
        for line in lines {
            let span = |re: &Regex| re.find(line).map(|m| m.range());
            assert_eq!(span(&DATELINE), span(&default), "{line}");
            found += usize::from(span(&DATELINE).is_some());
        }
        assert!((1..lines.len()).contains(&found), "{found}");
    }

    #[test]
    fn range_counters() {
        let lexicon = super::super::lexicon::get();
        let stop = lexicon.stopwords(None);
        let counter = |t: &str| range_counter(t, &features(t, lexicon, stop));
        for line in [
            "Showing 1 to 20 of 57 results",
            "Showing 1–12 of 57 results",
            "Treffer 11 bis 20 von insgesamt 134",
            "Wyniki 1 do 10 z 48",
            "Résultats 21 à 40 sur 96",
        ] {
            assert!(counter(line), "{line}");
        }
        for line in [
            "The score went from 3 to 1 of the 20 games.",
            "Showing 20 to 1 of 57 results",
            "Treffer 11 bis 200 von 134",
            "Der Zug fährt um 10 bis 12 Uhr ab.",
        ] {
            assert!(!counter(line), "{line}");
        }
    }

    #[test]
    fn chevron_links() {
        assert!(chevron_link(">> Harbour café reopens after the storm <<"));
        assert!(chevron_link(">>> Neue Ausgabe jetzt bestellen <<<"));
        for line in [
            ">>> x = [1, 2, 3]",
            ">> Read the full report",
            "The ratio fell to 1 << 3 in the test.",
            ">><<",
        ] {
            assert!(!chevron_link(line), "{line}");
        }
    }

    #[test]
    fn news_tickers() {
        for line in [
            "+++ Pier reopens after the storm +++ Ferry fares rise in spring +++",
            "+++ Hafenfest abgesagt +++ Neue Buslinie ab Montag +++ Bürgermeister tritt an +++",
            "+++ Le port rouvre +++ Hausse des tarifs du ferry",
        ] {
            assert!(news_ticker(line), "{line}");
        }
        for line in [
            "+++ 14:30 Uhr: Minister tritt zurück +++",
            "+++ Breaking +++",
            "The score went from 3 +++ to 4 +++ in the lab's notation.",
        ] {
            assert!(!news_ticker(line), "{line}");
        }
    }

    #[test]
    fn unbracketed_credits_close_captions() {
        for line in [
            "Der Bürgermeister eröffnet die neue Brücke am Hafen. Stadtwerke / Jan Berg",
            "Les bateaux rentrent au port au petit matin / (C) Marie Duval",
            "Fishing boats return to the harbour at dawn | © Harbour Press",
            "Kolarze na starcie wyścigu w Gdańsku. PAP/Adam Nowicki",
            "Ferry crews load the first electric boat at the quay. Jan Berg/Harbour Press files",
            "Los pescadores vuelven al puerto al amanecer. Marta Ruiz/Agencia Costa file",
        ] {
            assert!(tail_credit(line), "{line}");
        }
        for line in [
            "The council voted on Monday. Both sides said they would appeal.",
            "Prices rose. Input / output figures come next week with 12 charts",
            "Read more. News / Sport",
            "Lunch and/or dinner will be served at the harbour hall.",
            "The table shows the ratio of imports / exports for 2023",
            "Elle a signé le contrat / (c) ce qui suit est une annexe.",
            "The council kept the records. Staff can read the minutes/agenda files",
        ] {
            assert!(!tail_credit(line), "{line}");
        }
    }

    #[test]
    fn credits_in_capitals_close_captions() {
        for line in [
            "Fishing boats return to the harbour at dawn. By HARBOUR PRESS",
            "Les bateaux rentrent au port au petit matin. Par MARIE DUVAL",
            "Los pescadores vuelven al puerto al amanecer. Por AGENCIA COSTA",
            "Agents unload the seized boat at the ramp. By U.S. COAST GUARD",
        ] {
            assert!(tail_by_credit(line), "{line}");
        }
        for line in [
            "The council voted on Monday. By a wide margin.",
            "The ferry left at dawn. By NOON it had reached the island and 12 cars",
            "Prices rose. By Jane Doe",
            "Vote. By NATO",
            "Les bateaux rentrent au port. Par ailleurs, la pêche reprend.",
        ] {
            assert!(!tail_by_credit(line), "{line}");
        }
    }

    #[test]
    fn caption_shapes() {
        assert!(caption_shaped(
            "1 of 4 Commuters wait at the station on Monday."
        ));
        assert!(caption_shaped(
            "Die Fähre am Anleger. (Foto: dpa/Jonas Berg)"
        ));
        assert!(caption_shaped("Vue du port au matin. (© Ville de Brest)"));
        assert!(!caption_shaped("The council (Labour) voted on Monday."));
        assert!(!caption_shaped("(Reuters/Jane Doe)"));
        assert!(!caption_shaped("1 250 000 visitors came to the fair"));
        assert!(caption_shaped("2 / 9 Le port de Brest au petit matin"));
        assert!(!caption_shaped(
            "In 2019 the line carried 4 million people."
        ));
    }

    /// The word counts as `features_folded` took them before it read the
    /// shared split, splitting the line on whitespace itself: the reference
    /// [`count_words`] must reproduce.
    fn reference_counts(text: &str, stopwords: &HashSet<String>) -> WordCounts {
        let mut counts = WordCounts::default();
        for token in text.split(|c: char| c.is_whitespace()) {
            let token = token.trim_matches(|c: char| !c.is_alphanumeric());
            if token.is_empty() || token.chars().any(is_cjk) {
                continue;
            }
            counts.words += 1;
            if token.chars().next().is_some_and(char::is_lowercase) {
                counts.lower += 1;
            }
            let stopword = if token.chars().all(|c| !c.is_uppercase()) {
                stopwords.contains(token)
            } else {
                stopwords.contains(&token.to_lowercase())
            };
            counts.stop += usize::from(stopword);
        }
        counts
    }

    /// The clock test read from the byte loop finds a digit, a separator
    /// and a digit wherever three byte windows do: on every string of up to
    /// four chars over digits, the separators, a letter, a two-byte letter,
    /// a space and a full-width digit.
    #[test]
    fn clocks_found_in_the_byte_loop_match_three_byte_windows() {
        let lexicon = super::super::lexicon::get();
        let stop = lexicon.stopwords(Some("en"));
        let windows = |text: &str| {
            text.as_bytes().windows(3).any(|w| {
                w[0].is_ascii_digit() && matches!(w[1], b':' | b'.' | b'/') && w[2].is_ascii_digit()
            })
        };
        let alphabet = ['1', '9', ':', '.', '/', 'a', 'é', ' ', '\u{ff11}'];
        crate::enrich::text::for_every_string(&alphabet, 1..=4, |text| {
            assert_eq!(
                features(text, lexicon, stop).clock,
                windows(text),
                "{text:?}"
            );
        });
        assert!(features("Updated 10:42 GMT", lexicon, stop).clock);
        assert!(!features("Version 2 . 3", lexicon, stop).clock);
    }

    /// The char classes the byte loop counts, as it took them before a
    /// letter skipped the `is_alnum` test: every char asked every class. On
    /// every string of up to four chars over letters of both cases (ASCII,
    /// Latin-1, Cyrillic), a digit, a superscript digit, a Roman numeral
    /// (a letter and a number), a CJK letter, a space and a dot.
    #[test]
    fn char_classes_of_the_byte_loop_match_asking_every_class() {
        use crate::enrich::text::{is_alnum, is_alpha};
        let lexicon = super::super::lexicon::get();
        let stop = lexicon.stopwords(Some("en"));
        let alphabet = [
            'a', 'A', '7', '\u{e9}', '\u{c9}', '\u{434}', '\u{414}', '\u{b2}', '\u{216b}', '東',
            ' ', '.',
        ];
        crate::enrich::text::for_every_string(&alphabet, 1..=4, |text| {
            let f = features(text, lexicon, stop);
            let count = |class: &dyn Fn(char) -> bool| text.chars().filter(|&c| class(c)).count();
            let letters = count(&is_alpha);
            let upper = count(&|c| is_alpha(c) && is_upper(c));
            assert_eq!(f.alnum, count(&is_alnum), "{text:?}");
            assert_eq!(f.digits, count(&is_num), "{text:?}");
            assert_eq!(
                f.upper_ratio,
                upper as f32 / letters.max(1) as f32,
                "{text:?}"
            );
        });
    }

    /// The eight-byte reading of ASCII counts what the byte loop counts,
    /// whatever byte of a word a char falls on: every string of up to two
    /// chars over the bytes at either end of the letter and digit ranges (and
    /// a clock's separators, a two-byte letter, a space), and of three over
    /// digits, separators and a letter, set at each offset of a word between
    /// ASCII letters.
    #[test]
    fn eight_ascii_bytes_at_once_count_as_the_byte_loop() {
        use crate::enrich::text::{is_alnum, is_alpha};
        let lexicon = super::super::lexicon::get();
        let stop = lexicon.stopwords(Some("en"));
        let alphabet = [
            '@', 'A', 'Z', '[', '`', 'a', 'z', '{', '/', '0', '9', ':', '.', ' ', '\u{e9}',
        ];
        let clocks = ['0', '9', ':', '.', '/', 'a'];
        let mut middles = Vec::new();
        crate::enrich::text::for_every_string(&alphabet, 1..=2, |s| middles.push(s.to_owned()));
        crate::enrich::text::for_every_string(&clocks, 3..=3, |s| middles.push(s.to_owned()));
        for middle in &middles {
            for before in 0..8 {
                let text = format!("{}{middle}{}", "x".repeat(before), "Q".repeat(9));
                let f = features(&text, lexicon, stop);
                let count =
                    |class: &dyn Fn(char) -> bool| text.chars().filter(|&c| class(c)).count();
                let letters = count(&is_alpha);
                let upper = count(&|c| is_alpha(c) && is_upper(c));
                assert_eq!(f.alnum, count(&is_alnum), "{text:?}");
                assert_eq!(f.digits, count(&is_num), "{text:?}");
                assert_eq!(f.length, text.chars().count(), "{text:?}");
                assert_eq!(
                    f.upper_ratio,
                    upper as f32 / letters.max(1) as f32,
                    "{text:?}"
                );
                let clock = text.as_bytes().windows(3).any(|w| {
                    w[0].is_ascii_digit()
                        && matches!(w[1], b':' | b'.' | b'/')
                        && w[2].is_ascii_digit()
                });
                assert_eq!(f.clock, clock, "{text:?}");
            }
        }
    }

    #[test]
    fn word_counts_from_the_shared_split_match_a_whitespace_split() {
        let stopwords: HashSet<String> = "a a-a a.a a'a a/a é l\u{2019}a a--a a."
            .split(' ')
            .map(str::to_owned)
            .collect();
        let list = stopword_list(&stopwords);
        let check = |text: &str| {
            let split = crate::enrich::text::words(text);
            let expected = reference_counts(text, &stopwords);
            // Without the line's lowercase and with it (every char here
            // lowercases to one of its own width: in step).
            let lower = text.to_lowercase();
            assert_eq!(lower.len(), text.len(), "{text:?}");
            for lowercase in [None, Some(lower.as_str())] {
                assert_eq!(
                    count_words(text, &split, Stopwords::new(&list, 1), &|| lowercase),
                    expected,
                    "{text:?} {lowercase:?}"
                );
            }
        };
        for text in [
            "",
            "WASHINGTON (AP) — A Senate committee voted",
            "foo/bar a--b U.S. \u{2018}quoted\u{2019} 3\u{a0}½ l\u{2019}État",
            "東京 の天気 abc・def 2026年 mixed東京word",
            "A/A a.a. (a'a) A-A \u{2014}a\u{2014} ...",
        ] {
            check(text);
        }
        // Letters of both cases (ASCII and not), a digit, joiners, breaks that
        // are and are not whitespace, a CJK letter and a CJK non-letter.
        let alphabet = [
            'a', 'A', '7', '\'', '\u{2019}', '-', '.', '/', ' ', '\u{a0}', '\n', 'é', 'É', '東',
            '・',
        ];
        crate::enrich::text::for_every_string(&alphabet, 1..=5, check);
    }

    #[test]
    fn terminal_punctuation() {
        assert!(is_terminal("He left."));
        assert!(is_terminal("“We will,” she said.”"));
        assert!(!is_terminal("Danube barge route to carry grain"));
        assert!(is_terminal("他走了。"));
        // A recipe plug-in's invisible separator after the stop.
        assert!(is_terminal("Drain the noodles well.\u{2063}"));
        assert!(is_terminal("Serve at once.\u{200b}"));
        assert!(!is_terminal("Two cups of rice\u{2063}"));
    }
}
