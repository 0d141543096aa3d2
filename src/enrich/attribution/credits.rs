//! Photo, video, graphic and wire credits: "© AFP 2019 / BRENDAN
//! SMIALOWSKI", "Photo: Reuters/John Doe", "Image Credit: WeWork", "Getty
//! Images", "Фото: РИА Новости". Read from every line of the page.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon;
use super::{Credit, CreditKind};
use crate::enrich::Span;
use crate::enrich::document::Document;
use crate::enrich::structure::{BlockKind, Structure};

/// The longest line read for credits, in bytes (captions are short).
const MAX_LINE: usize = 400;

/// A credit label and what follows it. The label words are the usual ones in
/// the languages copydesk reads (en, de, fr, es, it, pt, ru, uk, pl, nl).
static LABELED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s(\[|])(?P<label>photos?|photograph|photo credit|image credit|images?|picture|pictures|pics?|video|videos|graphic|graphics|illustration|credit|credits|fotos?|bild|bilder|foto credit|crédits?(?: photo)?|imagen|immagine|фото|видео|фотография|zdjęcie|fot\.)(?:\s+(?:by|credit|von|de|di|par))?\s*[:：]\s*(?P<rest>[^()\[\]\n|]{2,120})",
    )
    .expect("constant regex")
});

/// "© AFP 2019 / …", "(c) Reuters".
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:©|\(c\)|copyright)\s*(?P<rest>[^()\[\]\n|]{2,120})")
        .expect("constant regex")
});

/// "Photo by Jane Doe/Getty Images".
static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<label>photo|image|video|picture)s?\s+by\s+(?P<rest>[^()\[\]\n|]{2,120})")
        .expect("constant regex")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19[5-9]\d|20\d\d)\b").expect("constant regex"));

/// Builds the patterns now.
pub(crate) fn warm_up() {
    LazyLock::force(&LABELED);
    LazyLock::force(&COPYRIGHT);
    LazyLock::force(&BY);
    LazyLock::force(&YEAR);
}

fn kind_of(label: &str) -> CreditKind {
    let l = label.to_lowercase();
    if l.contains("video") || l.contains("видео") {
        CreditKind::Video
    } else if l.contains("graphic") || l.contains("illustration") {
        CreditKind::Graphic
    } else {
        CreditKind::Photo
    }
}

/// "BRENDAN SMIALOWSKI" → "Brendan Smialowski"; mixed case is kept.
pub(crate) fn name_case(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
            if !all_upper {
                return w.to_owned();
            }
            let mut out = String::new();
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = !c.is_alphabetic() && c != '\'';
            }
            out
        })
        .collect();
    words.join(" ")
}

/// Whether `s` looks like a person's name: two to four capitalised words.
fn is_person(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && lexicon::outlet(s).is_none()
}

/// What a line must hold for each pattern to match it, found in one pass
/// over its bytes: the patterns' searches cost far more, and most lines of a
/// page hold none of these.
struct Hints {
    /// A colon (`:` or `：`), which [`LABELED`] needs, but not one after a
    /// digit: a label ends in a letter, a dot or a space, and a colon after
    /// a digit is a clock's or a score's ("12:30", "2:1"), on many lines.
    colon: bool,
    /// "by" in any case, which [`BY`] needs.
    by: bool,
    /// `©`, "(c)" or "copyright" in any case, one of which [`COPYRIGHT`] needs.
    copyright: bool,
}

/// The bytes a hint can start with (`:`, the lead bytes of `：` and `©`,
/// `(`, and `b` and `c` in either case): [`Hints::of`] passes over every
/// other byte, most of a line, with one table lookup.
const HINT_STARTS: [bool; 256] = {
    let mut table = [false; 256];
    let starts = [b':', 0xef, b'b', b'B', 0xc2, b'(', b'c', b'C'];
    let mut k = 0;
    while k < starts.len() {
        table[starts[k] as usize] = true;
        k += 1;
    }
    table
};

