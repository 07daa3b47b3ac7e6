//! Command-line arguments and the non-interactive commands.
//!
//! [`run`] returns the process exit code and writes to the given streams, so the
//! binary's behaviour is testable without spawning it. A closed output pipe
//! (`| head -1`) is success, not an error.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::{Dataset, LoadError};
use crate::model::{self, Scenario};
use crate::number::{Fixed3, NumberError, parse_thousandths};
use crate::report::{self, Format, Summary};

/// Exit code for bad arguments or bad data.
pub const EXIT_USAGE: u8 = 2;

/// Explore arrest-quota scenarios against ICE's historical arrest figures.
///
/// With no command, opens the interactive screen (or prints the summary when output
/// is not a terminal).
#[derive(Debug, Parser)]
#[command(
    name = "arrest-scenarios",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Read the data files from DIR instead of the bundled copies (missing files fall
    /// back to the bundled ones).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colour on screen: auto (off when `NO_COLOR` is set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// The starting scenario of the interactive screen.
    #[command(flatten)]
    pub scenario: ScenarioArgs,

    /// A record-level arrest release (CSV or XLSX) to show on the Observed tab.
    #[arg(long, value_name = "FILE")]
    pub records: Option<PathBuf>,

    /// The command; none opens the interactive screen.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour unless `NO_COLOR` is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour: a monochrome theme.
    Never,
}

/// The commands.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Print a scenario's totals against every fiscal year and reported quota.
    Summary(SummaryArgs),
    /// Validate the data files and print what was loaded (exit 2 on any problem).
    Check,
    /// List the presets taken from quotas.csv.
    Presets,
    /// List the sources with their links.
    Sources,
    /// Compare saved scenarios side by side, with each one's difference from the first.
    Compare(CompareArgs),
    /// What per-office target, or how many offices, reach a goal.
    Goal(GoalArgs),
    /// Annual totals over a grid of per-office targets and office counts.
    Grid(GridArgs),
    /// List the saved scenarios (in `ARREST_SCENARIOS_DIR` or the config folder).
    Scenarios,
    /// Count a record-level arrest release (CSV or XLSX) by period, and by office.
    Records(RecordsArgs),
}

/// `records`' arguments.
#[derive(Debug, Clone, Args)]
pub struct RecordsArgs {
    /// The file: CSV (comma, semicolon or tab) or XLSX, one row per arrest.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Group by day, week (starting Sunday), month or fiscal year.
    #[arg(long, value_enum, default_value_t = crate::records::Period::Fy)]
    pub by: crate::records::Period,
    /// Also split by field office.
    #[arg(long)]
    pub office: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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
        }
    }
}

/// `compare`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// Two or more scenario files (TOML, as saved by the interactive screen).
    #[arg(required = true, num_args = 2.., value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `goal`'s arguments.
#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["daily", "annual", "match_fy"])))]
pub struct GoalArgs {
    /// The scenario to start from.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// A daily total to reach.
    #[arg(long, value_name = "N")]
    pub daily: Option<u64>,
    /// An annual total to reach.
    #[arg(long, value_name = "N")]
    pub annual: Option<u64>,
    /// Match a loaded fiscal year's total.
    #[arg(long, value_name = "YEAR")]
    pub match_fy: Option<i32>,
}

/// `grid`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct GridArgs {
    /// The scenario (its attainment and days apply to every cell).
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The scenario's inputs, shared by `summary` and the interactive screen.
#[derive(Debug, Clone, Default, Args)]
pub struct ScenarioArgs {
    /// Start from a saved scenario file (TOML); other flags override it.
    #[arg(long, value_name = "FILE", conflicts_with = "preset")]
    pub scenario: Option<PathBuf>,
    /// Start from a preset (see `arrest-scenarios presets`); other flags override it.
    #[arg(long, value_name = "ID")]
    pub preset: Option<String>,
    /// Number of field offices (0 to 4,294,967,295).
    #[arg(long, value_name = "N", value_parser = parse_offices, allow_negative_numbers = true)]
    pub offices: Option<u32>,
    /// Arrests per office per day (decimals allowed, up to 1e12).
    #[arg(long, value_name = "N", value_parser = parse_target, allow_negative_numbers = true)]
    pub per_office: Option<Fixed3>,
    /// Percent of the target actually met (0 to 1000; default 100).
    #[arg(long, value_name = "PCT", value_parser = parse_percent, allow_negative_numbers = true)]
    pub attainment: Option<Fixed3>,
    /// Days per year with arrests (1 to 366; 261 for weekdays only; default 365).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=366))]
    pub days: Option<u16>,
    /// A different daily target for one office, as CODE=N (repeatable), e.g. DAL=120.
    #[arg(long = "office", value_name = "CODE=N", value_parser = parse_override)]
    pub overrides: Vec<(String, Fixed3)>,
}

