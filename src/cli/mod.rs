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
    let presets = model::presets(&data);
    if let Some(name) = html_refused(command) {
        let _ = writeln!(
            err,
            "error: --format html is only for summary; {name} takes text, csv, json or markdown"
        );
        return EXIT_USAGE;
    }
    let text = match command {
        Command::Check => report::loaded(&data),
        Command::Sources => report::sources(&data),
        Command::Presets => report::presets(&presets),
        Command::Summary(args) => match args.scenario.scenario(&data, &presets) {
            Ok(s) => {
                let outcome = model::evaluate(&s, &data);
                let mut summary = Summary::new(&s, &outcome, &data, &presets);
                // The handout is titled with a saved scenario's name (already loaded
                // without error above).
                summary.name = args
                    .scenario
                    .scenario
                    .as_ref()
                    .and_then(|p| crate::saved::load(p, &data.offices).ok())
                    .map(|saved| saved.name);
                match args.ramp_weeks {
                    Some(w) => summary.with_ramp(w),
                    None => summary,
                }
                .render(args.format.into())
            }
            Err(e) => return fail(err, &e),
        },
        Command::Compare(args) => {
            let mut items = Vec::new();
            for path in &args.files {
                match crate::saved::load(path, &data.offices) {
                    Ok(saved) => items.push((saved.name, saved.scenario)),
                    Err(e) => return fail(err, &e),
                }
            }
            report::compare(&items, &data).render(args.format.into())
        }
        Command::Goal(args) => match goal_text(args, &data, &presets) {
            Ok(text) => text,
            Err(e) => return fail(err, &e),
        },
        Command::Grid(args) => match args.scenario.scenario(&data, &presets) {
            Ok(s) => {
                let (rows, cols) = crate::analysis::grid_axes(&s, &presets);
                let grid = crate::analysis::sensitivity(&s, &data, &presets, &rows, &cols);
                report::grid(&grid, &s, args.format.into())
            }
            Err(e) => return fail(err, &e),
        },
        Command::Scenarios => scenarios_text(&data),
        Command::Records(args) => match records::run(args, &data, err) {
            Ok(text) => text,
            Err(e) => return fail(err, &e),
        },
        Command::Chart(args) => match chart::svg(args, &data, &presets) {
            Ok(svg) => match &args.out {
                Some(path) => {
                    return match write_atomic(path, svg.as_bytes()) {
                        Ok(()) => 0,
                        Err(e) => {
                            let _ = writeln!(err, "error: {e}");
                            e.exit_code()
                        }
                    };
                }
                None => svg,
            },
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return e.exit_code();
            }
        },
    };
    write_out(out, &text, err)
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

fn fail(err: &mut dyn Write, e: &dyn std::fmt::Display) -> u8 {
    let _ = writeln!(err, "error: {e}");
    EXIT_USAGE
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

#[cfg(test)]
mod tests {
    use super::args::{parse_override, parse_percent, parse_target};
    use super::*;
    use crate::number::Fixed3;
    use clap::CommandFactory;

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
        assert_eq!(parse_target("abc").unwrap_err(), "'abc' is not a number");
        assert_eq!(
            parse_target("2e12").unwrap_err(),
            "'2e12' is too large (at most 1,000,000,000,000 a day)"
        );
        assert_eq!(parse_percent("60%").unwrap(), Fixed3::whole(60));
        assert_eq!(parse_percent("1001").unwrap_err(), "'1001' is above 1,000%");
        assert_eq!(
            parse_override("dal=120").unwrap(),
            ("DAL".to_string(), Fixed3::whole(120))
        );
        assert_eq!(
            parse_override("DAL").unwrap_err(),
            "'DAL' is not CODE=N (e.g. DAL=120)"
        );
    }
}
