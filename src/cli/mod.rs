//! Command-line arguments and the non-interactive commands.
//!
//! [`run`] returns the process exit code and writes to the given streams, so the
//! binary's behaviour is testable without spawning it. A closed output pipe
//! (`| head -1`) is success, not an error.

use std::io::{self, Write};

use crate::data::{Dataset, LoadError};
use crate::model::{self};
use crate::report::{self, Summary};

/// Exit code for bad arguments or bad data.
pub const EXIT_USAGE: u8 = 2;
/// Exit code for a failure of our own (an output that could not be written).
pub const EXIT_FAILURE: u8 = 1;

mod args;
mod chart;
mod commands;
mod records;

pub use args::*;
pub use chart::{ChartCommandError, ChartFormatArg, KindArg, write_atomic};
use commands::{goal_text, scenarios_text};
pub use records::{PeriodArg, progress_bar};

/// Load the data named by `--data-dir`, or the bundled data.
///
/// # Errors
/// Every problem in the files.
pub fn load(data_dir: Option<&std::path::Path>) -> Result<Dataset, LoadError> {
    match data_dir {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::bundled(),
    }
}

/// Run a non-interactive command, writing to `out` and `err`; returns the exit code.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let data = match load(cli.data_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            let _ = write!(err, "error: {e}");
            return EXIT_USAGE;
        }
    };
    for (file, origin) in &data.origins {
        if cli.data_dir.is_some() && *origin == crate::data::Origin::Bundled {
            let _ = writeln!(
                err,
                "note: {file} is not in the data directory; using the bundled copy"
            );
        }
    }
    match command_text(command, &data, err) {
        Ok(text) => write_out(out, &text, err),
        Err(Failure::Usage(message)) => {
            let _ = writeln!(err, "error: {message}");
            EXIT_USAGE
        }
        Err(Failure::Internal(message)) => {
            let _ = writeln!(err, "error: {message}");
            EXIT_FAILURE
        }
    }
}

/// No command, in a build without the `tui` feature: the summary of the scenario the
/// flags describe, as text, with a note that the screen is not built in.
pub fn no_screen(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let _ = writeln!(
        err,
        "note: this build has no interactive screen (cargo feature `tui`); printing the summary"
    );
    let summary = Command::Summary(SummaryArgs {
        scenario: cli.scenario.clone(),
        format: FormatArg::Text,
        ramp_weeks: None,
        capacity: CapacityArgs::default(),
        monthly: false,
    });
    run(cli, &summary, out, err)
}

/// Why a command produced no output: the user's input (exit 2) or our own failure (exit 1).
enum Failure {
    Usage(String),
    Internal(String),
}

impl Failure {
    fn usage(e: &impl std::fmt::Display) -> Self {
        Self::Usage(e.to_string())
    }
}

impl From<report::ReportError> for Failure {
    fn from(e: report::ReportError) -> Self {
        Self::Internal(e.to_string())
    }
}

