//! Unit tests of the byline readers and the case files.

use super::about::about_author;
use super::cue::source_name;
use super::meta::{copyright_name, dated_name, meta_name};
use super::pick::co_authors;
use super::shape::{desk_line, name_line, unknown_name_line};
use super::*;
use crate::enrich::structure::lexicon;

fn names(line: &str) -> Vec<String> {
    parse(line, lexicon::get())
        .map(|b| b.names)
        .unwrap_or_default()
}

#[test]
fn names_are_split_and_stripped() {
    assert_eq!(
        names("By Halyna Moroz and Peter Ashdown"),
        ["Halyna Moroz", "Peter Ashdown"]
    );
    assert_eq!(
        names("Von Jana Wendtland und Mehmet Aksoy"),
        ["Jana Wendtland", "Mehmet Aksoy"]
    );
    assert_eq!(
        names("Par Élodie Marchand et Yann Le Goff"),
        ["Élodie Marchand", "Yann Le Goff"]
    );
    assert_eq!(
        names("By Ana Ruiz, Bo Li & Carl Dahl"),
        ["Ana Ruiz", "Bo Li", "Carl Dahl"]
    );
    assert_eq!(names("By Ana Ruiz | 5 Minute Read"), ["Ana Ruiz"]);
    assert_eq!(
        names("By Amelie Nishizawa Feb 8, 2020 5 min read"),
        ["Amelie Nishizawa"]
    );
    assert_eq!(
        names("Posted on 21. Juli 2019 by Brambleworth"),
        ["Brambleworth"]
    );
    assert_eq!(
        names("By Margaret Oyelaran and Tomas Riedel, Associated Press"),
        ["Margaret Oyelaran", "Tomas Riedel"]
    );
    assert_eq!(names("Автор: Тарас Кметик"), ["Тарас Кметик"]);
    assert!(names("By the end of the year, prices rose").is_empty());
    assert!(names("Stand by me").is_empty());
    assert_eq!(
        names("Von Jana Wendt, Jan Ole Brandt und Eva Kron, NDR"),
        ["Jana Wendt", "Jan Ole Brandt", "Eva Kron", "NDR"]
    );
    assert_eq!(names("Por José de la Fuente"), ["José de la Fuente"]);
    assert_eq!(names("By Ana Ruiz Jan 8, 2020"), ["Ana Ruiz"]);
    assert_eq!(names("Von Jana Wendt Vom 3. Februar 2022"), ["Jana Wendt"]);
}

#[test]
fn a_lead_in_belongs_to_the_byline() {
    let lex = lexicon::get();
    let line = "Ein Artikel von Ulrike Sommerfeld | 27.01.2022";
    let b = parse(line, lex).expect("a byline");
    assert_eq!(
        &line[b.span.start..b.span.end],
        "Ein Artikel von Ulrike Sommerfeld"
    );
    // Prose before the cue is not a lead-in.
    let line = "Die Rückkehr von Ulrike Sommerfeld";
    assert!(parse(line, lex).is_none_or(|b| b.span.start > 0));
}

