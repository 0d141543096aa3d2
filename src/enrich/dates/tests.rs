//! Tests of the dates stage: the data-driven cases of `tests/cases/dates/`
//! (one file per language) and unit tests of the mechanisms.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::enrich::structure;

const CASES: [(&str, &str); 12] = [
    ("en", include_str!("../../../tests/cases/dates/en.txt")),
    ("ru", include_str!("../../../tests/cases/dates/ru.txt")),
    ("de", include_str!("../../../tests/cases/dates/de.txt")),
    ("fr", include_str!("../../../tests/cases/dates/fr.txt")),
    ("es", include_str!("../../../tests/cases/dates/es.txt")),
    ("it", include_str!("../../../tests/cases/dates/it.txt")),
    ("pt", include_str!("../../../tests/cases/dates/pt.txt")),
    ("nl", include_str!("../../../tests/cases/dates/nl.txt")),
    ("pl", include_str!("../../../tests/cases/dates/pl.txt")),
    ("uk", include_str!("../../../tests/cases/dates/uk.txt")),
    ("ar", include_str!("../../../tests/cases/dates/ar.txt")),
    ("zh", include_str!("../../../tests/cases/dates/zh.txt")),
];

/// A headline above a dateline case, so the case is the first paragraph.
const HEADLINE: &str = "A headline for the test story\n\n";

fn run(text: &str, reference: Option<DateTime<Utc>>) -> Dates {
    let doc = Document::new(text);
    let s = structure::analyze(&doc, None);
    extract(&doc, &s, reference)
}

fn reference(field: &str) -> Option<DateTime<Utc>> {
    match field {
        "-" => None,
        f => Some(
            DateTime::parse_from_rfc3339(f)
                .unwrap_or_else(|e| panic!("bad reference time {f:?}: {e}"))
                .with_timezone(&Utc),
        ),
    }
}

fn opt(field: &str) -> Option<&str> {
    (field != "-").then_some(field)
}

fn role_name(role: DateRole) -> &'static str {
    match role {
        DateRole::PageTimestamp => "PAGE_TIMESTAMP",
        DateRole::Published => "PUBLISHED",
        DateRole::Updated => "UPDATED",
        DateRole::Dateline => "DATELINE",
        DateRole::Event => "EVENT",
    }
}

/// Checks one case line; `Err` says what differs.
fn check(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split(" | ").map(str::trim).collect();
    let kind = f[0];
    let text = f.get(2).ok_or("no text")?.replace("\\n", "\n");
    let r = reference(f[1]);
    match kind {
        "dateline" | "none" => {
            let full = format!("{HEADLINE}{text}");
            let out = run(&full, r);
            let got = out.dateline.as_ref();
            if kind == "none" {
                return match got {
                    None => Ok(()),
                    Some(d) => Err(format!("false dateline {:?}", d.span.text(&full))),
                };
            }
            let d = got.ok_or("no dateline found")?;
            let date = d
                .date
                .map(|p| format!("{:04}-{:02}-{:02}", p.year, p.month, p.day));
            let got_fields = [
                d.span.text(&full).to_owned(),
                if d.place.is_empty() {
                    "-".into()
                } else {
                    d.place.clone()
                },
                if d.place_name.is_empty() {
                    "-".into()
                } else {
                    d.place_name.clone()
                },
                d.country_code.clone().unwrap_or_else(|| "-".into()),
                d.agency.clone().unwrap_or_else(|| "-".into()),
                date.unwrap_or_else(|| "-".into()),
            ];
            let want = &f[3..9];
            if got_fields
                .iter()
                .map(String::as_str)
                .ne(want.iter().copied())
            {
                return Err(format!("got {got_fields:?}, want {want:?}"));
            }
            Ok(())
        }
        "date" => {
            let out = run(&text, r);
            let (want_text, want_role, want_norm) = (f[3], f[4], opt(f[5]));
            let m = out
                .mentions
                .iter()
                .find(|m| m.span.text(&text) == want_text)
                .ok_or_else(|| {
                    let all: Vec<_> = out.mentions.iter().map(|m| m.span.text(&text)).collect();
                    format!("no mention {want_text:?}; found {all:?}")
                })?;
            if want_role != "*" && role_name(m.role) != want_role {
                return Err(format!("role {:?}, want {want_role}", m.role));
            }
            if m.normalized.as_deref() != want_norm {
                return Err(format!("normalized {:?}, want {want_norm:?}", m.normalized));
            }
            Ok(())
        }
        "nodate" => {
            let out = run(&text, r);
            let at = text.find(f[3]).ok_or("the words are not in the text")?;
            let words = Span::new(at, at + f[3].len());
            match out
                .mentions
                .iter()
                .find(|m| m.span.start < words.end && words.start < m.span.end)
            {
                None => Ok(()),
                Some(m) => Err(format!("false date {:?}", m.span.text(&text))),
            }
        }
        other => Err(format!("unknown case kind {other:?}")),
    }
}

