//! Data-driven topic tests: the per-language case files in
//! `tests/cases/topics/` (see its README).

mod case_files;

use copydesk::enrich::{Document, language, structure, tags, topics};

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

/// The best-ranked top-level topic of `text`, or "" when it has none.
fn best_topic(text: &str, hint: Option<&str>) -> String {
    let doc = Document::new(text);
    let lang = language::detect_article(&doc, hint);
    let s = structure::analyze(&doc, lang.as_ref());
    let tags = tags::extract(&doc, &s, lang.as_ref());
    topics::classify(&doc, &s, lang.as_ref(), &tags)
        .into_iter()
        .find(|t| t.parent_code.is_none())
        .map(|t| t.code)
        .unwrap_or_default()
}

#[test]
fn case_files() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for case in case_files::case_lines("cases/topics") {
        let at = &case.at;
        let cols: Vec<&str> = case.text.split('\t').collect();
        let (page, expected) = match cols.as_slice() {
            [page, expected, ..] => (unescape(page), *expected),
            _ => panic!("{at}: expected a page and a code, tab-separated"),
        };
        cases += 1;
        let got = best_topic(&page, Some(&case.lang));
        let ok = match expected.strip_prefix('!') {
            Some(code) => got != code,
            None => got == expected,
        };
        if !ok {
            failures.push(format!(
                "{at}: expected {expected}, got {got:?}: {}",
                page.lines().next().unwrap_or_default()
            ));
        }
    }
    case_files::assert_all_pass(cases, 70, &failures);
}