/// `tests/cases/structure/byline_<lang>.txt`: `<form><TAB><line><TAB><names>`,
/// form `cue` (parse), `name` (name_line), `dated` (dated_name: a blog's
/// meta line under the headline), `meta` (meta_name: a post's meta line
/// of dates, separators and counts), `desk` (desk_line: a desk signing),
/// `source` (source_name: a source credit), `copyright` (copyright_name),
/// `about` (about_author on the first of the lines, split at a literal
/// `\n`) or `page` (a whole page, lines
/// split at a literal `\n`, read by the structure stage), names
/// "; "-separated or "-".
#[test]
fn byline_case_files() {
    let lex = lexicon::get();
    let (langs, cases) = crate::enrich::test_files::cases("structure", "byline_");
    let mut failures = Vec::new();
    for case in &cases {
        let at = &case.at;
        let fields: Vec<&str> = case.fields.iter().map(String::as_str).collect();
        assert_eq!(fields.len(), 3, "{at}: three fields");
        {
            let got = match fields[0] {
                "cue" => parse(fields[1], lex).map(|b| b.names).unwrap_or_default(),
                "name" => name_line(fields[1], lex)
                    .map(|b| b.names)
                    .unwrap_or_default(),
                "dated" => dated_name(fields[1], lex)
                    .map(|b| b.names)
                    .unwrap_or_default(),
                "meta" => meta_name(fields[1], lex)
                    .map(|b| b.names)
                    .unwrap_or_default(),
                "desk" => desk_line(fields[1]).map(|b| b.names).unwrap_or_default(),
                "source" => source_name(fields[1]).map(|b| b.names).unwrap_or_default(),
                "copyright" => copyright_name(fields[1])
                    .map(|b| b.names)
                    .unwrap_or_default(),
                "about" => {
                    let text = fields[1].replace("\\n", "\n");
                    let doc = Document::new(&text);
                    let folded =
                        lexicon::FoldedLines::new((0..doc.lines().len()).map(|i| doc.line_text(i)));
                    about_author(&doc, &folded, 0, lex)
                        .map(|(_, b)| b.names)
                        .unwrap_or_default()
                }
                "page" => {
                    let text = fields[1].replace("\\n", "\n");
                    super::super::analyze(&Document::new(&text), None).authors
                }
                other => panic!("{at}: unknown form {other}"),
            };
            let want: Vec<String> = if fields[2] == "-" {
                Vec::new()
            } else {
                fields[2].split("; ").map(str::to_owned).collect()
            };
            if got != want {
                failures.push(format!("{at}: {:?} -> {got:?}, want {want:?}", fields[1]));
            }
        }
    }
    let count = cases.len();
    assert!(langs >= 8 && count >= 50, "{langs} files, {count} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A page whose lines are not classified yet: no kinds, no article text.
struct Plain<'t> {
    doc: Document<'t>,
    folded: lexicon::FoldedLines,
    feats: Vec<LineFeatures>,
    kinds: Vec<Option<BlockKind>>,
    bylines: Vec<Option<Byline>>,
    body: Vec<bool>,
}

impl<'t> Plain<'t> {
    fn new(text: &'t str) -> Self {
        let lex = lexicon::get();
        let doc = Document::new(text);
        let n = doc.lines().len();
        let folded = lexicon::FoldedLines::new((0..n).map(|i| doc.line_text(i)));
        let feats = (0..n)
            .map(|i| super::super::line::features(doc.line_text(i), lex, lex.stopwords(None)))
            .collect();
        Plain {
            doc,
            folded,
            feats,
            kinds: vec![None; n],
            bylines: vec![None; n],
            body: vec![false; n],
        }
    }

    /// The page with its article starting at line `first`.
    fn page(&self, first: usize) -> Page<'_, 't> {
        Page {
            doc: &self.doc,
            folded: &self.folded,
            feats: &self.feats,
            kinds: &self.kinds,
            bylines: &self.bylines,
            body: &self.body,
            first,
            last: self.feats.len(),
            headline: None,
        }
    }
}

#[test]
fn co_authors_join_the_byline() {
    let lex = lexicon::get();
    let text = "Dana Whitlock, Staff Attorney\n& Peter Ashdown, Research Director\nJune 3, 2023\nand\nBo Li";
    let plain = Plain::new(text);
    let mut found = (0, Span::new(0, 13), vec!["Dana Whitlock".to_owned()]);
    co_authors(&plain.page(5), &mut found, true, lex);
    // The date line ends the authors: "Bo Li" under it is not one.
    assert_eq!(found.2, ["Dana Whitlock", "Peter Ashdown"]);
    assert_eq!(
        &text[found.1.start..found.1.end],
        "Dana Whitlock, Staff Attorney\n& Peter Ashdown"
    );
    // Under a byline with a cue, a line of names is no co-author.
    let plain = Plain::new("By Dana Whitlock\nPeter Ashdown");
    let mut found = (0, Span::new(0, 16), vec!["Dana Whitlock".to_owned()]);
    co_authors(&plain.page(2), &mut found, false, lex);
    assert_eq!(found.2, ["Dana Whitlock"]);
}

#[test]
fn name_lines_with_dates_and_roles() {
    let lex = lexicon::get();
    let name = |l: &str| name_line(l, lex).map(|b| b.names).unwrap_or_default();
    assert_eq!(name("Halyna Moroz"), ["Halyna Moroz"]);
    assert_eq!(name("Jana Wendt 12.03.2024, 10:15 Uhr"), ["Jana Wendt"]);
    assert_eq!(name("3. Mai 2024 - Jana Wendt"), ["Jana Wendt"]);
    assert_eq!(name("Élodie Marchand, 4 mars 2024"), ["Élodie Marchand"]);
    assert_eq!(name("Marco van der Berg"), ["Marco van der Berg"]);
    assert!(name("Weather").is_empty());
    assert!(name("Neue Rechte").is_empty());
    assert!(name("Read the full story here").is_empty());
    assert!(name("Sport Politik Kultur Wirtschaft Wissen").is_empty());
}

#[test]
fn profile_links_are_no_names() {
    let lex = lexicon::get();
    // The links of an author's box to their profiles elsewhere are two
    // capitalised words, like a name of an unknown given name.
    for line in ["Google Scholar", "Youtube Kanal", "Bluesky Mastodon"] {
        assert!(unknown_name_line(line, lex).is_none(), "{line}");
    }
    assert!(unknown_name_line("Iñaki Larrañaga", lex).is_some());
}
