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
    /// The files, counted together: CSV (comma, semicolon, tab or `|`; gzip too), XLSX
    /// (every sheet) or Parquet, one row per arrest; `-` reads CSV from stdin.
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// Group by day, week (starting Sunday), month or fiscal year.
    #[arg(long, value_enum, default_value_t = PeriodArg::Fy)]
    pub by: PeriodArg,
    /// Also split by field office.
    #[arg(long)]
    pub office: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// How to read the files (shared with the screen's `--records`).
    #[command(flatten)]
    pub read: RecordsOptions,
    /// One row per period and one column per office, zeros filled in.
    #[arg(long, conflicts_with = "group")]
    pub wide: bool,
    /// Instead of counts by period: arrests a day over these days of the files (as the
    /// screen's Observed tab averages them), per office with --office, with the
    /// at-large share with --group at-large.
    #[arg(long, value_enum, value_name = "DAYS", conflicts_with_all = ["wide", "by"])]
    pub average: Option<AverageArg>,
}

/// `--average`'s choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AverageArg {
    /// Every day from the first counted day to the last.
    Whole,
    /// The 84 days ending on the last counted day.
    #[value(name = "last-12-weeks")]
    Last12Weeks,
    /// The latest calendar month the files cover in full.
    LastFullMonth,
}

impl From<AverageArg> for crate::records::Window {
    fn from(a: AverageArg) -> Self {
        match a {
            AverageArg::Whole => Self::Whole,
            AverageArg::Last12Weeks => Self::LastWeeks(12),
            AverageArg::LastFullMonth => Self::LastFullMonth,
        }
    }
}

impl AverageArg {
    /// The choice as typed.
    fn typed(self) -> &'static str {
        match self {
            Self::Whole => "whole",
            Self::Last12Weeks => "last-12-weeks",
            Self::LastFullMonth => "last-full-month",
        }
    }
}

/// How to read record files: the options `records` and the screen's `--records` share.
#[derive(Debug, Clone, Args)]
pub struct RecordsOptions {
    /// The date column, when the file is not one of DDP's layouts.
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,
    /// The office column, when the file is not one of DDP's layouts.
    #[arg(long, value_name = "NAME")]
    pub office_column: Option<String>,
    /// Stop with an error (exit 2) at the first bad row.
    #[arg(long)]
    pub strict: bool,
    /// Keep or drop the repeat rows of an arrest episode, by DDP's rule
    /// (`duplicate_drop_row`, else `duplicate_likely` and not `duplicate_episode_first`).
    #[arg(long, value_enum, default_value_t = DuplicatesArg::Keep)]
    pub duplicates: DuplicatesArg,
    /// The same as `--duplicates drop`.
    #[arg(long)]
    pub drop_duplicates: bool,
    /// Split by the values of a column too, or `at-large` for DDP's at-large and
    /// custodial split by apprehension method.
    #[arg(long, value_name = "COLUMN|at-large")]
    pub group: Option<String>,
    /// The apprehension method column for `--group at-large`, when not a known name.
    #[arg(long, value_name = "NAME")]
    pub method_column: Option<String>,
    /// Count only rows on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<i32>,
    /// Count only rows on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<i32>,
    /// The CSV delimiter instead of the sniffed one: one character, or `tab`.
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<Delimiter>,
    /// Read only this XLSX sheet (by default every sheet, stacked).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

/// What to do with the repeat rows of an arrest episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DuplicatesArg {
    /// Count every row.
    Keep,
    /// Leave out the repeats (DDP counts one row per episode).
    Drop,
}

/// `--from`/`--to`: a `YYYY-MM-DD` date, as days since 1970-01-01.
///
/// # Errors
/// Anything else, with the value echoed safely.
pub fn parse_day(s: &str) -> Result<i32, String> {
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    ok.then(|| crate::records::parse_date(s.as_bytes()))
        .flatten()
        .ok_or_else(|| {
            format!(
                "expected a date as YYYY-MM-DD; got '{}'",
                crate::text::echo(s)
            )
        })
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
        self.read.options()
    }
}

impl RecordsOptions {
    /// The reading options.
    #[must_use]
    pub fn options(&self) -> crate::records::Options {
        crate::records::Options {
            date_column: self.date_column.clone(),
            office_column: self.office_column.clone(),
            strict: self.strict,
            drop_duplicates: self.drop_duplicates || self.duplicates == DuplicatesArg::Drop,
            delimiter: self.delimiter.map(|d| d.0),
            sheet: self.sheet.clone(),
            group: self.group.as_ref().map(|g| {
                if g.eq_ignore_ascii_case("at-large") {
                    crate::records::group::Group::AtLarge
                } else {
                    crate::records::group::Group::Column(g.clone())
                }
            }),
            method_column: self.method_column.clone(),
            from: self.from,
            to: self.to,
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
    let read = crate::records::read_files(
        &args.files,
        &data.offices,
        &args.options(),
        &mut |_, n, total| {
            progress(n, total);
        },
    );
    drop(progress);
    let agg = read?;
    let view = report::RecordsView {
        period: Period::from(args.by),
        by_office: args.office,
        by_group: true,
        wide: args.wide,
    };
    let format = Format::from(args.format);
    if let Some(average) = args.average {
        let window = crate::records::Window::from(average);
        let refuse = |why: String| crate::records::RecordsError::Window {
            path: crate::text::echo(&agg.path),
            window: average.typed().to_string(),
            why,
        };
        let file = agg
            .span()
            .ok_or_else(|| refuse("no row was counted, so there are no days to average".into()))?;
        let days = window.days(file).map_err(refuse)?;
        if format == Format::Csv {
            for note in report::records_notes(&agg, &[]) {
                let _ = writeln!(err, "note: {note}");
            }
        }
        return Ok(report::records_average(
            &agg,
            window,
            days,
            args.office,
            format,
        ));
    }
    if format == Format::Csv {
        let rows = agg.report_by(view.period, view.by_office, view.by_group);
        for note in report::records_notes(&agg, &rows) {
            let _ = writeln!(err, "note: {note}");
        }
    }
    Ok(report::records(&agg, view, format))
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
