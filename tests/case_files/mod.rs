//! Reading the data-driven test cases: the `.txt` files of a folder, their
//! case lines, and one verdict over all the cases read from them.

use std::fs;
use std::path::{Path, PathBuf};

/// The `.txt` files of `tests/<folder>`, in name order (the file stem is the
/// language of its cases, where the folder is per language).
pub(crate) fn txt_files(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// One case line of a case file.
pub(crate) struct CaseLine {
    /// "path:line", for messages.
    pub(crate) at: String,
    /// The file's stem: the language of its cases.
    pub(crate) lang: String,
    /// The line as written.
    pub(crate) text: String,
}

/// Every case line of the `.txt` files of `tests/<folder>`, in file and
/// line order; blank lines and `#` comments are no cases.
pub(crate) fn case_lines(folder: &str) -> Vec<CaseLine> {
    let mut out = Vec::new();
    for path in txt_files(folder) {
        let lang = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("en")
            .to_owned();
        let data = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (n, line) in data.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            out.push(CaseLine {
                at: format!("{}:{}", path.display(), n + 1),
                lang: lang.clone(),
                text: line.to_owned(),
            });
        }
    }
    out
}

/// Fails unless at least `min` cases were read and none failed; lists every
/// failure so that one run shows them all.
pub(crate) fn assert_all_pass(cases: usize, min: usize, failures: &[String]) {
    assert!(
        cases >= min,
        "only {cases} cases read (expected at least {min})"
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