/// The text a command prints.
fn command_text(command: &Command, data: &Dataset, err: &mut dyn Write) -> Result<String, Failure> {
    let presets = model::presets(data);
    if let Some(name) = html_refused(command) {
        return Err(Failure::Usage(format!(
            "--format html is only for summary; {name} takes text, csv, json or markdown"
        )));
    }
    Ok(match command {
        Command::Check => report::loaded(data),
        Command::Sources => report::sources(data),
        Command::Presets => report::presets_listing(&presets, data),
        Command::Summary(args) => summary_text(args, data, &presets)?,
        Command::Compare(args) => {
            let mut items = Vec::new();
            let dir = crate::saved::default_dir();
            for path in &args.files {
                let saved = crate::saved::find(path, dir.as_deref(), &data.offices)
                    .map_err(|e| Failure::usage(&e))?;
                items.push((saved.name, saved.scenario));
            }
            report::compare(&items, data).render(args.format.into())?
        }
        Command::Goal(args) => goal_text(args, data, &presets).map_err(|e| Failure::usage(&e))?,
        Command::Grid(args) => {
            let s = args
                .scenario
                .scenario(data, &presets)
                .map_err(|e| Failure::usage(&e))?;
            let (rows, cols) = crate::analysis::grid_axes(&s, &presets);
            let grid = crate::analysis::sensitivity(&s, data, &presets, &rows, &cols);
            report::grid(&grid, &s, args.format.into())?
        }
        Command::Scenarios => scenarios_text(data).map_err(|e| Failure::Internal(e.to_string()))?,
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(
                *shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "arrest-scenarios",
                &mut script,
            );
            String::from_utf8(script).map_err(|e| Failure::Internal(e.to_string()))?
        }
        Command::Records(args) => match records::run(args, data, err) {
            Ok(text) => text?,
            Err(e) => return Err(Failure::usage(&e)),
        },
        Command::Chart(args) => {
            let failure = |e: ChartCommandError| {
                if e.exit_code() == EXIT_USAGE {
                    Failure::usage(&e)
                } else {
                    Failure::Internal(e.to_string())
                }
            };
            let svg = chart::svg(args, data, &presets).map_err(failure)?;
            match &args.out {
                Some(path) => {
                    write_atomic(path, svg.as_bytes()).map_err(failure)?;
                    String::new()
                }
                None => svg,
            }
        }
    })
}

/// The command's name when it was given `--format html`, which only `summary` has.
fn html_refused(command: &Command) -> Option<&'static str> {
    let html = |f: &FormatArg| *f == FormatArg::Html;
    match command {
        Command::Compare(a) if html(&a.format) => Some("compare"),
        Command::Grid(a) if html(&a.format) => Some("grid"),
        Command::Records(a) if html(&a.format) => Some("records"),
        _ => None,
    }
}

/// Write `text`; a closed pipe ends quietly with success.
pub fn write_out(out: &mut dyn Write, text: &str, err: &mut dyn Write) -> u8 {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the output: {e}");
            1
        }
    }
}

/// The `summary` report with the capacity check (its assumptions from the flags over the
/// scenario file's, over the sourced defaults).
fn summary_text(
    args: &SummaryArgs,
    data: &Dataset,
    presets: &[model::Preset],
) -> Result<String, Failure> {
    let s = args
        .scenario
        .scenario(data, presets)
        .map_err(|e| Failure::usage(&e))?;
    let saved = args
        .scenario
        .saved_capacity(data)
        .map_err(|e| Failure::usage(&e))?;
    let settings = args.capacity.settings().over(saved);
    let outcome = model::evaluate(&s, data);
    let defaults = crate::capacity::Defaults::of(data);
    let capacity = crate::capacity::check(
        &s,
        &outcome,
        data,
        &defaults,
        defaults.resolve(&settings),
        args.ramp_weeks,
    );
    let mut summary = Summary::new(&s, &outcome, data, presets);
    // The handout is titled with a saved scenario's name (already loaded without
    // error above).
    summary.name = args
        .scenario
        .scenario
        .as_ref()
        .and_then(|p| {
            let dir = crate::saved::default_dir();
            crate::saved::find(p, dir.as_deref(), &data.offices).ok()
        })
        .map(|saved| saved.name);
    if args.monthly {
        summary = summary.with_monthly(data);
    }
    match args.ramp_weeks {
        Some(w) => summary.with_ramp(w),
        None => summary,
    }
    .with_capacity(capacity, &defaults, data)
    .render(args.format.into())
    .map_err(Failure::from)
}

#[cfg(test)]
mod tests {
    use super::args::{parse_override, parse_percent, parse_target};
    use super::*;
    use crate::number::Fixed3;
    use clap::{CommandFactory, Parser};

