//! Attribution, driven by data: every line of `tests/cases/attribution/<lang>.txt`
//! is a case (sentence | source | cue | content), and every quote listed in a
//! fixture's `quotes` must fall inside some attribution's content.

mod case_files;

use std::fs;
use std::path::Path;

use copydesk::enrich::attribution::{self, Attribution};
use copydesk::enrich::language::{ArticleLanguage, Detection};
use copydesk::enrich::structure::{BlockKind, LineLabel, Structure};
use copydesk::enrich::{Document, Span};

fn language(code: &str) -> ArticleLanguage {
    ArticleLanguage {
        article: Detection {
            code: Box::leak(code.to_owned().into_boxed_str()),
            script: "",
            confidence: 1.0,
            reliable: true,
            alternatives: Vec::new(),
        },
        segments: Vec::new(),
    }
}

/// A structure that labels every line of `doc` article text (the cases test
/// attribution, not the structure analyser).
fn all_body(doc: &Document<'_>) -> Structure {
    Structure {
        lines: doc
            .lines()
            .iter()
            .map(|l| LineLabel {
                kind: BlockKind::Body,
                span: Span::new(l.start, l.end),
                confidence: 1.0,
            })
            .collect(),
        ..Structure::default()
    }
}

fn attributions(text: &str, code: &str) -> Vec<Attribution> {
    let doc = Document::new(text);
    attribution::extract(&doc, &all_body(&doc), Some(&language(code))).0
}

fn describe(text: &str, a: &Attribution) -> String {
    let mention = a
        .source
        .as_ref()
        .and_then(|s| s.mention)
        .map_or("-", |m| m.text(text));
    let cue = a.cue.map_or("-", |c| c.text(text));
    format!("{mention} | {cue} | {}", a.content.text(text))
}

#[test]
fn attribution_cases_per_language() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for case in case_files::case_lines("cases/attribution") {
        let at = &case.at;
        let line = case.text.trim();
        let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let [sentence, source, cue, content] = parts[..] else {
            panic!("{at}: expected 4 fields separated by ' | '");
        };
        cases += 1;
        // "! sentence | …": a negative case, which passes when no
        // attribution reads the sentence this way.
        let (negative, sentence) = match sentence.strip_prefix("! ") {
            Some(rest) => (true, rest),
            None => (false, sentence),
        };
        let got = attributions(sentence, &case.lang);
        let want = format!("{source} | {cue} | {content}");
        let found: Vec<String> = got.iter().map(|a| describe(sentence, a)).collect();
        if found.contains(&want) == negative {
            failures.push(format!(
                "{at}: {sentence}\n    {} {want}\n    got  {found:?}",
                if negative { "not" } else { "want" }
            ));
        }
    }
    case_files::assert_all_pass(cases, 30, &failures);
}

#[test]
fn fixture_quotes_are_inside_attributions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut missing = Vec::new();
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.map(|e| e.path()).unwrap_or_default();
        let name = path.to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".expect.json") else {
            continue;
        };
        let expect: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        let text =
            fs::read_to_string(format!("{stem}.txt")).unwrap_or_else(|e| panic!("{stem}.txt: {e}"));
        let code = expect["language"].as_str().unwrap_or("en");
        let got = attributions(&text, code);
        for quote in expect["quotes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|q| q.as_str())
        {
            checked += 1;
            let Some(at) = text.find(quote) else {
                panic!("{stem}: quote {quote:?} not in the text");
            };
            if !got
                .iter()
                .any(|a| a.content.start <= at && at + quote.len() <= a.content.end)
            {
                missing.push(format!("{stem}: {quote}"));
            }
        }
    }
    assert!(checked > 20, "only {checked} fixture quotes");
    assert!(
        missing.is_empty(),
        "{} of {checked} quotes outside every attribution:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn speakers_resolve_to_the_full_name_and_outlets_are_found() {
    let text = "Brett McGurk, the special envoy, said on Monday the coalition would hold.\n\n\
                “We are not leaving,” McGurk told Reuters. “Not this year.”\n\n\
                He added in an interview with CNN that talks were planned.";
    let got = attributions(text, "en");
    let by_cue = |cue: &str| {
        got.iter()
            .find(|a| a.cue.is_some_and(|c| c.text(text).contains(cue)))
            .unwrap_or_else(|| panic!("no attribution with cue {cue}: {got:?}"))
    };
    let told = by_cue("told");
    let source = told.source.as_ref().expect("a source");
    assert_eq!(source.name, "Brett McGurk");
    assert_eq!(source.mention.map(|m| m.text(text)), Some("McGurk"));
    assert_eq!(told.outlet.as_deref(), Some("Reuters"));
    assert_eq!(
        told.content.text(text),
        "“We are not leaving,” McGurk told Reuters. “Not this year.”"
    );
    let added = by_cue("added");
    assert_eq!(
        added.source.as_ref().map(|s| s.name.as_str()),
        Some("Brett McGurk")
    );
    assert_eq!(added.outlet.as_deref(), Some("CNN"));
    let said = by_cue("said");
    assert_eq!(
        said.source.as_ref().map(|s| s.description.as_str()),
        Some("the special envoy")
    );
}