/// `summary`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct SummaryArgs {
    /// The scenario.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also show a linear ramp-up over this many weeks from the latest year's pace.
    #[arg(long, value_name = "WEEKS", value_parser = clap::value_parser!(u32).range(0..=52))]
    pub ramp_weeks: Option<u32>,
}

fn number_message(text: &str, e: &NumberError) -> String {
    format!("'{text}' {e}")
}

fn parse_offices(text: &str) -> Result<u32, String> {
    let n = crate::number::parse_whole(text).map_err(|e| match e {
        NumberError::Negative => format!("'{text}' is negative; expected zero or more"),
        other => number_message(text, &other),
    })?;
    u32::try_from(n).map_err(|_| format!("'{text}' is too large (at most 4,294,967,295)"))
}

fn parse_target(text: &str) -> Result<Fixed3, String> {
    let t = parse_thousandths(text).map_err(|e| number_message(text, &e))?;
    let t = Fixed3::from_thousandths(t);
    if t > model::MAX_PER_OFFICE {
        return Err(format!(
            "'{text}' is too large (at most 1,000,000,000,000 a day)"
        ));
    }
    Ok(t)
}

fn parse_percent(text: &str) -> Result<Fixed3, String> {
    let text = text.trim().trim_end_matches('%');
    let t =
        Fixed3::from_thousandths(parse_thousandths(text).map_err(|e| number_message(text, &e))?);
    if t > model::MAX_ATTAINMENT {
        return Err(format!("'{text}' is above {}%", model::MAX_ATTAINMENT));
    }
    Ok(t)
}

fn parse_override(text: &str) -> Result<(String, Fixed3), String> {
    let (code, value) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not CODE=N (e.g. DAL=120)"))?;
    Ok((code.trim().to_ascii_uppercase(), parse_target(value)?))
}

