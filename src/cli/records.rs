//! `records`: its arguments, and reading a release with a progress bar on stderr.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::args::FormatArg;
use crate::data::Dataset;
use crate::records::Period;
use crate::report::{self, Format};

/// A period, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Calendar days.
    Day,
    /// Weeks starting Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Fiscal years (October to September).
    Fy,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Self {
        match p {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
            PeriodArg::Fy => Period::Fy,
        }
    }
}

/// `records`' arguments.
#[derive(Debug, Clone, Args)]
pub struct RecordsArgs {
    /// The file: CSV (comma, semicolon or tab) or XLSX, one row per arrest.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Group by day, week (starting Sunday), month or fiscal year.
    #[arg(long, value_enum, default_value_t = PeriodArg::Fy)]
    pub by: PeriodArg,
    /// Also split by field office.
    #[arg(long)]
    pub office: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// The date column, when the file is not one of DDP's layouts.
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,
    /// The office column, when the file is not one of DDP's layouts.
    #[arg(long, value_name = "NAME")]
    pub office_column: Option<String>,
    /// Stop with an error (exit 2) at the first bad row.
    #[arg(long)]
    pub strict: bool,
    /// Leave out rows DDP flags as likely duplicates (`duplicate_likely`).
    #[arg(long)]
    pub drop_duplicates: bool,
    /// The CSV delimiter instead of the sniffed one: one character, or `tab`.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<Delimiter>,
    /// Read only this XLSX sheet (by default every sheet, stacked).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

/// A CSV delimiter given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter(pub u8);

/// `--delimiter`: one ASCII character other than a quote or a line end, or `tab`.
///
/// # Errors
/// Anything else, with the value echoed safely.
pub fn parse_delimiter(s: &str) -> Result<Delimiter, String> {
    match s.as_bytes() {
        _ if s.eq_ignore_ascii_case("tab") => Ok(Delimiter(b'\t')),
        [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Ok(Delimiter(*b)),
        _ => Err(format!(
            "expected one ASCII character other than a quote or a line end, or 'tab'; got '{}'",
            crate::text::echo(s)
        )),
    }
}

impl RecordsArgs {
    /// The reading options.
    #[must_use]
    pub fn options(&self) -> crate::records::Options {
        crate::records::Options {
            date_column: self.date_column.clone(),
            office_column: self.office_column.clone(),
            strict: self.strict,
            drop_duplicates: self.drop_duplicates,
            delimiter: self.delimiter.map(|d| d.0),
            sheet: self.sheet.clone(),
        }
    }
}

/// `records`: read the file and lay out its counts; notes go to `err`. The outer error
/// is the file's (exit 2), the inner one a failed layout (exit 1).
///
/// # Errors
/// The file cannot be read, or (with `--strict`) a row is bad.
pub fn run(
    args: &RecordsArgs,
    data: &Dataset,
    err: &mut dyn Write,
) -> Result<Result<String, report::ReportError>, crate::records::RecordsError> {
    let mut progress = progress_bar();
    let read = crate::records::read_file(
        &args.file,
        &data.offices,
        &args.options(),
        &mut |n, total| {
            progress(n, total);
        },
    );
    drop(progress);
    let agg = read?;
    let by = Period::from(args.by);
    let format = Format::from(args.format);
    if format == Format::Csv {
        let rows = agg.report(by, args.office);
        for note in report::records_notes(&agg, &rows) {
            let _ = writeln!(err, "note: {note}");
        }
    }
    Ok(report::records(&agg, by, args.office, format))
}

/// A progress callback `(done, total)`: a bar on stderr once reading has taken half a
/// second, and only when stderr is a terminal.
pub fn progress_bar() -> impl FnMut(u64, u64) {
    use std::io::IsTerminal;
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::hidden());
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("reading {bar:40} {percent}% ({eta} left)")
    {
        bar.set_style(style);
    }
    let start = std::time::Instant::now();
    let show = io::stderr().is_terminal();
    let mut shown = false;
    move |n, total| {
        if show && !shown && start.elapsed() > std::time::Duration::from_millis(500) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            shown = true;
        }
        bar.set_length(total);
        bar.set_position(n);
        if total > 0 && n >= total {
            bar.finish_and_clear();
        }
    }
}