impl Hints {
    fn of(s: &str) -> Hints {
        let bytes = s.as_bytes();
        let at = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
        let mut hints = Hints {
            colon: false,
            by: false,
            copyright: false,
        };
        for (i, &b) in bytes.iter().enumerate() {
            if !HINT_STARTS[usize::from(b)] {
                continue;
            }
            match b.to_ascii_lowercase() {
                b':' if i == 0 || !bytes[i - 1].is_ascii_digit() => hints.colon = true,
                // U+FF1A (：) is EF BC 9A in UTF-8.
                0xef if at(i + 1) == 0xbc && at(i + 2) == 0x9a => hints.colon = true,
                b'b' if at(i + 1) == b'y' => hints.by = true,
                // U+00A9 (©) is C2 A9.
                0xc2 if at(i + 1) == 0xa9 => hints.copyright = true,
                b'(' if at(i + 1) == b'c' && at(i + 2) == b')' => hints.copyright = true,
                b'c' if bytes.len() >= i + 9
                    && bytes[i..i + 9].eq_ignore_ascii_case(b"copyright") =>
                {
                    hints.copyright = true;
                }
                _ => {}
            }
        }
        hints
    }
}

/// Splits what follows a credit label into agency, author and year.
fn parse_rest(rest: &str) -> (Option<String>, Option<String>, Option<i32>) {
    let year = YEAR.find(rest).and_then(|m| m.as_str().parse().ok());
    let mut agency = None;
    let mut author = None;
    for part in rest.split(['/', ',', ';', '|']).map(str::trim) {
        let part = YEAR.replace_all(part, "");
        let part = part.trim().trim_end_matches(['.', ')']).trim();
        if part.is_empty() {
            continue;
        }
        if let Some(o) = lexicon::outlet(part) {
            agency.get_or_insert_with(|| o.to_owned());
        } else if is_person(part) && author.is_none() {
            author = Some(name_case(part));
        } else if agency.is_none() && part.chars().count() <= 40 {
            agency = Some(part.to_owned());
        }
    }
    (agency, author, year)
}