#[test]
fn case_files() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (lang, data) in CASES {
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            count += 1;
            if let Err(e) = check(line) {
                failures.push(format!("{lang}.txt:{}: {e}\n    {line}", n + 1));
            }
        }
    }
    assert!(count >= 100, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn glued_offset_splits_into_zone_and_day() {
    // "GMT+3" glued to "17 October 2019" by the flattener.
    let text = "10:42 GMT +317 October 2019\n\nHeadline\n\nStory text here.";
    let out = run(text, None);
    let m = &out.mentions[0];
    assert_eq!(m.span.text(text), "10:42 GMT +317 October 2019");
    assert_eq!(m.normalized.as_deref(), Some("2019-10-17T10:42:00+03:00"));
    // An offset beyond +14 cannot be: "+1517" is not "+15" and "17".
    let text = "10:42 GMT +1517 October 2019";
    let out = run(text, None);
    assert!(
        out.mentions
            .iter()
            .all(|m| m.normalized.as_deref() != Some("2019-10-17T10:42:00+15:00"))
    );
}

#[test]
fn yearless_datelines_take_the_year_nearest_the_reference() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    assert_eq!(mentions::nearest_year(12, 31, day(2020, 1, 1)), Some(2019));
    assert_eq!(mentions::nearest_year(1, 1, day(2019, 12, 31)), Some(2020));
    assert_eq!(mentions::nearest_year(6, 15, day(2019, 8, 31)), Some(2019));
    assert_eq!(mentions::nearest_year(2, 29, day(2021, 3, 1)), Some(2020));
    let text = "Headline\n\nSYDNEY, Dec 31 (Reuters) - Fireworks lit up the harbour.";
    let r = reference("2020-01-01T03:00:00Z");
    let d = run(text, r).dateline.and_then(|d| d.date);
    assert_eq!(
        d,
        Some(PartialDate {
            year: 2019,
            month: 12,
            day: 31
        })
    );
    let d = run(text, None).dateline.and_then(|d| d.date);
    assert_eq!(
        d,
        Some(PartialDate {
            year: 0,
            month: 12,
            day: 31
        })
    );
}

#[test]
fn the_page_date_beats_the_reference_for_the_year() {
    let text = "Published: 30 December 2018\n\nHeadline\n\nMOSCOW, Dec 29 (Reuters) - The story.";
    let d = run(text, reference("2021-06-01T00:00:00Z"))
        .dateline
        .and_then(|d| d.date);
    assert_eq!(d.map(|d| d.year), Some(2018));
}

#[test]
fn numbers_that_are_not_dates() {
    for text in [
        "39437",
        "© AFP 2019",
        "Price: 12.50 EUR, was 14.99",
        "Score 2:1 after extra time",
        "Votes: 1,234 for, 567 against",
        "Tel. 030/1234567",
        "Population 2019: 3.7 million",
    ] {
        let out = run(text, None);
        assert!(out.mentions.is_empty(), "{text:?} gave {:?}", out.mentions);
    }
}

