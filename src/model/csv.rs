//! CSV as spreadsheets read it (RFC 4180), for exporting an intake form's responses
//! (issue 16): fields quoted when they hold a comma, a quote or a line break, CRLF
//! between records, and a cell that a spreadsheet would run as a formula (`=`, `+`,
//! `-`, `@`, a tab or a carriage return first) kept as text with a leading `'`. The
//! reader is the export's inverse, for tests and for reading one back.

/// The rows as one CSV text.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let cell = defused(cell);
            if cell.contains([',', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// A cell a spreadsheet would take as a formula becomes text ("=1+1" reads "'=1+1");
/// a plain number ("-2", "+1.5") stays a number.
fn defused(cell: &str) -> String {
    if cell.trim().parse::<f64>().is_ok() {
        return cell.to_owned();
    }
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// Reads CSV text into rows: quoted fields with doubled quotes and line breaks inside,
/// CRLF or LF between records. `None` when a quote is never closed.
pub fn read(text: &str) -> Option<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return None;
    }
    if any {
        row.push(cell);
        rows.push(row);
    }
    Some(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[&[&str]]) -> Vec<Vec<String>> {
        list.iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    #[test]
    fn responses_export_and_read_back_with_the_same_rows() {
        let table = rows(&[
            &["Sent", "Name", "What do you need?", "Budget"],
            &[
                "2026-12-01",
                "Ben Cole, Acme",
                "A site\nand \"support\"",
                "4,500",
            ],
            &["2026-12-02", "Chie", "", "1200"],
        ]);
        let text = write(&table);
        assert!(text.starts_with("Sent,Name,What do you need?,Budget\r\n"));
        assert!(text.contains("\"Ben Cole, Acme\",\"A site\nand \"\"support\"\"\",\"4,500\""));
        assert_eq!(read(&text).unwrap(), table);
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_kept_as_text() {
        let text = write(&rows(&[&[
            "=HYPERLINK(\"http://evil\")",
            "+1+cmd",
            "-2+3",
            "@SUM(A1)",
            "-2",
            "+1.5",
        ]]));
        let back = read(&text).unwrap();
        assert_eq!(back[0][0], "'=HYPERLINK(\"http://evil\")");
        assert_eq!(back[0][1..4], ["'+1+cmd", "'-2+3", "'@SUM(A1)"]);
        // Plain numbers stay numbers.
        assert_eq!(back[0][4..], ["-2", "+1.5"]);
    }

    #[test]
    fn reading_is_lenient_about_line_ends_and_strict_about_quotes() {
        assert_eq!(read("a,b\nc,d").unwrap(), rows(&[&["a", "b"], &["c", "d"]]));
        assert_eq!(read("a,\"b").map(|r| r.len()), None);
        assert!(read("").unwrap().is_empty());
    }
}