/// Finds the credits of the page.
pub(crate) fn find(doc: &Document<'_>, structure: &Structure) -> Vec<Credit> {
    let text = doc.text();
    let lowercase = doc.lowercase();
    let mut out = Vec::new();
    for (i, line) in doc.lines().iter().enumerate() {
        if line.end - line.start > MAX_LINE {
            continue;
        }
        let s = &text[line.start..line.end];
        let kind_label = structure.lines.get(i).map(|l| l.kind);
        let credit_line = matches!(kind_label, Some(BlockKind::Credit | BlockKind::Caption));
        let hints = Hints::of(s);
        let mut found = false;
        for (re, may) in [(&*LABELED, hints.colon), (&*BY, hints.by)] {
            if !may {
                continue;
            }
            for caps in re.captures_iter(s) {
                let (Some(label), Some(rest), Some(all)) =
                    (caps.name("label"), caps.name("rest"), caps.get(0))
                else {
                    continue;
                };
                let (agency, author, year) = parse_rest(rest.as_str());
                if agency.is_none() && author.is_none() {
                    continue;
                }
                let start = line.start
                    + all.start()
                    + (all.as_str().len()
                        - all.as_str().trim_start_matches(['(', '[', '|', ' ']).len());
                out.push(Credit {
                    kind: kind_of(label.as_str()),
                    agency,
                    author,
                    year,
                    span: Span::new(start, line.start + rest.end()),
                });
                found = true;
            }
            if found {
                break;
            }
        }
        if found {
            continue;
        }
        if let Some(caps) = hints.copyright.then(|| COPYRIGHT.captures(s)).flatten()
            && let (Some(rest), Some(all)) = (caps.name("rest"), caps.get(0))
        {
            let (agency, author, year) = parse_rest(rest.as_str());
            let known = agency
                .as_deref()
                .is_some_and(|a| lexicon::outlet(a).is_some());
            let footer = s.to_lowercase().contains("rights");
            if (credit_line || known || rest.as_str().contains('/')) && !footer {
                out.push(Credit {
                    kind: CreditKind::Photo,
                    agency,
                    author,
                    year,
                    span: Span::new(line.start + all.start(), line.start + rest.end()),
                });
            }
            continue;
        }
        // A short line naming an agency: a photo credit under a picture, or
        // a wire sign-off at the end of the text.
        // At most 60 chars: certain from the byte length outside 61..=240.
        if s.len() <= 60 || (s.len() <= 240 && s.chars().count() <= 60) {
            let whole_known = match lowercase {
                // The line's lowercase, in step with it, is a slice of the
                // document's: a line outside ASCII is not lowercased again.
                Some(lower) => {
                    lexicon::outlet_of_lower(lower[line.start..line.end].trim_end_matches('.'))
                }
                None => lexicon::outlet(s.trim_end_matches('.')),
            }
            .is_some();
            // Nothing is pushed unless the whole line is known or it has parts.
            if !whole_known && !s.contains('/') {
                continue;
            }
            let (agency, author, year) = parse_rest(s);
            let parts_known = s.contains('/')
                && agency
                    .as_deref()
                    .is_some_and(|a| lexicon::outlet(a).is_some());
            if whole_known || parts_known {
                let photo_agency = agency.as_deref().is_some_and(lexicon::is_photo_agency);
                let wire = !credit_line && !photo_agency;
                out.push(Credit {
                    kind: if wire {
                        CreditKind::Wire
                    } else {
                        CreditKind::Photo
                    },
                    agency,
                    author,
                    year,
                    span: Span::new(line.start, line.end),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::structure;

    fn credits(text: &str) -> Vec<Credit> {
        let doc = Document::new(text);
        let s = structure::analyze(&doc, None);
        find(&doc, &s)
    }

    #[test]
    fn copyright_with_agency_year_and_capitalised_author() {
        let c = credits("Headline\n\n© AFP 2019 / BRENDAN SMIALOWSKI\n\nBody.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].agency.as_deref(), Some("AFP"));
        assert_eq!(c[0].author.as_deref(), Some("Brendan Smialowski"));
        assert_eq!(c[0].year, Some(2019));
        assert_eq!(c[0].kind, CreditKind::Photo);
    }

    #[test]
    fn labelled_credits_in_several_languages() {
        let text = "Title\n\nPhoto: Reuters/John Doe\n\nImage Credit: WeWork\n\nФото: РИА Новости\n\nVideo: AP\n\nGetty Images";
        let c = credits(text);
        let got: Vec<(CreditKind, Option<&str>, Option<&str>)> = c
            .iter()
            .map(|c| (c.kind, c.agency.as_deref(), c.author.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (CreditKind::Photo, Some("Reuters"), Some("John Doe")),
                (CreditKind::Photo, Some("WeWork"), None),
                (CreditKind::Photo, Some("RIA Novosti"), None),
                (CreditKind::Video, Some("AP"), None),
                (CreditKind::Photo, Some("Getty Images"), None),
            ]
        );
        for credit in &c {
            assert!(
                text.is_char_boundary(credit.span.start) && text.is_char_boundary(credit.span.end)
            );
        }
    }

    #[test]
    fn wire_trailers_are_wire_credits_and_publisher_copyrights_are_not_credits() {
        let c = credits(
            "Title\n\nBody text here.\n\ndpa-infocom, dpa:191017-99-321456/2\n\n© Nordkurier Mediengruppe 2019",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].kind, CreditKind::Wire);
        assert_eq!(c[0].agency.as_deref(), Some("dpa"));
    }

    #[test]
    fn a_short_line_outside_ascii_names_its_agency_with_or_without_the_lowercase() {
        // The second page holds a Greek capital sigma, which leaves the
        // document without a lowercase in step: the line is lowercased alone.
        for tail in ["", "\n\nΟΔΟΣ"] {
            let text = format!(
                "Заголовок\n\nВ городе открыли новый мост через реку.\n\nРИА НОВОСТИ.{tail}"
            );
            assert_eq!(Document::new(&text).lowercase().is_none(), !tail.is_empty());
            let c = credits(&text);
            let agencies: Vec<_> = c.iter().map(|c| c.agency.as_deref()).collect();
            assert_eq!(agencies, [Some("RIA Novosti")], "{tail:?}");
        }
    }

    #[test]
    fn copyright_footers_are_not_credits() {
        assert!(
            credits("Title\n\nBody text here.\n\n© 2019 Example Media. All rights reserved.")
                .is_empty()
        );
    }

    #[test]
    fn hints_hold_wherever_a_pattern_matches() {
        for line in [
            "Photo: Reuters/John Doe",
            "FOTO： dpa",
            "Фото: РИА Новости",
            "Photos BY Jane Doe/Getty Images",
            "video by AP",
            "© AFP 2019 / BRENDAN SMIALOWSKI",
            "(C) Reuters",
            "COPYRIGHT Example Media",
            "Crédits photo : AFP",
            "Bild:Keystone",
            "A line with none of them — and a dash",
            "Bylines, baby, colons; nothing",
            "Updated 09:45 | Photo: AP",
            "Kick-off 20:30, 2:1 at half time",
        ] {
            let hints = Hints::of(line);
            assert!(hints.colon || !LABELED.is_match(line), "{line}");
            assert!(hints.by || !BY.is_match(line), "{line}");
            assert!(hints.copyright || !COPYRIGHT.is_match(line), "{line}");
        }
        let none = Hints::of("Der Bürgermeister sagte am Montag, es gehe voran.");
        assert!(!none.colon && !none.by && !none.copyright);
        let clock = Hints::of("Updated 09:45, 2:1 at half time");
        assert!(!clock.colon);
        let all = Hints::of("Photo by X: © Y");
        assert!(all.colon && all.by && all.copyright);
    }

    /// The hints as first written (every byte matched), the reference the
    /// table's pass-over must reproduce.
    fn reference_hints(s: &str) -> (bool, bool, bool) {
        let bytes = s.as_bytes();
        let at = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
        let (mut colon, mut by, mut copyright) = (false, false, false);
        for (i, &b) in bytes.iter().enumerate() {
            match b.to_ascii_lowercase() {
                b':' if i == 0 || !bytes[i - 1].is_ascii_digit() => colon = true,
                0xef if at(i + 1) == 0xbc && at(i + 2) == 0x9a => colon = true,
                b'b' if at(i + 1) == b'y' => by = true,
                0xc2 if at(i + 1) == 0xa9 => copyright = true,
                b'(' if at(i + 1) == b'c' && at(i + 2) == b')' => copyright = true,
                b'c' if bytes.len() >= i + 9
                    && bytes[i..i + 9].eq_ignore_ascii_case(b"copyright") =>
                {
                    copyright = true;
                }
                _ => {}
            }
        }
        (colon, by, copyright)
    }

    /// Passing over the bytes no hint starts with changes no hint: every
    /// string of up to four chars over the hints' bytes, their neighbours
    /// and a few others, and lines that spell "copyright".
    #[test]
    fn hints_pass_over_only_bytes_that_start_none() {
        let check = |s: &str| {
            let h = Hints::of(s);
            assert_eq!((h.colon, h.by, h.copyright), reference_hints(s), "{s:?}");
        };
        let alphabet = [
            ':', '：', '©', '(', ')', 'b', 'B', 'y', 'Y', 'c', 'C', 'a', ' ', 'é', '\u{bc}',
            '\u{ef}', '1',
        ];
        crate::enrich::text::for_every_string(&alphabet, 1..=4, check);
        for s in [
            "Copyright",
            "xCOPYRIGHT",
            "copyrigh",
            "(c) by: ©",
            "Foto： dpa",
        ] {
            check(s);
        }
    }

    #[test]
    fn name_casing() {
        assert_eq!(name_case("BRENDAN SMIALOWSKI"), "Brendan Smialowski");
        assert_eq!(name_case("JEAN-PAUL O'NEIL"), "Jean-Paul O'neil");
        assert_eq!(name_case("John McDoe"), "John McDoe");
    }
}