#[test]
fn bbc_style_ledes_have_no_dateline() {
    for lede in [
        "LONDON has the most expensive homes in the country, figures show.",
        "Shares in the firm fell 5% - the biggest drop this year - on Monday.",
        "BBC - the corporation said it would cut 500 jobs.",
    ] {
        let text = format!("Headline\n\n{lede}");
        assert_eq!(run(&text, None).dateline, None, "{lede}");
    }
}

#[test]
fn spans_stay_on_char_boundaries_for_arbitrary_text() {
    for text in [
        "",
        "—",
        "МОСКВА, 3",
        "(",
        "(Reuters",
        "10:",
        "10:42 GMT +",
        "新华社北京10月",
        "a\u{0301}, 3 окт —",
    ] {
        let out = run(text, None);
        for m in &out.mentions {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
    }
}

/// The invented fixture pages: each expect file's dateline (or its absence).
#[test]
fn fixture_articles_datelines() {
    let entries = crate::enrich::test_files::fixture_articles();
    assert!(entries.len() >= 10, "fixtures missing");
    let mut failures = Vec::new();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let expect_path = path.with_extension("expect.json");
        let expect: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&expect_path).unwrap_or_default())
                .unwrap_or_default();
        let want = &expect["dateline"];
        let got = run(&text, None).dateline;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match (want.is_null(), got) {
            (true, None) => {}
            (true, Some(d)) => {
                failures.push(format!("{name}: false dateline {:?}", d.span.text(&text)))
            }
            (false, None) => failures.push(format!("{name}: no dateline, want {}", want["text"])),
            (false, Some(d)) => {
                let date = d.date.unwrap_or(PartialDate {
                    year: 0,
                    month: 0,
                    day: 0,
                });
                let ok = want["text"] == d.span.text(&text)
                    && want["place"] == d.place.as_str()
                    && (want["agency"].is_null() && d.agency.is_none()
                        || want["agency"] == d.agency.as_deref().unwrap_or(""))
                    && (want["month"].is_null() || want["month"] == date.month)
                    && (want["day"].is_null() || want["day"] == date.day);
                if !ok {
                    failures.push(format!("{name}: got {d:?} for {want}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Nothing panics, and every span is in bounds and on char boundaries.
        #[test]
        fn spans_are_valid_for_any_text(text in "(\\PC|\\n|[0-9:+./ —-]){0,200}") {
            let out = run(&text, reference("2020-01-01T00:00:00Z"));
            for span in out.mentions.iter().map(|m| m.span).chain(out.dateline.iter().map(|d| d.span)) {
                prop_assert!(span.start <= span.end && span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }

        /// Date-like fragments glued together never panic either.
        #[test]
        fn date_fragments_never_panic(parts in proptest::collection::vec(
            prop_oneof![
                Just("10:42"), Just("GMT"), Just("+317"), Just("October"), Just("2019"), Just("(Reuters)"),
                Just("-"), Just("MOSCOW,"), Just("Oct"), Just("3"), Just("12.03.2020"), Just("vor"),
                Just("Stunden"), Just("Published:"), Just("—"), Just("/ТАСС/."), Just("年"), Just("月"),
                Just("日"), Just("新华社"), Just("\n"), Just("\n\n"), Just("p.m."), Just("T"), Just("Z"),
            ],
            0..40,
        ), sep in prop_oneof![Just(""), Just(" ")]) {
            let text = parts.join(sep);
            let out = run(&text, None);
            for m in &out.mentions {
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }
    }
}

#[test]
fn a_column_name_in_the_headline_is_not_a_dateline() {
    let text = "MARKET FOCUS - STEEL MAKERS FACE A SLOW YEAR\n\nTOKYO, March 4 - Steel makers expect demand to stay flat this year, industry officials said.";
    let d = run(text, None).dateline.map(|d| d.place);
    assert_eq!(d.as_deref(), Some("TOKYO"));
    let text = "MARKET FOCUS - STEEL MAKERS FACE A SLOW YEAR\n\nSteel makers expect demand to stay flat this year, industry officials said.";
    assert_eq!(run(text, None).dateline, None);
}

#[test]
fn a_site_clock_above_the_menus_is_not_the_publication_date() {
    let text = "10:42 GMT +317 October 2019\nListen Live\nWorld\nBusiness\nMarkets\nSport\nVideo\n\n\
                Barges to carry grain along the river from next month\n\n\
                IZMAIL, Ukraine, Oct 17 (Reuters) - Ukraine will start moving grain by barge along the lower \
                Danube next month under a deal signed on Thursday with two river operators, the ministry said.\n\n\
                The route would take pressure off the rail border crossings, where wagons have waited for days.";
    let out = run(text, None);
    let clock = out.mentions.first().map(|m| (m.span.text(text), m.role));
    assert_eq!(clock.map(|c| c.0), Some("10:42 GMT +317 October 2019"));
    assert_ne!(clock.map(|c| c.1), Some(DateRole::Published));
    // The clock's date still gives the yearless dateline its year.
    assert_eq!(
        out.dateline.and_then(|d| d.date).map(|d| d.year),
        Some(2019)
    );
}

#[test]
fn cue_steps_cover_every_cue_and_its_prefixes() {
    let lex = &*lexicon::LEXICON;
    for (key, &cue) in &lex.cues {
        assert_eq!(
            lex.cue_steps.get(key).and_then(|s| s.0),
            Some(cue),
            "{key:?}"
        );
        let words: Vec<&str> = key.split(' ').collect();
        for n in 1..words.len() {
            let prefix = words[..n].join(" ");
            assert!(
                lex.cue_steps.get(&prefix).is_some_and(|s| s.1),
                "{prefix:?} of {key:?}"
            );
        }
    }
}

/// A grammar started at a token lowercases from there on as a whole-line
/// grammar does, and nothing before it.
#[test]
fn a_grammar_from_a_token_lowercases_from_there() {
    let text = "Der Bericht, Veröffentlicht AM 3. März, 14:05 UHR";
    let tokens = tokens::tokenize(text, 0, text.len());
    let whole = grammar::Grammar::from_token(text, None, &tokens, 0);
    // The tokens' lowercase copied from the document's is the same.
    let doc = crate::enrich::Document::new(text);
    let lowercase = doc.lowercase();
    assert!(lowercase.is_some());
    for first in 0..=tokens.len() {
        for lowered in [None, lowercase] {
            let g = grammar::Grammar::from_token(text, lowered, &tokens, first);
            for i in 0..tokens.len() {
                let expected = if i < first { "" } else { whole.lower(i) };
                assert_eq!(g.lower(i), expected, "token {i} from {first}");
                if i >= first {
                    assert_eq!(
                        g.lower_run(i, tokens.len()),
                        whole.lower_run(i, tokens.len())
                    );
                }
            }
        }
    }
}

#[test]
fn lowered_runs_are_lexicon_keys() {
    let text = "Veröffentlicht AM 3. März, 14:05 UHR";
    let tokens = tokens::tokenize(text, 0, text.len());
    let g = grammar::Grammar::from_token(text, None, &tokens, 0);
    assert_eq!(g.lower(0), "veröffentlicht");
    assert_eq!(g.lower_run(0, 2), "veröffentlicht am");
    assert_eq!(g.lower_run(3, 5), ". märz");
    assert_eq!(g.lower_run(2, 2), "");
    assert_eq!(g.lower(99), "");
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != tokens::Kind::Punct {
            assert_eq!(g.lower(i), lexicon::key(t.text(text)), "token {i}");
        }
    }
}

/// The first PUBLISHED mention's normalised value.
fn published(text: &str) -> Option<String> {
    run(text, None)
        .mentions
        .into_iter()
        .find(|m| m.role == DateRole::Published)
        .and_then(|m| m.normalized)
}

const STORY: &str = "The council approved the harbour plan on Tuesday after a debate that lasted \
                     more than six hours, with eleven members voting in favour.\n\n\
                     The plan foresees a new pier, a ferry terminal and a park along the old quay, \
                     and works are expected to start next spring.\n\n\
                     Opponents said the costs had been underestimated by the city's engineers.";

#[test]
fn a_time_only_published_stamp_yields_to_the_page_date() {
    let text = format!(
        "Home\nNews\n\nWednesday, October 16, 2019\n\nHarbour plan approved after long debate\n\n\
         Published 2:33 PM\n\n{STORY}"
    );
    assert_eq!(published(&text).as_deref(), Some("2019-10-16"));
    // With no full date on the page the cued time stays the stamp.
    let text = format!("Harbour plan approved after long debate\n\nPublished 2:33 PM\n\n{STORY}");
    assert_eq!(published(&text).as_deref(), Some("14:33:00"));
}

#[test]
fn a_date_in_the_byline_dates_the_story() {
    let text = format!(
        "Portada\nNoticias\n\nEl puerto aprueba su plan tras un largo debate\n\n\
         Por Alberto Salinas 27 de agosto 2019\n\n{STORY}"
    );
    assert_eq!(published(&text).as_deref(), Some("2019-08-27"));
}

#[test]
fn with_nothing_else_the_page_date_outside_the_story_is_published() {
    // The only full date sits in the tool line under the story.
    let text = format!(
        "Harbour plan approved after long debate\n\n{STORY}\n\n\
         ⋅ November 22, 2011 ⋅ Email this post ⋅ Print this page"
    );
    assert_eq!(published(&text).as_deref(), Some("2011-11-22"));
}

#[test]
fn a_date_is_found_wherever_the_line_opens_it() {
    let scan = |text: &str| {
        let tokens = tokens::tokenize(text, 0, text.len());
        mentions::scan(text, None, &tokens, None)
            .into_iter()
            .map(|f| f.span.text(text).to_owned())
            .collect::<Vec<_>>()
    };
    assert!(scan("Weitere Nachrichten aus der Region").is_empty());
    assert!(scan("Подписаться на рассылку новостей").is_empty());
    assert_eq!(
        scan("Die Stadtwerke teilten die neuen Preise am 4. Februar 2025 mit"),
        ["4. Februar 2025"]
    );
    let late = scan("Le conseil municipal a voté le projet jeudi 9 octobre 2025");
    assert!(
        late.iter().any(|s| s.contains("9 octobre 2025")),
        "{late:?}"
    );
}

/// The byte-loop English test answers as the plain definition over
/// `split_whitespace` does, at the 3000-word cap too.
#[test]
fn english_test_matches_its_definition() {
    let definition = |text: &str| {
        let (mut words, mut hits) = (0usize, 0usize);
        for w in text.split_whitespace().take(3000) {
            words += 1;
            if matches!(
                w,
                "the" | "The" | "and" | "of" | "to" | "is" | "in" | "that" | "for" | "with"
            ) {
                hits += 1;
            }
        }
        words > 0 && hits * 12 >= words
    };
    let alphabet = ['t', 'h', 'e', ' ', '\u{a0}', '\u{b}', 'é', 'T', '©', '—'];
    crate::enrich::text::for_every_string(&alphabet, 1..=5, |text| {
        assert_eq!(is_english(text), definition(text), "{text:?}");
    });
    let mut long = "word ".repeat(2990);
    long.push_str("the the the the the the the the the the the the and of");
    for text in [
        long.as_str(),
        "The port of the city is in the north, and that is all",
        "Le port de la ville\u{2003}the end",
        "the\u{3000}the\u{85}the",
        "",
    ] {
        assert_eq!(is_english(text), definition(text), "{text:?}");
    }
    // Two listed words that count only when the char between them parts
    // them: every whitespace char, and chars that share their first byte.
    for sep in [
        '\u{9}', '\u{a}', '\u{b}', '\u{c}', '\u{d}', ' ', '\u{85}', '\u{a0}', '\u{1680}',
        '\u{2000}', '\u{2005}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}',
        '\u{3000}', '\u{a9}', '\u{16a0}', '\u{200b}', '\u{2060}', '\u{3001}', '\u{7f}', '\u{1f}',
    ] {
        let text = format!("the{sep}of{}", " x".repeat(10));
        assert_eq!(is_english(&text), definition(&text), "{text:?}");
    }
}

/// The first words of every month, weekday and cue key, as a plain set: what
/// the slot-filed opener map must answer.
fn opener_set(lex: &lexicon::Lexicon) -> std::collections::HashSet<String> {
    let first = |k: &String| k.split(' ').next().unwrap_or_default().to_owned();
    (lex.months.keys().map(first))
        .chain(lex.weekdays.keys().map(first))
        .chain(lex.cues.keys().map(first))
        .collect()
}

/// The slot-filed opener map never turns an opener away, and answers as a
/// plain set does for words of every kind.
#[test]
fn opener_filter_agrees_with_the_set() {
    let lex = &*lexicon::LEXICON;
    let openers = opener_set(lex);
    assert!(openers.len() > 100, "{}", openers.len());
    for word in &openers {
        assert!(lex.opens(word), "{word:?}");
    }
    let text = include_str!("../../../tests/cases/dates/en.txt").to_owned()
        + include_str!("../../../tests/cases/dates/ru.txt")
        + include_str!("../../../tests/cases/dates/zh.txt")
        + include_str!("../../../tests/cases/dates/ar.txt");
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        assert_eq!(lex.opens(&lower), openers.contains(&lower), "{lower:?}");
    }
}

/// A word as written opens what its lowercase opens: the slot read through
/// the ASCII lowercase map turns no capitalised opener away ("October",
/// "TODAY", "Октября").
#[test]
fn openers_as_written_agree_with_the_set() {
    let lex = &*lexicon::LEXICON;
    let openers = opener_set(lex);
    let mut scratch = String::new();
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    };
    for word in &openers {
        assert!(lex.opens_as_written(word, &mut scratch), "{word:?}");
        for written in [word.to_uppercase(), capitalised(word)] {
            assert_eq!(
                lex.opens_as_written(&written, &mut scratch),
                lex.opens(&written.to_lowercase()),
                "{written:?}"
            );
        }
    }
    let text = include_str!("../../../tests/cases/dates/en.txt").to_owned()
        + include_str!("../../../tests/cases/dates/ru.txt")
        + include_str!("../../../tests/cases/dates/fr.txt");
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        assert_eq!(
            lex.opens_as_written(word, &mut scratch),
            openers.contains(&lower),
            "{word:?}"
        );
    }
}

/// A page is read for the order of its numeric dates only when a date with
/// slashes asks, once; then "03/04/2020" reads month first on an English
/// page and day first on another.
#[test]
fn the_page_is_read_for_its_date_order_only_when_a_slashed_date_asks() {
    let scan = |page: &str| {
        let order = UsOrder::of_page(page);
        let tokens = tokens::tokenize(page, 0, page.len());
        let dates: Vec<(Option<u32>, Option<u32>)> =
            mentions::scan(page, None, &tokens, Some(&order))
                .into_iter()
                .filter_map(|f| match f.value {
                    mentions::Value::Absolute(d, _) => Some((d.month, d.day)),
                    _ => None,
                })
                .collect();
        (dates, order.answer.get().copied())
    };
    assert_eq!(
        scan("The board met on 12 March 2020 and the vote is set for 2020-04-03 in the hall."),
        (vec![(Some(3), Some(12)), (Some(4), Some(3))], None)
    );
    assert_eq!(
        scan("The board met on 03/04/2020 and the vote is in the hall of the city."),
        (vec![(Some(3), Some(4))], Some(true))
    );
    assert_eq!(
        scan("Le conseil a voté le 03/04/2020 dans la salle de la mairie."),
        (vec![(Some(4), Some(3))], Some(false))
    );
}
