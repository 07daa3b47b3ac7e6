//! `chart`: a standalone SVG of the scenario, to stdout or written atomically to a file.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::args::ScenarioArgs;
use crate::chart::{self, Kind, Size};
use crate::data::Dataset;
use crate::model;

/// `chart`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct ChartArgs {
    /// The scenario.
    #[command(flatten)]
    pub scenario: ScenarioArgs,
    /// Output format (SVG only).
    #[arg(long, value_enum, default_value_t = ChartFormatArg::Svg)]
    pub format: ChartFormatArg,
    /// Which chart: the fiscal years, the 2025 weekly pace, a ramp-up, or the capacity check.
    #[arg(long, value_enum, default_value_t = KindArg::Years)]
    pub kind: KindArg,
    /// Weeks of the ramp-up (for `--kind ramp`).
    #[arg(long, value_name = "WEEKS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(0..=52))]
    pub ramp_weeks: u32,
    /// Width in pixels (320 to 8000; default 1280, a 16:9 slide with the default height).
    #[arg(long, value_name = "PX", default_value_t = 1280, value_parser = clap::value_parser!(u32).range(320..=8000))]
    pub width: u32,
    /// Height in pixels (320 to 8000; default 720).
    #[arg(long, value_name = "PX", default_value_t = 720, value_parser = clap::value_parser!(u32).range(320..=8000))]
    pub height: u32,
    /// The capacity check's assumptions (for `--kind capacity`).
    #[command(flatten)]
    pub capacity: super::args::CapacityArgs,
    /// Write the chart to FILE (atomically: a temporary file in the same folder, then
    /// renamed) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Chart formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartFormatArg {
    /// A standalone SVG document.
    Svg,
}

/// Chart kinds, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Every fiscal year's arrests against the scenario's annual total.
    Years,
    /// The observed 2025 weekly pace against the scenario's daily total and the quotas.
    Pace,
    /// Cumulative arrests with a ramp-up against the full pace from day one.
    Ramp,
    /// The capacity the scenario implies (needs the capacity check).
    Capacity,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Years => Kind::Years,
            KindArg::Pace => Kind::Pace,
            KindArg::Ramp => Kind::Ramp,
            KindArg::Capacity => Kind::Capacity,
        }
    }
}

/// Why `chart` failed: bad input (exit 2) or a failed write (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum ChartCommandError {
    /// The scenario's arguments.
    #[error(transparent)]
    Args(#[from] super::ArgsError),
    /// The chart cannot be drawn.
    #[error(transparent)]
    Chart(#[from] chart::ChartError),
    /// The output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file asked for.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
}

impl ChartCommandError {
    /// The exit code: 1 for a failed write, 2 for bad input.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Write { .. } => 1,
            _ => super::EXIT_USAGE,
        }
    }
}

/// The SVG for `args`.
///
/// # Errors
/// A bad scenario or a chart that is not available.
pub fn svg(
    args: &ChartArgs,
    data: &Dataset,
    presets: &[model::Preset],
) -> Result<String, ChartCommandError> {
    let s = args.scenario.scenario(data, presets)?;
    let outcome = model::evaluate(&s, data);
    let input = chart::Input {
        scenario: &s,
        outcome: &outcome,
        data,
        ramp_weeks: args.ramp_weeks,
    };
    let size = Size {
        width: args.width,
        height: args.height,
    };
    if args.kind == KindArg::Capacity {
        // The assumptions: the flags over the scenario file's, over the sourced defaults.
        let saved = args.scenario.saved_capacity(data)?;
        let settings = args.capacity.settings().over(saved);
        let defaults = crate::capacity::Defaults::of(data);
        let check = crate::capacity::check(
            &s,
            &outcome,
            data,
            &defaults,
            defaults.resolve(&settings),
            None,
        );
        return Ok(chart::capacity(&check, data, size));
    }
    Ok(chart::render(args.kind.into(), &input, size)?)
}

/// Write `bytes` to `path` through a temporary file in the same folder, flushed and
/// renamed into place (replacing an older file), so no reader ever sees half a chart.
///
/// # Errors
/// The folder is missing or not writable, or the disk is full; nothing is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ChartCommandError> {
    let fail = |source| ChartCommandError::Write {
        path: crate::text::echo(&path.display().to_string()),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".chart-").suffix(".tmp");
    // A chart is for sharing: readable by others, like a file the shell would create.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
