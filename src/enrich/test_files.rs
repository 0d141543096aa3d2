//! Test support: the hand-written files the unit tests read — the fixture
//! articles under `tests/fixtures/articles/` and the data-driven case files
//! under `tests/cases/<task>/` — listed in one place so every test reads them
//! the same way.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture articles (`tests/fixtures/articles/*.txt`), sorted by name;
/// each has its expectations beside it as `<name>.expect.json`.
pub(crate) fn fixture_articles() -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no fixture articles in {}",
        dir.display()
    );
    paths
}

/// One line of a case file.
pub(crate) struct Case {
    /// The file's name and the line's number, for failure messages ("en.txt:12").
    pub(crate) at: String,
    /// The line's tab-separated fields.
    pub(crate) fields: Vec<String>,
}

/// The cases of every `tests/cases/<task>/<prefix>*.txt` file, with the
/// number of files read; comment lines (`#`) and blank lines are skipped.
pub(crate) fn cases(task: &str, prefix: &str) -> (usize, Vec<Case>) {
    let dir = root().join("tests/cases").join(task);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|f| f.to_str())
                .is_some_and(|f| f.starts_with(prefix) && f.ends_with(".txt"))
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            out.push(Case {
                at: format!("{name}:{}", n + 1),
                fields: line.split('\t').map(str::to_owned).collect(),
            });
        }
    }
    (paths.len(), out)
}
