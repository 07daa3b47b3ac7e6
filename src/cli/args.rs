//! The command line's shape: clap's derive structs, and the conversions from them to
//! the core's types (the core knows nothing of clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::data::Dataset;
use crate::model::input::{self, Input};
use crate::model::{self, Scenario};
use crate::number::Fixed3;
use crate::report::Format;

pub use super::chart::ChartArgs;
pub use super::records::RecordsArgs;
pub use super::records::RecordsOptions;

/// Output formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text that fits 80 columns.
    Text,
    /// The comparison table, one row per fiscal year.
    Csv,
    /// Everything, for scripts.
    Json,
    /// Headings and tables, with source links.
    Markdown,
    /// A self-contained printable page with an inline chart (`summary` only).
    Html,
}

impl Cli {
    /// The folder exports go to: `--export-dir`, else `exports/` in the scenarios folder,
    /// else the current folder.
    #[must_use]
    pub fn export_dir(&self) -> PathBuf {
        if let Some(dir) = &self.export_dir {
            return dir.clone();
        }
        crate::saved::default_dir().map_or_else(
            || std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            |d| d.join("exports"),
        )
    }
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => Format::Text,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
        }
    }
}

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

    /// Record-level arrest releases (CSV, XLSX or Parquet, as `records` reads them),
    /// counted together on the Observed tab.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub records: Option<Vec<PathBuf>>,

    /// How the screen reads the `--records` files: every reading option of `records`.
    #[command(flatten, next_help_heading = "Reading --records files")]
    pub records_options: RecordsOptions,

    /// Where the screen's X writes its exports (default: the scenarios folder's
    /// `exports/`, or the current folder when there is no scenarios folder).
    #[arg(long, value_name = "DIR")]
    pub export_dir: Option<PathBuf>,

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
    ///
    /// Text (80 columns) gives the daily and annual totals with their arithmetic, the gap to
    /// the latest official year in arrests and as a multiple, a table of every fiscal year,
    /// the reported quotas with what would reconcile them, context figures, milestones and
    /// sources. CSV gives one row per fiscal year with the scenario's parameters on every
    /// row; JSON gives everything under named keys; Markdown links every source.
    Summary(SummaryArgs),
    /// Validate the data files and print what was loaded (exit 2 on any problem).
    ///
    /// Prints each file with its rows, labels and coverage; on a problem, every problem with
    /// its file, line, column, the bad value and what was expected, and exit code 2.
    Check,
    /// List the presets taken from quotas.csv.
    ///
    /// One line per preset: its id (for --preset), what it sets and who reported it.
    Presets,
    /// List the sources with their links.
    ///
    /// One entry per source: its id, publisher, title, date, link and confidence label.
    Sources,
    /// Compare saved scenarios side by side, with each one's difference from the first.
    ///
    /// Takes file paths or the names `arrest-scenarios scenarios` lists. Prints a row per
    /// input and output (offices, targets, totals, multiples), with each column's
    /// difference from the first scenario.
    Compare(CompareArgs),
    /// What per-office target, or how many offices, reach a goal.
    ///
    /// Prints the per-office target that reaches the goal with the scenario's offices, and
    /// the number of offices that reach it at the scenario's target.
    Goal(GoalArgs),
    /// Annual totals over a grid of per-office targets and office counts.
    ///
    /// Rows are per-office targets, columns office counts; each cell is an annual total
    /// marked with the largest official year it exceeds (`*` above them all, `[q]` where a
    /// reported quota names the cell).
    Grid(GridArgs),
    /// List the saved scenarios (in `ARREST_SCENARIOS_DIR` or the config folder).
    ///
    /// One line per file: its file name, its name and its daily total; a file that cannot
    /// be used is listed with its error.
    Scenarios,
    /// Count record-level arrest releases (CSV, gzip CSV, XLSX or Parquet) by period, and by office.
    ///
    /// Prints the counts per period (and office), what was read, counted and skipped and
    /// why, duplicates, partial periods and unmatched offices. With --format csv only the
    /// table goes to standard output; the notes go to standard error.
    Records(RecordsArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell).
    ///
    /// For example `arrest-scenarios completions bash > ~/.local/share/bash-completion/completions/arrest-scenarios`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Draw a chart of the scenario as a standalone SVG (for slides and handouts).
    ///
    /// Prints (or writes with --out, atomically) an SVG document, 1280 x 720 by default: the
    /// fiscal years against the scenario, the 2025 weekly pace against it and the quotas, or
    /// a ramp-up's cumulative arrests; with a title, axis titles with units, value labels, a
    /// legend and a source line.
    Chart(ChartArgs),
}
/// `compare`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// Two or more scenarios: TOML files, or the names `arrest-scenarios scenarios` lists.
    #[arg(required = true, num_args = 2.., value_name = "FILE|NAME")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
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
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
}

