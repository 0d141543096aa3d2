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
    for path in &case_files::txt_files("cases/topics") {
        let lang = path.file_stem().and_then(|s| s.to_str()).unwrap_or("en");
        let data =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (page, expected) = match cols.as_slice() {
                [page, expected, ..] => (unescape(page), *expected),
                _ => panic!(
                    "{}:{}: expected a page and a code, tab-separated",
                    path.display(),
                    n + 1
                ),
            };
            cases += 1;
            let got = best_topic(&page, Some(lang));
            let ok = match expected.strip_prefix('!') {
                Some(code) => got != code,
                None => got == expected,
            };
            if !ok {
                failures.push(format!(
                    "{}:{}: expected {expected}, got {got:?}: {}",
                    path.display(),
                    n + 1,
                    page.lines().next().unwrap_or_default()
                ));
            }
        }
    }
    case_files::assert_all_pass(cases, 15, &failures);
}
