//! Data-driven tag tests: the per-language case files in `tests/cases/tags/`
//! (see its README) and the fixtures' `tags_explicit`.

mod case_files;

use copydesk::enrich::tags::{self, Tag, TagKind};
use copydesk::enrich::{Document, language, structure};

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n").replace("\\u00a0", "\u{a0}")
}

fn run(text: &str, hint: Option<&str>) -> Vec<Tag> {
    let doc = Document::new(text);
    let lang = language::detect_article(&doc, hint);
    let s = structure::analyze(&doc, lang.as_ref());
    let tags = tags::extract(&doc, &s, lang.as_ref());
    for t in &tags {
        let span = t
            .first_mention
            .unwrap_or_else(|| panic!("tag without a span: {t:?}"));
        assert!(
            span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        );
        if t.kind == TagKind::Explicit {
            assert_eq!(span.text(text), t.name, "an explicit tag's span is the tag");
        }
    }
    tags
}

fn kind_name(kind: TagKind) -> &'static str {
    match kind {
        TagKind::Explicit => "EXPLICIT",
        TagKind::Person => "PERSON",
        TagKind::Organization => "ORGANIZATION",
        TagKind::Location => "LOCATION",
        TagKind::KeyPhrase => "KEY_PHRASE",
    }
}

/// An invented article to put tag lines after.
const ARTICLE: &str = "A headline for the test page\n\n\
    The council approved the plan on Tuesday after a long debate about costs and timing.\n\n\
    Officials said work would begin next spring and last about two years.\n\n";

#[test]
fn case_files() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for case in case_files::case_lines("cases/tags") {
        let (at, lang) = (&case.at, case.lang.as_str());
        let cols: Vec<&str> = case.text.split('\t').collect();
        let (kind, input, expected) = match cols.as_slice() {
            [k, i, e] => (*k, unescape(i), *e),
            [k, i] => (*k, unescape(i), ""),
            _ => panic!("{at}: expected 2 or 3 tab-separated fields"),
        };
        cases += 1;
        match kind {
            "explicit" => {
                let text = format!("{ARTICLE}{input}\n");
                let got: Vec<String> = run(&text, Some(lang))
                    .into_iter()
                    .filter(|t| t.kind == TagKind::Explicit)
                    .map(|t| t.name)
                    .collect();
                let want: Vec<String> = expected
                    .split(" | ")
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(unescape)
                    .collect();
                if got != want {
                    failures.push(format!("{at}: explicit {got:?}, want {want:?}"));
                }
            }
            "entity" => {
                let text = format!("Headline\n\n{input}\n");
                let tags = run(&text, Some(lang));
                let have = |k: &str, name: &str| {
                    tags.iter()
                        .any(|t| t.name == name && (k == "ANY" || kind_name(t.kind) == k))
                };
                for want in expected
                    .split(" | ")
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    let (negated, want) = match want.strip_prefix('!') {
                        Some(w) => (true, w),
                        None => (false, want),
                    };
                    let Some((k, name)) = want.split_once(':') else {
                        panic!("{at}: {want:?} is not KIND:Name");
                    };
                    if have(k, name) == negated {
                        let list: Vec<String> = tags
                            .iter()
                            .map(|t| format!("{}:{}", kind_name(t.kind), t.name))
                            .collect();
                        failures.push(format!(
                            "{at}: {}{k}:{name} — got {list:?}",
                            if negated { "unexpected " } else { "missing " }
                        ));
                    }
                }
            }
            other => panic!("{at}: unknown case kind {other:?}"),
        }
    }
    case_files::assert_all_pass(cases, 45, &failures);
}

#[test]
fn fixtures_explicit_tags() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in case_files::txt_files("fixtures/articles") {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let expect_path = path.with_extension("expect.json");
        let expect: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&expect_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let want: Vec<&str> = expect["tags_explicit"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let tags = run(&text, expect["language"].as_str());
        let got: Vec<&str> = tags
            .iter()
            .filter(|t| t.kind == TagKind::Explicit)
            .map(|t| t.name.as_str())
            .collect();
        if got != want {
            failures.push(format!(
                "{}: explicit {got:?}, want {want:?}",
                path.display()
            ));
        }
        // Boilerplate lines never give a tag other than an explicit one.
        if let Some(lines) = expect["boilerplate_lines"].as_array() {
            for line in lines.iter().filter_map(|v| v.as_str()) {
                for t in tags.iter().filter(|t| t.kind != TagKind::Explicit) {
                    let span = t.first_mention.map(|s| s.text(&text)).unwrap_or("");
                    let in_line = text.match_indices(line).any(|(at, l)| {
                        t.first_mention
                            .is_some_and(|s| s.start >= at && s.end <= at + l.len())
                    });
                    if in_line {
                        failures.push(format!(
                            "{}: {t:?} ({span:?}) comes from boilerplate line {line:?}",
                            path.display()
                        ));
                    }
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 14, "only {checked} fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
