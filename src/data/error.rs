//! Errors found while reading data files: each names the file, the line, the column,
//! the bad value and what was expected.

use std::fmt;

use crate::text::escape_controls;

/// The most problems a [`LoadError`] lists; the rest are counted ("and N more").
pub const MAX_LISTED: usize = 50;

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file as the user knows it (`annual_arrests.csv` or `mydir/annual_arrests.csv`).
    pub file: String,
    /// 1-based line number, when the problem is on a line.
    pub line: Option<u64>,
    /// The column, when the problem is in one field.
    pub column: Option<String>,
    /// What is wrong, quoting the bad value like `'abc'`.
    pub message: String,
}

impl DataError {
    /// A problem with the file as a whole.
    #[must_use]
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A problem on one line.
    #[must_use]
    pub fn line(file: &str, line: u64, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: Some(line),
            column: None,
            message: message.into(),
        }
    }

    /// A problem in one field.
    #[must_use]
    pub fn field(file: &str, line: u64, column: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: Some(line),
            column: Some(column.to_string()),
            message: message.into(),
        }
    }
}

/// Shown with control characters escaped: file names, columns and quoted values come
/// from outside and must not act on the terminal.
impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape_controls(&self.file))?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column \"{}\"", escape_controls(column))?;
        }
        write!(f, ": {}", escape_controls(&self.message))
    }
}

impl std::error::Error for DataError {}

/// Every problem found while loading a data set (never only the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The problems, in file order then line order.
    pub errors: Vec<DataError>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors.len();
        writeln!(
            f,
            "the data has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for e in self.errors.iter().take(MAX_LISTED) {
            writeln!(f, "  {e}")?;
        }
        if n > MAX_LISTED {
            writeln!(f, "  and {} more", n - MAX_LISTED)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_column_and_value() {
        let e = DataError::field(
            "annual_arrests.csv",
            7,
            "arrests",
            "'abc' is not a whole number",
        );
        assert_eq!(
            e.to_string(),
            "annual_arrests.csv line 7, column \"arrests\": 'abc' is not a whole number"
        );
        assert_eq!(
            DataError::file("quotas.csv", "file not found").to_string(),
            "quotas.csv: file not found"
        );
    }

    #[test]
    fn control_characters_are_escaped_and_long_lists_capped() {
        let e = DataError::field(
            "dir\x1b[2J/quotas.csv",
            2,
            "id",
            "'\x1b]0;pwned\x07' appears twice",
        );
        assert_eq!(
            e.to_string(),
            "dir\\x1b[2J/quotas.csv line 2, column \"id\": '\\x1b]0;pwned\\x07' appears twice"
        );
        let many = LoadError {
            errors: (1..=60)
                .map(|n| DataError::line("a.csv", n, "bad"))
                .collect(),
        };
        let text = many.to_string();
        assert!(text.starts_with("the data has 60 problems:\n  a.csv line 1: bad\n"));
        assert!(text.ends_with("  a.csv line 50: bad\n  and 10 more\n"));
        assert_eq!(text.lines().count(), 52);
    }
}
