//! A small RFC 4180 CSV reader and writer: quoted fields, doubled quotes, commas and line
//! breaks inside quotes, CRLF or LF. Enough for spreadsheet exports, without a dependency.

use balai_protocol::{ApiError, ErrorCode, Lang};

/// What is wrong with an uploaded file as a whole.
fn bad_file(en: String, id: String) -> ApiError {
    ApiError::field(ErrorCode::Validation, "file", en, id)
}

/// A problem with one cell of a row (its column named), for an import report.
pub fn cell_error(column: &str, en: String, id: String) -> ApiError {
    ApiError::field(ErrorCode::Validation, column, en, id)
}

/// A problem with a row as a whole, for an import report.
pub fn row_error(en: String, id: String) -> ApiError {
    ApiError::new(ErrorCode::Validation, en, id)
}

/// A row's problem as the import report lists it, in the reader's language: "column: what".
pub fn report_error(e: &ApiError, lang: Lang) -> String {
    let message = e.message_in(lang);
    match &e.field {
        Some(column) => format!("{column}: {message}"),
        None => message.to_string(),
    }
}

/// One record and the line of the file it starts on (1-based).
pub struct Record {
    pub line: i64,
    pub fields: Vec<String>,
}

/// Parses `text` into records, skipping blank lines. A UTF-8 byte-order mark is ignored.
pub fn parse(text: &str) -> Result<Vec<Record>, ApiError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            '"' if field.is_empty() => quoted = true,
            '\n' if quoted => {
                line += 1;
                field.push('\n');
            }
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                push(&mut records, start, std::mem::take(&mut fields));
                line += 1;
                start = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(bad_file(
            format!("Line {start}: a quoted field is never closed."),
            format!("Baris {start}: ada kolom berkutip yang tidak pernah ditutup."),
        ));
    }
    fields.push(field);
    push(&mut records, start, fields);
    Ok(records)
}

/// An imported file: its columns (named on the first line, lower-cased) and its rows.
pub struct Table {
    header: Vec<String>,
    pub rows: Vec<Record>,
}

impl Table {
    /// Parses `text`, requiring the `required` columns and at most `max_rows` rows of `what`
    /// (a plural, in English and in Bahasa Indonesia).
    pub fn parse(
        text: &str,
        required: &[&str],
        max_rows: usize,
        what: (&str, &str),
    ) -> Result<Table, ApiError> {
        let mut records = parse(text)?;
        if records.is_empty() {
            return Err(bad_file(
                "The file is empty.".into(),
                "Berkasnya kosong.".into(),
            ));
        }
        let header: Vec<String> = records
            .remove(0)
            .fields
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| !header.iter().any(|h| h == r))
            .collect();
        if !missing.is_empty() {
            let missing = missing.join(", ");
            return Err(bad_file(
                format!("The first line must name the columns; missing: {missing}."),
                format!("Baris pertama harus menamai kolom; yang kurang: {missing}."),
            ));
        }
        if records.len() > max_rows {
            let rows = records.len();
            return Err(bad_file(
                format!(
                    "At most {max_rows} {} per file; this one has {rows}.",
                    what.0
                ),
                format!(
                    "Paling banyak {max_rows} {} per berkas; berkas ini berisi {rows}.",
                    what.1
                ),
            ));
        }
        Ok(Table {
            header,
            rows: records,
        })
    }

    /// The trimmed value of column `col` in `record` (empty when the column or cell is absent).
    pub fn get(&self, record: &Record, col: &str) -> String {
        self.header
            .iter()
            .position(|h| h == col)
            .and_then(|i| record.fields.get(i))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    }
}

fn push(records: &mut Vec<Record>, line: i64, fields: Vec<String>) {
    if !(fields.len() == 1 && fields[0].trim().is_empty()) {
        records.push(Record { line, fields });
    }
}

/// Writes one field, quoted when it holds a comma, quote or line break. A leading `=`, `+`,
/// `-` or `@` is prefixed with `'` so spreadsheets never run it as a formula.
pub fn field(out: &mut String, value: &str) {
    let formula = value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err();
    let value = if formula {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&value);
    }
}

/// Writes a row of fields and a CRLF.
pub fn row(out: &mut String, values: &[&str]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, v);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks() {
        let recs =
            parse("\u{feff}name,address\r\n\"Toko \"\"Maju\"\"\",\"Jl. A, 1\nLt. 2\"\n\nB,x")
                .unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].fields, vec!["Toko \"Maju\"", "Jl. A, 1\nLt. 2"]);
        assert_eq!(recs[1].line, 2);
        assert_eq!(recs[2].line, 5, "blank line skipped, line numbers kept");
        assert!(parse("a,\"open").is_err());
    }

    #[test]
    fn written_rows_read_back_and_never_run_as_formulas() {
        let mut out = String::new();
        row(&mut out, &["=HYPERLINK(\"x\")", "a,b", "-6.2"]);
        let recs = parse(&out).unwrap();
        assert_eq!(recs[0].fields, vec!["'=HYPERLINK(\"x\")", "a,b", "-6.2"]);
    }
}