/// Why a scenario could not be built from the arguments.
#[derive(Debug, thiserror::Error)]
pub enum ArgsError {
    /// `--preset` names no preset.
    #[error("'{0}' is not a preset; the presets are: {1}")]
    UnknownPreset(String, String),
    /// An input is out of range.
    #[error(transparent)]
    Scenario(#[from] model::ScenarioError),
    /// A scenario file could not be used.
    #[error(transparent)]
    File(#[from] crate::saved::SavedError),
}

impl ScenarioArgs {
    /// The scenario these arguments describe (the January 2025 25 x 75 by default).
    ///
    /// # Errors
    /// An unknown preset or an input out of range.
    pub fn scenario(
        &self,
        data: &Dataset,
        presets: &[model::Preset],
    ) -> Result<Scenario, ArgsError> {
        let mut s = match (&self.scenario, &self.preset) {
            (Some(path), _) => crate::saved::load(path, &data.offices)?.scenario,
            (None, Some(id)) => presets
                .iter()
                .find(|p| p.id == *id)
                .map(model::Preset::scenario)
                .ok_or_else(|| {
                    let ids: Vec<&str> = presets.iter().map(|p| p.id.as_str()).collect();
                    ArgsError::UnknownPreset(id.clone(), ids.join(", "))
                })?,
            (None, None) => Scenario::default(),
        };
        if let Some(n) = self.offices {
            s.offices = n;
        }
        if let Some(t) = self.per_office {
            s.per_office = t;
        }
        if let Some(a) = self.attainment {
            s.attainment = a;
        }
        if let Some(d) = self.days {
            s.days = d;
        }
        for (code, t) in &self.overrides {
            s.overrides.insert(code.clone(), *t);
        }
        s.validate(&data.offices)?;
        Ok(s)
    }
}

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
    let text = match command {
        Command::Check => report::loaded(&data),
        Command::Sources => report::sources(&data),
        Command::Presets => report::presets(&presets),
        Command::Summary(args) => match args.scenario.scenario(&data, &presets) {
            Ok(s) => {
                let outcome = model::evaluate(&s, &data);
                let summary = Summary::new(&s, &outcome, &data, &presets);
                match args.ramp_weeks {
                    Some(w) => summary.with_ramp(w),
                    None => summary,
                }
                .render(args.format)
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
            report::compare(&items, &data).render(args.format)
        }
        Command::Goal(args) => match goal_text(args, &data, &presets) {
            Ok(text) => text,
            Err(e) => return fail(err, &e),
        },
        Command::Grid(args) => match args.scenario.scenario(&data, &presets) {
            Ok(s) => {
                let (rows, cols) = crate::analysis::grid_axes(&s, &presets);
                let grid = crate::analysis::sensitivity(&s, &data, &presets, &rows, &cols);
                report::grid(&grid, &s, args.format)
            }
            Err(e) => return fail(err, &e),
        },
        Command::Scenarios => scenarios_text(&data),
        Command::Records(args) => {
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
            match read {
                Ok(agg) => {
                    if args.format == Format::Csv {
                        let rows = agg.report(args.by, args.office);
                        for note in report::records_notes(&agg, &rows) {
                            let _ = writeln!(err, "note: {note}");
                        }
                    }
                    report::records(&agg, args.by, args.office, args.format)
                }
                Err(e) => return fail(err, &e),
            }
        }
    };
    write_out(out, &text, err)
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

fn fail(err: &mut dyn Write, e: &dyn std::fmt::Display) -> u8 {
    let _ = writeln!(err, "error: {e}");
    EXIT_USAGE
}

fn goal_text(args: &GoalArgs, data: &Dataset, presets: &[model::Preset]) -> Result<String, String> {
    use crate::analysis::{Goal, goal_seek};
    let s = args
        .scenario
        .scenario(data, presets)
        .map_err(|e| e.to_string())?;
    let goal = match (args.daily, args.annual, args.match_fy) {
        (Some(n), _, _) => Goal::Daily(n),
        (_, Some(n), _) => Goal::Annual(n),
        (_, _, Some(y)) => Goal::MatchYear(y),
        _ => return Err("give --daily, --annual or --match-fy".into()),
    };
    let r = goal_seek(&s, data, goal).ok_or_else(|| {
        let years: Vec<String> = data
            .annual
            .iter()
            .map(|a| a.fiscal_year.to_string())
            .collect();
        format!(
            "FY{} is not in annual_arrests.csv (loaded: {})",
            args.match_fy.unwrap_or_default(),
            years.join(", ")
        )
    })?;
    let mut out = format!(
        "Goal: {} ({} a day over {} days)\nFrom: {} offices x {} a day, {}% met\n",
        r.goal,
        r.daily_needed.display(2),
        s.days,
        crate::number::group_thousands(u128::from(s.offices)),
        s.per_office,
        s.attainment
    );
    match r.per_office_needed {
        Some((t, exact)) => {
            let _ = writeln!(
                out,
                "Per-office target needed with {} offices: {}{t} a day",
                crate::number::group_thousands(u128::from(s.offices)),
                if exact { "" } else { "~" }
            );
        }
        None => {
            out.push_str("Per-office target needed: none reaches it with 0 offices or 0% met\n");
        }
    }
    match r.offices_needed {
        Some(n) => {
            let _ = writeln!(
                out,
                "Offices needed at {} a day each: {} (rounded up)",
                s.per_office,
                crate::number::group_thousands(n)
            );
        }
        None => out.push_str("Offices needed: none reaches it at 0 a day or 0% met\n"),
    }
    Ok(out)
}

fn scenarios_text(data: &Dataset) -> String {
    let Some(dir) = crate::saved::default_dir() else {
        return "no configuration folder is known here; set ARREST_SCENARIOS_DIR\n".into();
    };
    let listed = crate::saved::list(&dir, &data.offices);
    if listed.is_empty() {
        return format!("no saved scenarios in {}\n", dir.display());
    }
    let mut out = format!("Saved scenarios in {}\n", dir.display());
    for item in listed {
        match item {
            Ok(s) => {
                let o = model::evaluate(&s.scenario, data);
                let _ = writeln!(
                    out,
                    "  {}  {}: {} offices x {} a day = {} a day",
                    s.path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                    s.name,
                    crate::number::group_thousands(u128::from(s.scenario.offices)),
                    s.scenario.per_office,
                    o.daily_total.display(2)
                );
            }
            Err(e) => {
                let _ = writeln!(out, "  cannot be used: {e}");
            }
        }
    }
    out
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
    use super::*;
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
