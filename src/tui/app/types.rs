//! The app's state types: tabs, fields, overlays, the goal's inputs, what a records
//! file gave, and the status-line message.

use crate::analysis::Goal;
use crate::model::Scenario;

/// The tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Parameters, results and the history chart.
    Scenario,
    /// The field offices with their targets.
    Offices,
    /// The arithmetic step by step, and milestones.
    Explain,
    /// Goal seeking in both directions.
    Goal,
    /// The sensitivity grid.
    Grid,
    /// A ramp-up from the latest year's pace.
    Ramp,
    /// What record-level data shows: observed pace, per-office averages.
    Observed,
    /// The capacity check: beds, officers and at-large arrests the scenario implies.
    Capacity,
}

impl Tab {
    /// All tabs, in order.
    pub const ALL: [Self; 8] = [
        Self::Scenario,
        Self::Offices,
        Self::Explain,
        Self::Goal,
        Self::Grid,
        Self::Ramp,
        Self::Observed,
        Self::Capacity,
    ];

    /// The tab's title.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Scenario => "Scenario",
            Self::Offices => "Offices",
            Self::Explain => "Explain",
            Self::Goal => "Goal",
            Self::Grid => "Grid",
            Self::Ramp => "Ramp",
            Self::Observed => "Observed",
            Self::Capacity => "Capacity",
        }
    }

    /// Position in [`Tab::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// What the goal tab aims at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalKind {
    /// A daily total.
    Daily,
    /// An annual total.
    Annual,
    /// A loaded fiscal year's total.
    MatchYear,
}

/// The goal tab's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoalInput {
    /// Which kind of goal.
    pub kind: GoalKind,
    /// The daily total aimed at.
    pub daily: u64,
    /// The annual total aimed at.
    pub annual: u64,
    /// The fiscal year to match.
    pub year: i32,
}

impl GoalInput {
    /// As the model's goal.
    #[must_use]
    pub fn goal(self) -> Goal {
        match self.kind {
            GoalKind::Daily => Goal::Daily(self.daily),
            GoalKind::Annual => Goal::Annual(self.annual),
            GoalKind::MatchYear => Goal::MatchYear(self.year),
        }
    }
}

/// Where record-level data stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsStatus {
    /// No file was given: the bundled 2025 weekly series is shown.
    None,
    /// Reading: done and total (bytes for CSV, rows for XLSX; total 0 if unknown).
    Loading(u64, u64),
    /// Read.
    Loaded,
    /// The file could not be used.
    Failed(String),
}

/// One office's observed pace against its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    /// Office code, or the name as written.
    pub label: String,
    /// Whether it is a bundled office.
    pub known: bool,
    /// Arrests a day observed in the file.
    pub observed: f64,
    /// The scenario's daily target for it (`None`: not a counted office).
    pub target: Option<crate::number::Fixed3>,
    /// Target / observed (`None` without a target or with nothing observed).
    pub factor: Option<f64>,
}

/// One fiscal year on the Observed tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalRow {
    /// The fiscal year.
    pub year: i32,
    /// The loaded figure and its confidence, if the year is in `annual_arrests.csv`.
    pub agency: Option<(u64, crate::data::Confidence)>,
    /// The records file's count and whether the file covers only part of the year.
    pub file: Option<(u64, bool)>,
}

/// One saved scenario as listed in the saved-scenarios overlay.
#[derive(Debug, Clone)]
pub struct SavedEntry {
    /// Its name and scenario, or why it cannot be used (the error names the file).
    pub scenario: Result<(String, Scenario), String>,
}

/// A field the user can select, adjust and type into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Number of offices.
    Offices,
    /// The uniform per-office daily target.
    PerOffice,
    /// Percent of the target met.
    Attainment,
    /// Days per year.
    Days,
    /// One listed office's target (index into the data's offices).
    Office(usize),
    /// The kind of goal (goal tab).
    GoalKind,
    /// The goal's value (goal tab).
    GoalValue,
    /// Weeks of ramp-up (ramp tab).
    RampWeeks,
    /// The name a scenario is saved under.
    SaveName,
    /// The capacity check's average stay (capacity tab).
    StayDays,
    /// The capacity check's detained share (capacity tab).
    DetainedShare,
    /// The capacity check's funded beds (capacity tab).
    Beds,
    /// The capacity check's officers (capacity tab).
    Officers,
    /// The capacity check's at-large share (capacity tab).
    AtLargeShare,
}

impl Field {
    /// The field's name on screen.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Offices => "Offices",
            Self::PerOffice => "Per-office target",
            Self::Attainment => "Attainment",
            Self::Days => "Days per year",
            Self::Office(_) => "Office target",
            Self::GoalKind => "Goal",
            Self::GoalValue => "Goal value",
            Self::RampWeeks => "Ramp-up weeks",
            Self::SaveName => "Save as",
            Self::StayDays => "Average stay",
            Self::DetainedShare => "Detained share",
            Self::Beds => "Funded beds",
            Self::Officers => "Officers",
            Self::AtLargeShare => "At-large share",
        }
    }
}

/// An overlay drawn over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key.
    Help,
    /// Every source, with links.
    Sources,
    /// The saved scenarios.
    Saved,
    /// Scenarios side by side.
    Compare,
}

/// A number being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The field it goes into.
    pub field: Field,
    /// What has been typed.
    pub buffer: String,
}

/// A message on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// True for a refusal or an error.
    pub is_error: bool,
}
