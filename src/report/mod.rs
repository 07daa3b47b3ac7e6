//! Reports of a scenario's outcome as text (80 columns), Markdown, CSV, JSON and a printable
//! HTML page, and the
//! listings of the other commands (`check`, `sources`, `presets`, `compare`, `grid`,
//! `records`).
//!
//! [`Summary::new`] gathers everything once; each format only lays it out.

mod compare;
mod grid;
mod html;
mod listings;
mod records;
mod summary;

pub use compare::{CompareRow, Comparison, compare};
pub use grid::grid;
pub use listings::{loaded, presets, sources};
pub use records::{records, records_notes};
pub use summary::{QuotaWords, RampSummary, Summary};

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
