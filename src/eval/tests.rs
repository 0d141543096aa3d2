//! End-to-end tests of [`run`] on small task files written here, with a fake
//! enricher.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::pb::{Language, Structure, TextEncoding, TextSpan};

/// A fresh, empty folder under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "copydesk-eval-{name}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(unique);
        if let Err(e) = fs::create_dir_all(&path) {
            panic!("creating {}: {e}", path.display());
        }
        Self(path)
    }

    fn write(&self, file: &str, lines: &[&str]) {
        let mut content = lines.join("\n");
        content.push('\n');
        if let Err(e) = fs::write(self.0.join(file), content) {
            panic!("writing {file}: {e}");
        }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Detects "es" when the text says "hola", fails on "FAIL", panics on
/// "PANIC", else "en"; finds the first line as headline and the rest as body.
fn fake(request: EnrichArticleRequest) -> Result<Enrichment, tonic::Status> {
    assert_eq!(request.text_encoding, i32::from(TextEncoding::Utf32));
    let article = request.article.unwrap_or_default();
    let text = article.text;
    if text.contains("FAIL") {
        return Err(tonic::Status::invalid_argument("fake failure"));
    }
    assert!(!text.contains("PANIC"), "fake panic");
    let mut enrichment = Enrichment {
        article_id: article.id,
        ..Enrichment::default()
    };
    if request.features.contains(&i32::from(Feature::Language)) {
        let code = if text.contains("hola") { "es" } else { "en" };
        enrichment.language = Some(Language {
            language_code: code.to_owned(),
            ..Language::default()
        });
    }
    if request.features.contains(&i32::from(Feature::Structure)) {
        let (headline, body) = text.split_once('\n').unwrap_or((&text, ""));
        enrichment.structure = Some(Structure {
            headline: Some(TextSpan {
                content: headline.to_owned(),
                ..TextSpan::default()
            }),
            body_text: body.trim().to_owned(),
            ..Structure::default()
        });
    }
    Ok(enrichment)
}

const LANGUAGE: &[&str] = &[
    r#"{"id": "w:1", "dataset": "words", "text": "hola", "gold": {"language": "es", "kind": "single-word"}, "quality": {"language": "gold", "kind": "gold"}}"#,
    r#"{"id": "w:2", "dataset": "words", "text": "hello there", "gold": {"language": "fr", "kind": "word-pair"}, "quality": {"language": "gold", "kind": "gold"}}"#,
    r#"{"id": "w:3", "dataset": "words", "text": "FAIL now", "gold": {"language": "en", "kind": "word-pair"}, "quality": {"language": "gold", "kind": "gold"}}"#,
    "",
    r#"{"id": "p:1", "dataset": "pages", "text": "A page in English.", "gold": {"language": "en", "kind": "article"}, "quality": {"language": "silver", "kind": "gold"}}"#,
];

const STRUCTURE: &[&str] = &[
    r#"{"id": "s:1", "dataset": "site", "text": "Night buses return\nThe night buses return on Friday after a long pause in service.", "gold": {"headline": "Night  buses return", "lede": null, "body": "The night buses return on Friday after a long pause in service.", "authors": null, "published": null, "must_include": ["return on Friday"], "must_exclude": []}, "quality": {"headline": "gold", "body": "gold", "must_include": "gold"}}"#,
];

#[test]
fn runs_present_tasks_and_skips_missing_ones() {
    let dir = TempDir::new("run");
    dir.write("language.jsonl", LANGUAGE);
    dir.write("structure.jsonl", STRUCTURE);
    let mut out = Vec::new();
    let options = Options {
        threads: 2,
        ..Options::default()
    };
    let report = match run(&dir.0, &fake, &options, &mut out) {
        Ok(report) => report,
        Err(e) => panic!("eval failed: {e}"),
    };
    let text = String::from_utf8_lossy(&out);

    assert_eq!(report.metric("language.words.accuracy"), Some(1.0 / 3.0));
    assert_eq!(
        report.metric("language.words.single-word.accuracy"),
        Some(1.0)
    );
    assert_eq!(
        report.metric("language.words.word-pair.accuracy"),
        Some(0.0)
    );
    assert_eq!(report.metric("language.words.errors"), Some(1.0));
    assert_eq!(report.metric("language.pages.article.accuracy"), Some(1.0));
    assert_eq!(report.metric("language.pages.sentence.accuracy"), None);
    // The pooled row counts every item once: 2 right of 4, the failure a miss.
    assert_eq!(report.metric("language.all.accuracy"), Some(0.5));
    assert_eq!(report.metric("language.all.n"), Some(4.0));
    assert_eq!(report.metric("language.all.errors"), Some(1.0));
    assert_eq!(report.metric("language.all.word-pair.accuracy"), Some(0.0));
    // One dataset: no pooled row.
    assert!(
        report
            .keys()
            .iter()
            .all(|k| !k.starts_with("structure.all."))
    );
    assert_eq!(report.metric("structure.site.headline_exact"), Some(1.0));
    assert_eq!(report.metric("structure.site.body_f1"), Some(1.0));
    assert_eq!(
        report.metric("structure.site.must_include_recall"),
        Some(1.0)
    );
    assert_eq!(report.metric("structure.site.lede_exact"), None);
    assert_eq!(report.metric("no.such.key"), None);
    assert_eq!(report.items(), 5);
    assert!(
        report
            .keys()
            .iter()
            .any(|k| k == "structure.site.authors_f1")
    );
    assert!(report.keys().iter().all(|k| !k.starts_with("dateline.")));
    assert!(report.dateline.is_none());
    assert_eq!(
        report
            .language
            .as_ref()
            .and_then(|t| t.first_error.clone())
            .as_deref(),
        Some("w:3: InvalidArgument: fake failure")
    );

    assert!(
        text.contains("dateline: skipped, no dateline.jsonl"),
        "{text}"
    );
    assert!(text.contains("topics: skipped"), "{text}");
    assert!(text.contains("  pages  "), "{text}");
    assert!(text.contains("total: 5 items"), "{text}");
}

#[test]
fn tasks_can_be_selected_and_limited() {
    let dir = TempDir::new("select");
    dir.write("language.jsonl", LANGUAGE);
    dir.write("structure.jsonl", STRUCTURE);
    let options = Options {
        tasks: Some(vec![Task::Language]),
        limit: Some(2),
        threads: 1,
    };
    let mut out = Vec::new();
    let report = run(&dir.0, &fake, &options, &mut out).ok();
    let language = report.as_ref().and_then(|r| r.language.as_ref());
    assert_eq!(language.map(|t| t.items), Some(2));
    assert!(report.as_ref().is_some_and(|r| r.structure.is_none()));
}

#[test]
fn every_task_prints_when_nothing_is_found() {
    let dir = TempDir::new("empty");
    dir.write(
        "dateline.jsonl",
        &[r#"{"id": "d:1", "dataset": "wire", "text": "PORTVILLE, May 2 - Text.", "gold": {"dateline": {"text": "PORTVILLE, May 2 -", "start": 0, "end": 18, "place": "PORTVILLE", "month": 5, "day": 2, "year": 1990, "agency": null}}, "quality": {"dateline": "gold"}}"#],
    );
    dir.write(
        "attribution.jsonl",
        &[r#"{"id": "a:1", "dataset": "news", "text": "Prices rise, she said.", "gold": {"attributions": [{"source": {"text": "she", "start": 13, "end": 16}, "cue": {"text": "said", "start": 17, "end": 21}, "content": {"text": "Prices rise", "start": 0, "end": 11}}]}, "quality": {"attributions": "gold"}}"#],
    );
    dir.write(
        "topics.jsonl",
        &[r#"{"id": "t:1", "dataset": "bbc-news-5class", "text": "Cup final tonight.", "gold": {"labels": ["sport"], "iptc": ["medtop:15000000"]}, "quality": {"labels": "gold", "iptc": "silver"}}"#],
    );
    let mut out = Vec::new();
    let report = run(&dir.0, &fake, &Options::default(), &mut out).ok();
    let metric = |key: &str| report.as_ref().and_then(|r| r.metric(key));
    assert_eq!(metric("dateline.wire.exact_span"), Some(0.0));
    assert_eq!(metric("dateline.wire.false_positive_rate"), None);
    assert_eq!(metric("attribution.news.content_f1"), Some(0.0));
    assert_eq!(metric("topics.bbc-news-5class.top1"), Some(0.0));
    assert_eq!(metric("topics.bbc-news-5class.label_accuracy"), Some(0.0));
    let text = String::from_utf8_lossy(&out);
    for title in [
        "dateline (dateline.jsonl)",
        "attribution (attribution.jsonl)",
        "topics (topics.jsonl)",
    ] {
        assert!(text.contains(title), "{text}");
    }
}

#[test]
fn failures_and_panics_are_misses() {
    let dir = TempDir::new("panic");
    dir.write(
        "language.jsonl",
        &[
            r#"{"id": "x:1", "dataset": "d", "text": "PANIC", "gold": {"language": "en", "kind": "sentence"}, "quality": {"language": "gold"}}"#,
            r#"{"id": "x:2", "dataset": "d", "text": "fine", "gold": {"language": "en", "kind": "sentence"}, "quality": {"language": "gold"}}"#,
        ],
    );
    let mut out = Vec::new();
    let report = run(&dir.0, &fake, &Options::default(), &mut out).ok();
    assert_eq!(
        report
            .as_ref()
            .and_then(|r| r.metric("language.d.accuracy")),
        Some(0.5)
    );
    assert_eq!(
        report.as_ref().and_then(|r| r.metric("language.d.errors")),
        Some(1.0)
    );
    // "kind" is unlabelled: only the overall accuracy counts the items.
    assert_eq!(
        report
            .as_ref()
            .and_then(|r| r.metric("language.d.sentence.accuracy")),
        None
    );
}

#[test]
fn bad_records_name_file_and_line() {
    let dir = TempDir::new("bad");
    dir.write("topics.jsonl", &["", "{\"id\": 1"]);
    let mut out = Vec::new();
    match run(&dir.0, &fake, &Options::default(), &mut out) {
        Err(Error::Json { path, line, .. }) => {
            assert!(path.ends_with("topics.jsonl"));
            assert_eq!(line, 2);
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn a_missing_folder_is_an_io_error() {
    let dir = TempDir::new("gone");
    let missing = dir.0.join("nope");
    let mut out = Vec::new();
    let result = run(&missing, &fake, &Options::default(), &mut out);
    assert!(matches!(result, Err(Error::Io { path, .. }) if path == missing));
}

#[test]
fn task_names_parse() {
    assert_eq!("Topics".parse::<Task>().ok(), Some(Task::Topics));
    assert_eq!(" dateline ".parse::<Task>().ok(), Some(Task::Dateline));
    assert!(matches!("dates".parse::<Task>(), Err(Error::UnknownTask(name)) if name == "dates"));
    assert_eq!(Task::Attribution.file_name(), "attribution.jsonl");
}