    #[test]
    fn the_argument_definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_override_a_preset() {
        let data = Dataset::bundled().unwrap();
        let presets = model::presets(&data);
        let args = ScenarioArgs {
            preset: Some("axios-3000".into()),
            attainment: Some(Fixed3::whole(60)),
            ..ScenarioArgs::default()
        };
        let s = args.scenario(&data, &presets).unwrap();
        assert_eq!((s.offices, s.per_office), (25, Fixed3::whole(120)));
        assert_eq!(s.attainment, Fixed3::whole(60));
        let bad = ScenarioArgs {
            preset: Some("nope".into()),
            ..ScenarioArgs::default()
        };
        assert!(
            bad.scenario(&data, &presets)
                .unwrap_err()
                .to_string()
                .starts_with("'nope' is not a preset; the presets are: wapo-national-low, ")
        );
    }

    #[test]
    fn value_parsers_explain_refusals() {
        // The wording is the model's (`model::input`), the same on the screen and in files.
        assert_eq!(
            parse_target("abc").unwrap_err(),
            "per-office target 'abc' is not a number; expected a number from 0 to \
             1,000,000,000,000 a day, with at most 3 decimals"
        );
        assert_eq!(parse_percent("60%").unwrap(), Fixed3::whole(60));
        assert_eq!(
            parse_percent("1001").unwrap_err(),
            "attainment '1001' is too large; expected a percent from 0 to 1,000, with at most 3 decimals"
        );
        assert_eq!(
            parse_override("dal=120").unwrap(),
            ("DAL".to_string(), Fixed3::whole(120))
        );
        assert_eq!(
            parse_override("DAL").unwrap_err(),
            "'DAL' is not CODE=N (e.g. DAL=120)"
        );
    }

    #[test]
    fn screen_records_files_and_options_reach_the_loader() {
        let cli = Cli::try_parse_from([
            "arrest-scenarios",
            "--records",
            "A.csv",
            "B.parquet",
            "--duplicates",
            "drop",
            "--group",
            "at-large",
            "--method-column",
            "How",
            "--from",
            "2025-01-01",
            "--to",
            "2025-10-12",
            "--sheet",
            "Sheet2",
            "--delimiter",
            "|",
            "--date-column",
            "When",
            "--office-column",
            "Where",
            "--strict",
        ])
        .unwrap();
        let (files, o) = cli.records_request().unwrap();
        assert_eq!(
            files,
            [
                std::path::PathBuf::from("A.csv"),
                std::path::PathBuf::from("B.parquet")
            ]
        );
        assert!(o.drop_duplicates && o.strict);
        assert_eq!(o.group, Some(crate::records::group::Group::AtLarge));
        assert_eq!(o.method_column.as_deref(), Some("How"));
        // Days since 1970-01-01: 2025-01-01 and 2025-10-12.
        assert_eq!((o.from, o.to), (Some(20_089), Some(20_373)));
        assert_eq!(o.sheet.as_deref(), Some("Sheet2"));
        assert_eq!(o.delimiter, Some(b'|'));
        assert_eq!(o.date_column.as_deref(), Some("When"));
        assert_eq!(o.office_column.as_deref(), Some("Where"));
    }

    #[test]
    fn screen_records_default_to_keep_and_the_alias_drops() {
        let keep = Cli::try_parse_from(["arrest-scenarios", "--records", "A.csv"]).unwrap();
        let (files, o) = keep.records_request().unwrap();
        assert_eq!(files.len(), 1);
        assert!(!o.drop_duplicates && !o.strict && o.group.is_none());
        let alias = Cli::try_parse_from([
            "arrest-scenarios",
            "--records",
            "A.csv",
            "--drop-duplicates",
        ])
        .unwrap();
        assert!(alias.records_request().unwrap().1.drop_duplicates);
        let none = Cli::try_parse_from(["arrest-scenarios"]).unwrap();
        assert!(none.records_request().is_none());
        let bad = Cli::try_parse_from([
            "arrest-scenarios",
            "--records",
            "A.csv",
            "--from",
            "2025-13-01",
        ])
        .unwrap_err()
        .to_string();
        assert!(
            bad.contains("expected a date as YYYY-MM-DD; got '2025-13-01'"),
            "{bad}"
        );
    }
}
