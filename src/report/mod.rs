//! Reports of a scenario's outcome as text (80 columns), Markdown, CSV, JSON and a printable
//! HTML page, and the
//! listings of the other commands (`check`, `sources`, `presets`, `compare`, `grid`,
//! `records`).
//!
//! [`Summary::new`] gathers everything once; each format only lays it out.

mod average;
mod compare;
mod grid;
mod html;
mod listings;
mod records;
mod summary;

pub use average::records_average;
pub use compare::{CompareRow, Comparison, compare};
pub use grid::grid;
pub use listings::{loaded, presets, presets_listing, sources};
pub use records::{RecordsView, records, records_notes};
pub use summary::{CapacitySummary, QuotaWords, RampSummary, Summary};

/// Output formats of `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text that fits 80 columns.
    Text,
    /// The comparison table, one row per fiscal year.
    Csv,
    /// Everything, for scripts.
    Json,
    /// Headings and tables, with source links.
    Markdown,
    /// One self-contained printable page (inline CSS and SVG, no scripts); `summary`
    /// only: the other reports give Markdown for it.
    Html,
}

/// Append `text` wrapped at 80 columns, never splitting words or dates.
pub(crate) fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let opts = textwrap::Options::new(80)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    for line in textwrap::wrap(text, opts) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// A report that could not be laid out (a failed serialisation). Never swallowed: the
/// command prints it and exits 1.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// JSON serialisation failed.
    #[error("cannot write the JSON output: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV writing failed.
    #[error("cannot write the CSV output: {0}")]
    Csv(String),
}

/// Pretty JSON with a final newline.
///
/// # Errors
/// The value cannot be serialised.
pub(crate) fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, ReportError> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

/// A CSV table built row by row; the first failure is kept and returned by [`CsvOut::finish`].
pub(crate) struct CsvOut {
    writer: csv::Writer<Vec<u8>>,
    error: Option<String>,
}

impl CsvOut {
    /// An empty table.
    pub(crate) fn new() -> Self {
        Self {
            writer: csv::Writer::from_writer(Vec::new()),
            error: None,
        }
    }

    /// Append one record.
    pub(crate) fn row<I, T>(&mut self, record: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        if self.error.is_none()
            && let Err(e) = self.writer.write_record(record)
        {
            self.error = Some(e.to_string());
        }
    }

    /// The table's text.
    ///
    /// # Errors
    /// A record could not be written, or the text is not UTF-8.
    pub(crate) fn finish(self) -> Result<String, ReportError> {
        if let Some(e) = self.error {
            return Err(ReportError::Csv(e));
        }
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| ReportError::Csv(e.to_string()))?;
        String::from_utf8(bytes).map_err(|e| ReportError::Csv(e.to_string()))
    }
}