/// The scenario's inputs, shared by `summary` and the interactive screen.
#[derive(Debug, Clone, Default, Args)]
pub struct ScenarioArgs {
    /// Start from a saved scenario: a TOML file, or a name `arrest-scenarios scenarios`
    /// lists; other flags override it.
    #[arg(long, value_name = "FILE|NAME", conflicts_with = "preset")]
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
    #[arg(long, value_name = "N", value_parser = parse_days)]
    pub days: Option<u16>,
    /// A different daily target for one office, as CODE=N (repeatable), e.g. DAL=120.
    #[arg(long = "office", value_name = "CODE=N", value_parser = parse_override)]
    pub overrides: Vec<(String, Fixed3)>,
    /// Only these offices take part, e.g. DAL,HOU (the office count becomes theirs unless
    /// --offices is given).
    #[arg(
        long,
        value_name = "CODES",
        value_delimiter = ',',
        conflicts_with = "exclude"
    )]
    pub only: Vec<String>,
    /// Leave these offices out, e.g. WAS,SLC (the office count drops by as many unless
    /// --offices is given).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub exclude: Vec<String>,
}

/// `summary`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct SummaryArgs {
    /// The scenario.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Also show ICE's official monthly book-ins per day, FY2019 on.
    #[arg(long)]
    pub monthly: bool,
    /// Also show a linear ramp-up over this many weeks from the latest year's pace.
    #[arg(long, value_name = "WEEKS", value_parser = parse_ramp_weeks)]
    pub ramp_weeks: Option<u32>,
    /// The capacity check's assumptions.
    #[command(flatten)]
    pub capacity: CapacityArgs,
}

/// The capacity check's assumptions (each defaults to a sourced figure).
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct CapacityArgs {
    /// Average stay in detention, in days (default: ICE-arrested detainees, FY2025, 43.6531).
    #[arg(long, value_name = "DAYS", value_parser = parse_stay_days, allow_negative_numbers = true)]
    pub stay_days: Option<crate::capacity::StayDays>,
    /// Percent of arrests detained, 0 to 100 (default 100; FY2024's ratio is 79.886).
    #[arg(long, value_name = "PCT", value_parser = parse_detained_share, allow_negative_numbers = true)]
    pub detained_share: Option<Fixed3>,
    /// Funded detention beds (default: 41,500, FY2024, reported).
    #[arg(long, value_name = "N", value_parser = parse_beds, allow_negative_numbers = true)]
    pub beds: Option<u64>,
    /// Officers making arrests (default: 6,000 before 2025, reported; 22,000 in Jan 2026).
    #[arg(long, value_name = "N", value_parser = parse_officers, allow_negative_numbers = true)]
    pub officers: Option<u64>,
    /// Percent of arrests made at large, 0 to 100 (default: FY2024's, derived).
    #[arg(long, value_name = "PCT", value_parser = parse_at_large_share, allow_negative_numbers = true)]
    pub at_large_share: Option<Fixed3>,
}

impl CapacityArgs {
    /// The values given on the command line.
    #[must_use]
    pub fn settings(&self) -> crate::capacity::Settings {
        crate::capacity::Settings {
            stay_days: self.stay_days,
            detained_share: self.detained_share,
            beds: self.beds,
            officers: self.officers,
            at_large_share: self.at_large_share,
        }
    }
}

fn parse_stay_days(text: &str) -> Result<crate::capacity::StayDays, String> {
    input::parse_stay_days(text).map_err(|e| e.to_string())
}

fn parse_detained_share(text: &str) -> Result<Fixed3, String> {
    input::parse_share(Input::DetainedShare, text).map_err(|e| e.to_string())
}

fn parse_at_large_share(text: &str) -> Result<Fixed3, String> {
    input::parse_share(Input::AtLargeShare, text).map_err(|e| e.to_string())
}

fn parse_beds(text: &str) -> Result<u64, String> {
    input::parse_count(Input::Beds, text).map_err(|e| e.to_string())
}

fn parse_officers(text: &str) -> Result<u64, String> {
    input::parse_count(Input::Officers, text).map_err(|e| e.to_string())
}

