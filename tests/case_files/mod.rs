//! Reading the data-driven test cases: the `.txt` files of a folder, and one
//! verdict over all the cases read from them.

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
