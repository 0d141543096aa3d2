//! Plain-text tables: the first column left-aligned, the others right-aligned,
//! every column as wide as its widest cell.

use std::io::{self, Write};

/// Writes `header` and `rows` as an aligned table, each line indented by two
/// spaces, with a rule under the header.
pub(crate) fn write(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut line = String::from(" ");
        for (i, width) in widths.iter().enumerate().take(columns) {
            let cell = cells.get(i).map_or("", String::as_str);
            let pad = width.saturating_sub(cell.chars().count());
            line.push(' ');
            if i == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str(&" ".repeat(pad + 1));
                line.push_str(cell);
            }
        }
        line.trim_end().to_owned()
    };
    writeln!(out, "{}", line(header))?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", line(&rule))?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn columns_align() {
        let mut out = Vec::new();
        let header = strings(&["dataset", "n", "accuracy"]);
        let rows = vec![
            strings(&["a-long-name", "12", "0.500"]),
            strings(&["b", "3", "-"]),
        ];
        let result = write(&mut out, &header, &rows);
        assert!(result.is_ok());
        let text = String::from_utf8(out).unwrap_or_default();
        let expected = "  dataset       n  accuracy\n  -----------  --  --------\n  a-long-name  12     0.500\n  b             3         -\n";
        assert_eq!(text, expected);
    }
}