pub(crate) fn parse_offices(text: &str) -> Result<u32, String> {
    input::parse_offices(text).map_err(|e| e.to_string())
}

pub(crate) fn parse_target(text: &str) -> Result<Fixed3, String> {
    input::parse_target(Input::PerOffice, text).map_err(|e| e.to_string())
}

fn parse_office_target(text: &str) -> Result<Fixed3, String> {
    input::parse_target(Input::OfficeTarget, text).map_err(|e| e.to_string())
}

pub(crate) fn parse_percent(text: &str) -> Result<Fixed3, String> {
    input::parse_attainment(text).map_err(|e| e.to_string())
}

fn parse_days(text: &str) -> Result<u16, String> {
    input::parse_days(text).map_err(|e| e.to_string())
}

fn parse_ramp_weeks(text: &str) -> Result<u32, String> {
    input::parse_ramp_weeks(text).map_err(|e| e.to_string())
}

pub(crate) fn parse_override(text: &str) -> Result<(String, Fixed3), String> {
    let (code, value) = text
        .split_once('=')
        .ok_or_else(|| format!("'{}' is not CODE=N (e.g. DAL=120)", crate::text::echo(text)))?;
    Ok((
        code.trim().to_ascii_uppercase(),
        parse_office_target(value)?,
    ))
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
    /// The capacity assumptions the `--scenario` file sets (none without a file).
    ///
    /// # Errors
    /// The file cannot be used.
    pub fn saved_capacity(&self, data: &Dataset) -> Result<crate::capacity::Settings, ArgsError> {
        Ok(match &self.scenario {
            Some(path) => {
                let dir = crate::saved::default_dir();
                crate::saved::find(path, dir.as_deref(), &data.offices)?.capacity
            }
            None => crate::capacity::Settings::default(),
        })
    }

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
            (Some(path), _) => {
                let dir = crate::saved::default_dir();
                crate::saved::find(path, dir.as_deref(), &data.offices)?.scenario
            }
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
        let offices = &data.offices;
        let unknown = |code: &str| {
            let known: Vec<&str> = offices.iter().map(|o| o.code.as_str()).collect();
            model::ScenarioError::UnknownOffice(crate::text::echo(code), known.join(", "))
        };
        let codes = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|c| c.trim().to_ascii_uppercase())
                .filter(|c| !c.is_empty())
                .collect()
        };
        if !self.only.is_empty() {
            let only = codes(&self.only);
            if let Some(c) = only.iter().find(|c| !offices.iter().any(|o| &&o.code == c)) {
                return Err(unknown(c).into());
            }
            s.excluded = offices
                .iter()
                .filter(|o| !only.contains(&o.code))
                .map(|o| o.code.clone())
                .collect();
            s.offices = u32::try_from(offices.len() - s.excluded.len()).unwrap_or(u32::MAX);
        }
        for code in codes(&self.exclude) {
            if !s.set_taking_part(&code, false, offices) {
                return Err(unknown(&code).into());
            }
            s.excluded.insert(code);
        }
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

impl Cli {
    /// Every `--records` file is there (or is `-`, standard input) before the screen
    /// opens: a missing one is refused by name, and a command's name caught by
    /// `--records` (which takes every word after it) is explained.
    ///
    /// # Errors
    /// The first missing file, as a sentence.
    pub fn check_records_files(&self) -> Result<(), String> {
        use clap::CommandFactory as _;
        use std::fmt::Write as _;
        for path in self.records.iter().flatten() {
            if path.as_os_str() == "-" {
                continue;
            }
            let Err(e) = std::fs::metadata(path) else {
                continue;
            };
            let shown = crate::text::echo(&path.to_string_lossy());
            let mut text = format!("--records file '{shown}' cannot be read: {e}");
            let name = path.to_string_lossy();
            if Self::command()
                .get_subcommands()
                .any(|c| c.get_name() == name)
            {
                let _ = write!(
                    text,
                    "; '{shown}' is read as a file because --records takes every word after \
                     it, and commands do not read the screen's --records files (to count \
                     records in a script: arrest-scenarios records FILE)"
                );
            }
            return Err(text);
        }
        Ok(())
    }

    /// What the screen's loader reads: the `--records` files and the reading options
    /// given with them, or `None` without `--records`.
    #[must_use]
    pub fn records_request(&self) -> Option<(Vec<PathBuf>, crate::records::Options)> {
        self.records
            .clone()
            .map(|files| (files, self.records_options.options()))
    }
}
