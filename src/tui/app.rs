//! The interactive application's state. [`App::update`] is the only place it changes;
//! the scenario's outcome is recomputed there and cached for rendering.

use std::path::PathBuf;

use crate::analysis::{self, Goal, GoalResult, Grid, Milestone, Ramp, Step};
use crate::data::Dataset;
use crate::model::{self, MAX_ATTAINMENT, MAX_PER_OFFICE, Outcome, Preset, Scenario};
use crate::number::{Fixed3, NumberError, group_thousands, parse_thousandths, parse_whole};
use crate::report::{self, Comparison, Format, Summary};
use crate::saved;

use super::keys::{Action, Mode};

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
}

impl Tab {
    /// All tabs, in order.
    pub const ALL: [Self; 7] = [
        Self::Scenario,
        Self::Offices,
        Self::Explain,
        Self::Goal,
        Self::Grid,
        Self::Ramp,
        Self::Observed,
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

/// How many steps back `u` can go.
const UNDO_LIMIT: usize = 500;

/// The whole state of the interactive screen.
#[derive(Debug, Clone)]
pub struct App {
    /// The data.
    pub data: Dataset,
    /// Presets from quotas.csv.
    pub presets: Vec<Preset>,
    /// The scenario being explored.
    pub scenario: Scenario,
    /// The scenario `r` returns to.
    pub start: Scenario,
    /// Its outcome, recomputed on every change.
    pub outcome: Outcome,
    /// The preset last loaded, while the scenario still matches it.
    pub preset: Option<usize>,
    /// The visible tab.
    pub tab: Tab,
    /// The selected row on each tab (in [`Tab::ALL`] order).
    pub rows: [usize; 7],
    /// Presentation mode: big numbers, everything else hidden.
    pub presenting: bool,
    /// Stepping through the arithmetic: steps before this one are shown whole, this
    /// one without its result, later ones not at all. `None` shows everything.
    pub reveal: Option<usize>,
    /// The goal tab's inputs.
    pub goal: GoalInput,
    /// Weeks of ramp-up on the ramp tab.
    pub ramp_weeks: u32,
    /// The selected grid cell (row, column).
    pub grid_cell: (usize, usize),
    /// The saved scenarios, as last listed.
    pub saved: Vec<SavedEntry>,
    /// The selected saved scenario.
    pub saved_row: usize,
    /// Saved scenarios marked for comparison.
    pub marked: Vec<usize>,
    /// The comparison shown in the compare overlay.
    pub comparison: Option<Comparison>,
    /// Where scenarios are saved (`None`: no folder known).
    pub scenario_dir: Option<PathBuf>,
    /// Where exports are written.
    pub export_dir: PathBuf,
    /// The arithmetic, step by step (recomputed with the outcome).
    pub explanation: Vec<Step>,
    /// Milestones (recomputed with the outcome).
    pub milestones: Vec<Milestone>,
    /// The goal's solution (recomputed with the outcome).
    pub goal_result: Option<GoalResult>,
    /// The sensitivity grid (recomputed with the outcome).
    pub grid: Grid,
    /// The ramp-up (recomputed with the outcome).
    pub ramp: Ramp,
    /// Record-level data, once read.
    pub records: Option<std::sync::Arc<crate::records::Aggregate>>,
    /// Where reading it stands.
    pub records_status: RecordsStatus,
    /// The observed pace shown: its label and (period, arrests a day).
    pub pace: (String, Vec<(String, f64)>),
    /// Whether a records file's pace is shown by week or by month.
    pub pace_period: crate::records::Period,
    /// Each office's observed pace against its target (recomputed with the outcome).
    pub stretch: Vec<Stretch>,
    /// The offices with their targets, and up to three hypothetical extras
    /// (recomputed with the outcome).
    pub office_lines: Vec<model::OfficeLine>,
    /// Arrests per fiscal year in the records file: (year, count, partial).
    pub file_years: Vec<(i32, u64, bool)>,
    /// Each fiscal year's agency figure beside the records file's count (recomputed
    /// with the outcome).
    pub fiscal_rows: Vec<FiscalRow>,
    /// A number being typed.
    pub edit: Option<Edit>,
    /// An open overlay.
    pub overlay: Option<Overlay>,
    /// How far the overlay is scrolled, in lines.
    pub overlay_scroll: u16,
    /// The status-line message.
    pub message: Option<Message>,
    /// Scenarios before each change.
    pub undo: Vec<Scenario>,
    /// Scenarios undone.
    pub redo: Vec<Scenario>,
    /// Set when the user asked to quit.
    pub quit: bool,
}

impl App {
    /// A new app on `data`, starting from `start`, saving scenarios in `scenario_dir`
    /// and writing exports to `export_dir`.
    #[must_use]
    pub fn new(
        data: Dataset,
        start: Scenario,
        scenario_dir: Option<PathBuf>,
        export_dir: PathBuf,
    ) -> Self {
        let presets = model::presets(&data);
        let outcome = model::evaluate(&start, &data);
        let preset = presets.iter().position(|p| p.scenario() == start);
        let year = outcome
            .latest_official
            .and_then(|i| outcome.comparisons.get(i))
            .map_or(2024, |c| c.fiscal_year);
        let ramp = analysis::ramp(&start, &outcome, 12, None);
        let mut app = Self {
            data,
            presets,
            scenario: start.clone(),
            start,
            outcome,
            preset,
            tab: Tab::Scenario,
            rows: [0; 7],
            presenting: false,
            reveal: None,
            goal: GoalInput {
                kind: GoalKind::Daily,
                daily: 1200,
                annual: 1_000_000,
                year,
            },
            ramp_weeks: 12,
            grid_cell: (0, 0),
            saved: Vec::new(),
            saved_row: 0,
            marked: Vec::new(),
            comparison: None,
            scenario_dir,
            export_dir,
            explanation: Vec::new(),
            milestones: Vec::new(),
            goal_result: None,
            grid: Grid {
                rows: Vec::new(),
                cols: Vec::new(),
                cells: Vec::new(),
            },
            ramp,
            records: None,
            records_status: RecordsStatus::None,
            pace: (String::new(), Vec::new()),
            pace_period: crate::records::Period::Week,
            office_lines: Vec::new(),
            file_years: Vec::new(),
            fiscal_rows: Vec::new(),
            stretch: Vec::new(),
            edit: None,
            overlay: None,
            overlay_scroll: 0,
            message: None,
            undo: Vec::new(),
            redo: Vec::new(),
            quit: false,
        };
        app.pace = app.bundled_pace();
        let bundled: Vec<&str> = app
            .data
            .origins
            .iter()
            .filter(|(_, o)| *o == crate::data::Origin::Bundled)
            .map(|(f, _)| *f)
            .collect();
        if !bundled.is_empty() && bundled.len() < app.data.origins.len() {
            app.note(format!(
                "Not in the data folder, so the bundled copies are used: {}",
                bundled.join(", ")
            ));
        }
        app.recompute();
        app.grid_cell = app.current_grid_cell();
        app
    }

    /// The bundled 2025 weekly series as a pace.
    fn bundled_pace(&self) -> (String, Vec<(String, f64)>) {
        let label = self
            .data
            .weekly
            .first()
            .and_then(|w| self.data.source(&w.source_id))
            .map_or_else(
                || "bundled weekly counts (derived)".to_string(),
                |s| format!("2025 weekly pace ({}, derived)", s.short),
            );
        (
            label,
            self.data
                .weekly
                .iter()
                .map(|w| {
                    #[expect(clippy::cast_precision_loss, reason = "a pace for charts")]
                    let pace = w.arrests as f64 / f64::from(w.days_covered);
                    (w.week_start.to_string(), pace)
                })
                .collect(),
        )
    }

    /// The grid cell holding the current scenario (the first cell if none does).
    fn current_grid_cell(&self) -> (usize, usize) {
        let r = self
            .grid
            .rows
            .iter()
            .position(|r| *r == self.scenario.per_office);
        let c = self
            .grid
            .cols
            .iter()
            .position(|c| *c == self.scenario.offices);
        (r.unwrap_or(0), c.unwrap_or(0))
    }

    /// Which key bindings apply now.
    #[must_use]
    pub fn mode(&self) -> Mode {
        match (&self.overlay, &self.edit) {
            (Some(_), _) => Mode::Overlay,
            (None, Some(e)) if e.field == Field::SaveName => Mode::Naming,
            (None, Some(_)) => Mode::Editing,
            (None, None) => Mode::Normal,
        }
    }

    /// The fields on the current tab, top to bottom.
    #[must_use]
    pub fn fields(&self) -> Vec<Field> {
        let scenario = [
            Field::Offices,
            Field::PerOffice,
            Field::Attainment,
            Field::Days,
        ];
        if self.presenting {
            return scenario.to_vec();
        }
        match self.tab {
            Tab::Scenario | Tab::Explain | Tab::Grid => scenario.to_vec(),
            Tab::Offices => [Field::Offices, Field::PerOffice]
                .into_iter()
                .chain((0..self.data.offices.len()).map(Field::Office))
                .collect(),
            Tab::Goal => [Field::GoalKind, Field::GoalValue]
                .into_iter()
                .chain(scenario)
                .collect(),
            Tab::Ramp => std::iter::once(Field::RampWeeks).chain(scenario).collect(),
            Tab::Observed => vec![Field::Offices, Field::PerOffice],
        }
    }

    /// The tab whose selection is in use (the Scenario tab while presenting).
    fn row_tab(&self) -> Tab {
        if self.presenting {
            Tab::Scenario
        } else {
            self.tab
        }
    }

    /// The selected field.
    #[must_use]
    pub fn selected(&self) -> Field {
        let fields = self.fields();
        let row = self.rows[self.row_tab().index()];
        fields[row.min(fields.len() - 1)]
    }

    /// The value of a field, as shown and as typed.
    #[must_use]
    pub fn value_text(&self, field: Field) -> String {
        let s = &self.scenario;
        match field {
            Field::Offices => group_thousands(u128::from(s.offices)),
            Field::PerOffice => s.per_office.to_string(),
            Field::Attainment => format!("{}%", s.attainment),
            Field::Days => s.days.to_string(),
            Field::Office(i) => self
                .data
                .offices
                .get(i)
                .map_or_else(String::new, |o| s.target_of(&o.code).to_string()),
            Field::GoalKind => match self.goal.kind {
                GoalKind::Daily => "a daily total".to_string(),
                GoalKind::Annual => "an annual total".to_string(),
                GoalKind::MatchYear => "a fiscal year's total".to_string(),
            },
            Field::GoalValue => match self.goal.kind {
                GoalKind::Daily => group_thousands(u128::from(self.goal.daily)),
                GoalKind::Annual => group_thousands(u128::from(self.goal.annual)),
                GoalKind::MatchYear => format!("FY{}", self.goal.year),
            },
            Field::RampWeeks => self.ramp_weeks.to_string(),
            Field::SaveName => String::new(),
        }
    }

    /// Apply one action. The only place the state changes.
    #[expect(
        clippy::too_many_lines,
        reason = "the one dispatcher from every Action to its state change"
    )]
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::EditChar(_) | Action::EditBackspace) {
            self.message = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.toggle_overlay(Overlay::Help),
            Action::ToggleSources => self.toggle_overlay(Overlay::Sources),
            Action::NextTab | Action::PrevTab => {
                let i = self.tab.index();
                let n = Tab::ALL.len();
                let next = if action == Action::NextTab {
                    i + 1
                } else {
                    i + n - 1
                };
                self.tab = Tab::ALL[next % n];
                self.presenting = false;
            }
            Action::GoTab(i) => {
                if let Some(t) = Tab::ALL.get(usize::from(i)) {
                    self.tab = *t;
                    self.presenting = false;
                }
            }
            Action::Up if self.overlay == Some(Overlay::Saved) => {
                self.saved_row = self.saved_row.saturating_sub(1);
            }
            Action::Down if self.overlay == Some(Overlay::Saved) => {
                self.saved_row = (self.saved_row + 1).min(self.saved.len().saturating_sub(1));
            }
            Action::Up if self.overlay.is_some() => {
                self.overlay_scroll = self.overlay_scroll.saturating_sub(1);
            }
            Action::Down if self.overlay.is_some() => {
                self.overlay_scroll = self.overlay_scroll.saturating_add(1).min(200);
            }
            Action::Up | Action::Down | Action::First | Action::Last
                if self.tab == Tab::Grid && !self.presenting =>
            {
                let last = self.grid.rows.len().saturating_sub(1);
                let r = &mut self.grid_cell.0;
                *r = match action {
                    Action::Up => r.saturating_sub(1),
                    Action::Down => (*r + 1).min(last),
                    Action::First => 0,
                    _ => last,
                };
            }
            Action::Increase | Action::Decrease | Action::IncreaseLarge | Action::DecreaseLarge
                if self.tab == Tab::Grid && !self.presenting =>
            {
                let last = self.grid.cols.len().saturating_sub(1);
                let c = &mut self.grid_cell.1;
                *c = match action {
                    Action::Decrease => c.saturating_sub(1),
                    Action::Increase => (*c + 1).min(last),
                    Action::DecreaseLarge => 0,
                    _ => last,
                };
            }
            Action::StartEdit if self.tab == Tab::Grid && !self.presenting => {
                self.load_grid_cell();
            }
            Action::StartEdit if self.selected() == Field::GoalKind => self.step(true, false),
            Action::Up => self.move_row(|row, _| row.saturating_sub(1)),
            Action::Down => self.move_row(|row, last| (row + 1).min(last)),
            Action::First => self.move_row(|_, _| 0),
            Action::Last => self.move_row(|_, last| last),
            Action::Increase => self.step(true, false),
            Action::Decrease => self.step(false, false),
            Action::IncreaseLarge => self.step(true, true),
            Action::DecreaseLarge => self.step(false, true),
            Action::StartEdit => {
                self.edit = Some(Edit {
                    field: self.selected(),
                    buffer: String::new(),
                });
            }
            Action::EditChar(c) => {
                if let Some(e) = &mut self.edit
                    && e.buffer.chars().count() < 40
                {
                    e.buffer.push(c);
                }
            }
            Action::EditBackspace => {
                if let Some(e) = &mut self.edit {
                    e.buffer.pop();
                }
            }
            Action::ConfirmEdit => self.confirm_edit(),
            Action::CancelEdit => self.edit = None,
            Action::ClearOverride => {
                if let Field::Office(i) = self.selected() {
                    let code = self.data.offices[i].code.clone();
                    let mut next = self.scenario.clone();
                    next.overrides.remove(&code);
                    self.change(next);
                }
            }
            Action::NextPreset => self.cycle_preset(true),
            Action::PrevPreset => self.cycle_preset(false),
            Action::Undo => self.history(true),
            Action::Redo => self.history(false),
            Action::Reset => {
                let start = self.start.clone();
                self.change(start);
                self.note("Back to the starting scenario (u undoes)");
            }
            Action::ShowExplain => {
                self.tab = Tab::Explain;
                self.presenting = false;
            }
            Action::RevealNext => {
                self.tab = Tab::Explain;
                self.presenting = false;
                self.reveal = match self.reveal {
                    None => Some(0),
                    Some(k) if k + 1 > self.explanation.len() => None,
                    Some(k) => Some(k + 1),
                };
            }
            Action::ShowGoal => {
                self.tab = Tab::Goal;
                self.presenting = false;
            }
            Action::ShowGrid => {
                self.tab = Tab::Grid;
                self.presenting = false;
                self.grid_cell = self.current_grid_cell();
            }
            Action::TogglePresentation => self.presenting = !self.presenting,
            Action::ApplyGoalTarget => self.apply_goal(true),
            Action::ApplyGoalOffices => self.apply_goal(false),
            Action::Save => {
                if self.scenario_dir.is_some() {
                    self.edit = Some(Edit {
                        field: Field::SaveName,
                        buffer: String::new(),
                    });
                } else {
                    self.fail("no folder to save in: set ARREST_SCENARIOS_DIR");
                }
            }
            Action::OpenSaved => self.open_saved(),
            Action::Choose => self.choose_saved(),
            Action::Mark => {
                if self.overlay == Some(Overlay::Saved) && !self.saved.is_empty() {
                    let i = self.saved_row;
                    if let Some(pos) = self.marked.iter().position(|m| *m == i) {
                        self.marked.remove(pos);
                    } else {
                        self.marked.push(i);
                    }
                }
            }
            Action::Compare => self.compare_saved(),
            Action::Export => self.export(),
            Action::TogglePacePeriod => {
                if self.records.is_some() {
                    self.pace_period = if self.pace_period == crate::records::Period::Week {
                        crate::records::Period::Month
                    } else {
                        crate::records::Period::Week
                    };
                    self.pace = self.file_pace();
                } else {
                    self.fail("the bundled series is weekly; by month needs --records FILE");
                }
            }
            Action::RecordsProgress(done, total) => {
                self.records_status = RecordsStatus::Loading(done, total);
            }
            Action::RecordsLoaded(loaded) => match loaded.0.as_ref() {
                Ok(agg) => {
                    let agg = std::sync::Arc::new(agg.clone());
                    let counted = group_thousands(u128::from(agg.stats.rows_counted));
                    self.file_years = agg.fiscal_years();
                    self.records = Some(agg);
                    self.pace = self.file_pace();
                    self.records_status = RecordsStatus::Loaded;
                    self.recompute();
                    self.note(format!(
                        "Read {counted} arrest records: see the Observed tab (7)"
                    ));
                }
                Err(e) => {
                    self.records_status = RecordsStatus::Failed(e.clone());
                    self.fail(format!("records not read: {e}"));
                }
            },
        }
    }

    /// A records file's pace by the chosen period.
    fn file_pace(&self) -> (String, Vec<(String, f64)>) {
        let Some(agg) = &self.records else {
            return self.bundled_pace();
        };
        let by = if self.pace_period == crate::records::Period::Month {
            "monthly"
        } else {
            "weekly"
        };
        (
            format!("{by} pace in {} (derived)", short_path(&agg.path)),
            agg.pace(self.pace_period),
        )
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }

    fn note(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    fn load_grid_cell(&mut self) {
        let (r, c) = self.grid_cell;
        let (Some(per_office), Some(offices)) = (self.grid.rows.get(r), self.grid.cols.get(c))
        else {
            return;
        };
        let mut next = self.scenario.clone();
        next.per_office = *per_office;
        next.offices = *offices;
        next.overrides.clear();
        let text = format!("Loaded from the grid: {offices} offices x {per_office} a day");
        self.change(next);
        self.grid_cell = self.current_grid_cell();
        self.note(text);
    }

    fn apply_goal(&mut self, target: bool) {
        if self.tab != Tab::Goal {
            self.fail("a and c apply a goal's result on the Goal tab (g)");
            return;
        }
        let Some(r) = self.goal_result.clone() else {
            self.fail("that fiscal year is not loaded");
            return;
        };
        let mut next = self.scenario.clone();
        if target {
            let Some((t, exact)) = r.per_office_needed else {
                self.fail("no per-office target reaches it with 0 offices or 0% met");
                return;
            };
            next.per_office = t;
            next.overrides.clear();
            self.change(next);
            self.note(format!(
                "Per-office target set to {}{t} for {}",
                if exact { "" } else { "~" },
                r.goal
            ));
        } else {
            let Some(n) = r.offices_needed.and_then(|n| u32::try_from(n).ok()) else {
                self.fail("no office count reaches it at this per-office target");
                return;
            };
            next.offices = n;
            self.change(next);
            self.note(format!(
                "Offices set to {} for {}",
                group_thousands(u128::from(n)),
                r.goal
            ));
        }
    }

    fn open_saved(&mut self) {
        let Some(dir) = self.scenario_dir.clone() else {
            self.fail("no folder of saved scenarios: set ARREST_SCENARIOS_DIR");
            return;
        };
        self.saved = saved::list(&dir, &self.data.offices)
            .into_iter()
            .map(|r| match r {
                Ok(s) => SavedEntry {
                    scenario: Ok((s.name, s.scenario)),
                },
                Err(e) => SavedEntry {
                    scenario: Err(e.to_string()),
                },
            })
            .collect();
        self.saved_row = 0;
        self.marked.clear();
        self.overlay_scroll = 0;
        self.overlay = Some(Overlay::Saved);
    }

    fn choose_saved(&mut self) {
        if self.overlay != Some(Overlay::Saved) {
            return;
        }
        match self.saved.get(self.saved_row).map(|e| e.scenario.clone()) {
            Some(Ok((name, s))) => {
                self.overlay = None;
                self.change(s);
                self.note(format!("Loaded '{name}'"));
            }
            Some(Err(e)) => self.fail(format!("cannot load: {e}")),
            None => {}
        }
    }

    fn compare_saved(&mut self) {
        if self.overlay != Some(Overlay::Saved) {
            return;
        }
        let picked: Vec<usize> = if self.marked.is_empty() {
            vec![self.saved_row]
        } else {
            self.marked.clone()
        };
        let mut items = vec![("current".to_string(), self.scenario.clone())];
        items.extend(
            picked
                .iter()
                .filter_map(|i| self.saved.get(*i))
                .filter_map(|e| e.scenario.clone().ok()),
        );
        if items.len() < 2 {
            self.fail("nothing usable to compare: mark saved scenarios with Space");
            return;
        }
        self.comparison = Some(report::compare(&items, &self.data));
        self.overlay_scroll = 0;
        self.overlay = Some(Overlay::Compare);
    }

    /// Write the scenario as Markdown, CSV and JSON into the export folder.
    fn export(&mut self) {
        let stamp = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string();
        let summary = Summary::new(&self.scenario, &self.outcome, &self.data, &self.presets)
            .with_ramp(self.ramp_weeks);
        let base = self.export_dir.join(format!("arrest-scenario-{stamp}"));
        let mut written = Vec::new();
        for (ext, format) in [
            ("md", Format::Markdown),
            ("csv", Format::Csv),
            ("json", Format::Json),
        ] {
            let path = base.with_extension(ext);
            let text = match summary.render(format) {
                Ok(text) => text,
                Err(e) => {
                    self.fail(format!("export stopped: {e}"));
                    return;
                }
            };
            if let Err(e) = saved::write_new(&path, text.as_bytes()) {
                self.fail(format!("export stopped: {e}"));
                return;
            }
            written.push(ext);
        }
        self.note(format!(
            "Exported {}.{{{}}}",
            base.display(),
            written.join(",")
        ));
    }

    fn toggle_overlay(&mut self, which: Overlay) {
        self.overlay_scroll = 0;
        self.overlay = if self.overlay.is_some() {
            None
        } else {
            Some(which)
        };
    }

    fn move_row(&mut self, to: impl Fn(usize, usize) -> usize) {
        let last = self.fields().len() - 1;
        let row = &mut self.rows[self.row_tab().index()];
        *row = to((*row).min(last), last);
    }

    /// Adjust the selected value by a (large) step, saturating at its bounds.
    fn step(&mut self, up: bool, large: bool) {
        let mut next = self.scenario.clone();
        let bump3 = |v: Fixed3, step: u64, max: Fixed3| {
            let t = if up {
                v.thousandths().saturating_add(step * 1000)
            } else {
                v.thousandths().saturating_sub(step * 1000)
            };
            Fixed3::from_thousandths(t.min(max.thousandths()))
        };
        match self.selected() {
            Field::Offices => {
                let step = if large { 5 } else { 1 };
                next.offices = if up {
                    next.offices.saturating_add(step)
                } else {
                    next.offices.saturating_sub(step)
                };
            }
            Field::PerOffice => {
                next.per_office =
                    bump3(next.per_office, if large { 10 } else { 1 }, MAX_PER_OFFICE);
            }
            Field::Attainment => {
                next.attainment =
                    bump3(next.attainment, if large { 25 } else { 5 }, MAX_ATTAINMENT);
            }
            Field::Days => {
                let step = if large { 30 } else { 1 };
                let d = if up {
                    next.days.saturating_add(step)
                } else {
                    next.days.saturating_sub(step)
                };
                next.days = d.clamp(*model::DAYS.start(), *model::DAYS.end());
            }
            Field::Office(i) => {
                let code = self.data.offices[i].code.clone();
                let t = bump3(
                    next.target_of(&code),
                    if large { 10 } else { 1 },
                    MAX_PER_OFFICE,
                );
                set_office_target(&mut next, code, t);
            }
            Field::GoalKind => {
                self.goal.kind = match (self.goal.kind, up) {
                    (GoalKind::Daily, true) | (GoalKind::MatchYear, false) => GoalKind::Annual,
                    (GoalKind::Annual, true) | (GoalKind::Daily, false) => GoalKind::MatchYear,
                    (GoalKind::MatchYear, true) | (GoalKind::Annual, false) => GoalKind::Daily,
                };
                self.recompute();
                return;
            }
            Field::GoalValue => {
                self.step_goal(up, large);
                self.recompute();
                return;
            }
            Field::RampWeeks => {
                let step = if large { 4 } else { 1 };
                self.ramp_weeks = if up {
                    (self.ramp_weeks + step).min(52)
                } else {
                    self.ramp_weeks.saturating_sub(step)
                };
                self.recompute();
                return;
            }
            Field::SaveName => return,
        }
        self.change(next);
    }

    fn step_goal(&mut self, up: bool, large: bool) {
        let bump = |v: u64, step: u64| {
            if up {
                v.saturating_add(step)
            } else {
                v.saturating_sub(step)
            }
        };
        match self.goal.kind {
            GoalKind::Daily => {
                self.goal.daily = bump(self.goal.daily, if large { 500 } else { 100 });
            }
            GoalKind::Annual => {
                self.goal.annual = bump(self.goal.annual, if large { 100_000 } else { 10_000 });
            }
            GoalKind::MatchYear => {
                let years: Vec<i32> = self.data.annual.iter().map(|a| a.fiscal_year).collect();
                let i = years.iter().position(|y| *y == self.goal.year);
                let next = match (i, up) {
                    (Some(i), true) => years.get(i + 1).copied(),
                    (Some(i), false) => i.checked_sub(1).and_then(|j| years.get(j).copied()),
                    (None, _) => years.last().copied(),
                };
                if let Some(y) = next {
                    self.goal.year = y;
                }
            }
        }
    }

    fn confirm_edit(&mut self) {
        let Some(edit) = self.edit.take() else {
            return;
        };
        if edit.field == Field::SaveName {
            self.save_as(edit.buffer.trim());
            return;
        }
        let text = edit.buffer.trim();
        let old = self.value_text(edit.field);
        let refuse = |reason: String| Message {
            text: format!("{}: {reason}; kept {old}", edit.field.label()),
            is_error: true,
        };
        let mut next = self.scenario.clone();
        let result: Result<(), String> = match edit.field {
            Field::Offices => parse_whole(text)
                .map_err(|e| describe(text, &e))
                .and_then(|n| {
                    u32::try_from(n).map_err(|_| format!("'{text}' is above 4,294,967,295"))
                })
                .map(|n| next.offices = n),
            Field::PerOffice => parse_bounded(text, MAX_PER_OFFICE).map(|t| next.per_office = t),
            Field::Attainment => parse_bounded(text, MAX_ATTAINMENT).map(|t| next.attainment = t),
            Field::Days => parse_whole(text)
                .map_err(|e| describe(text, &e))
                .and_then(|n| {
                    u16::try_from(n)
                        .ok()
                        .filter(|d| model::DAYS.contains(d))
                        .ok_or_else(|| format!("'{text}' is not 1 to 366"))
                })
                .map(|d| next.days = d),
            Field::Office(i) => parse_bounded(text, MAX_PER_OFFICE).map(|t| {
                set_office_target(&mut next, self.data.offices[i].code.clone(), t);
            }),
            Field::GoalValue => self.set_goal_value(text),
            Field::RampWeeks => parse_whole(text)
                .map_err(|e| describe(text, &e))
                .and_then(|n| {
                    u32::try_from(n)
                        .ok()
                        .filter(|w| *w <= 52)
                        .ok_or_else(|| format!("'{text}' is not 0 to 52"))
                })
                .map(|w| self.ramp_weeks = w),
            Field::GoalKind | Field::SaveName => Ok(()),
        };
        match result {
            Ok(()) => {
                self.change(next);
                self.recompute();
            }
            Err(reason) => self.message = Some(refuse(reason)),
        }
    }

    fn set_goal_value(&mut self, text: &str) -> Result<(), String> {
        let n = parse_whole(text).map_err(|e| describe(text, &e))?;
        match self.goal.kind {
            GoalKind::Daily => self.goal.daily = n,
            GoalKind::Annual => self.goal.annual = n,
            GoalKind::MatchYear => {
                self.goal.year = i32::try_from(n)
                    .ok()
                    .filter(|y| self.data.annual.iter().any(|a| a.fiscal_year == *y))
                    .ok_or_else(|| format!("FY{text} is not loaded"))?;
            }
        }
        Ok(())
    }

    fn save_as(&mut self, name: &str) {
        let Some(dir) = self.scenario_dir.clone() else {
            self.fail("no folder to save in: set ARREST_SCENARIOS_DIR");
            return;
        };
        match saved::save_new(&dir, name, &self.scenario) {
            Ok(path) => self.note(format!("Saved '{name}' as {}", path.display())),
            Err(e) => self.fail(format!("not saved: {e}")),
        }
    }

    fn cycle_preset(&mut self, forward: bool) {
        let n = self.presets.len();
        if n == 0 {
            self.message = Some(Message {
                text: "quotas.csv has no arrest figures to use as presets".into(),
                is_error: true,
            });
            return;
        }
        let i = match (self.preset, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let p = &self.presets[i];
        let mut next = self.scenario.clone();
        next.offices = p.offices;
        next.per_office = p.per_office;
        next.overrides.clear();
        let label = format!("Preset {}/{n}: {}", i + 1, p.label);
        self.change(next);
        self.preset = Some(i);
        self.message = Some(Message {
            text: label,
            is_error: false,
        });
    }

    fn history(&mut self, undo: bool) {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        match from.pop() {
            Some(s) => {
                to.push(std::mem::replace(&mut self.scenario, s));
                self.recompute();
            }
            None => {
                self.message = Some(Message {
                    text: if undo {
                        "Nothing to undo"
                    } else {
                        "Nothing to redo"
                    }
                    .into(),
                    is_error: false,
                });
            }
        }
    }

    /// Make `next` the scenario, keeping the old one for undo.
    fn change(&mut self, next: Scenario) {
        if next == self.scenario {
            return;
        }
        self.undo.push(std::mem::replace(&mut self.scenario, next));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.recompute();
    }

    fn recompute(&mut self) {
        self.outcome = model::evaluate(&self.scenario, &self.data);
        self.explanation = analysis::explain(&self.scenario, &self.outcome, &self.data);
        if self.reveal.is_some_and(|k| k > self.explanation.len()) {
            self.reveal = None;
        }
        self.milestones = analysis::milestones(&self.scenario, &self.outcome, &self.data);
        self.goal_result = analysis::goal_seek(&self.scenario, &self.data, self.goal.goal());
        let (rows, cols) = analysis::grid_axes(&self.scenario, &self.presets);
        self.grid = analysis::sensitivity(&self.scenario, &self.data, &self.presets, &rows, &cols);
        self.grid_cell = (
            self.grid_cell.0.min(rows.len().saturating_sub(1)),
            self.grid_cell.1.min(cols.len().saturating_sub(1)),
        );
        self.ramp = analysis::ramp(&self.scenario, &self.outcome, self.ramp_weeks, None);
        self.office_lines = self.scenario.office_lines(&self.data.offices, 3);
        let mut years: Vec<i32> = self
            .outcome
            .comparisons
            .iter()
            .map(|c| c.fiscal_year)
            .collect();
        years.extend(self.file_years.iter().map(|f| f.0));
        years.sort_unstable();
        years.dedup();
        self.fiscal_rows = years
            .into_iter()
            .map(|year| FiscalRow {
                year,
                agency: self
                    .outcome
                    .comparisons
                    .iter()
                    .find(|c| c.fiscal_year == year)
                    .map(|c| (c.arrests, c.confidence)),
                file: self
                    .file_years
                    .iter()
                    .find(|f| f.0 == year)
                    .map(|f| (f.1, f.2)),
            })
            .collect();
        self.stretch = self.records.as_ref().map_or_else(Vec::new, |agg| {
            let active = usize::try_from(self.scenario.offices).unwrap_or(usize::MAX);
            agg.office_daily_average()
                .into_iter()
                .map(|(label, known, observed)| {
                    let target = self
                        .data
                        .offices
                        .iter()
                        .position(|o| o.code == label)
                        .filter(|i| *i < active)
                        .map(|i| self.scenario.target_of(&self.data.offices[i].code));
                    let factor = target
                        .filter(|_| observed > 0.0)
                        .map(|t| t.to_f64() * self.scenario.attainment.to_f64() / 100.0 / observed);
                    Stretch {
                        label,
                        known,
                        observed,
                        target,
                        factor,
                    }
                })
                .collect::<Vec<_>>()
        });
        self.stretch
            .sort_by(|a, b| (!a.known, &a.label).cmp(&(!b.known, &b.label)));

        let same_shape = |p: &Preset| {
            p.offices == self.scenario.offices
                && p.per_office == self.scenario.per_office
                && self.scenario.overrides.is_empty()
        };
        self.preset = match self.preset {
            Some(i) if same_shape(&self.presets[i]) => Some(i),
            _ => self.presets.iter().position(same_shape),
        };
    }
}

/// The file name of a path, for short labels.
fn short_path(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// Set one office's target, dropping the override when it equals the uniform target.
fn set_office_target(s: &mut Scenario, code: String, target: Fixed3) {
    if target == s.per_office {
        s.overrides.remove(&code);
    } else {
        s.overrides.insert(code, target);
    }
}

fn describe(text: &str, e: &NumberError) -> String {
    match e {
        NumberError::Empty => "nothing typed".to_string(),
        other => format!("'{text}' {other}"),
    }
}

fn parse_bounded(text: &str, max: Fixed3) -> Result<Fixed3, String> {
    let t = Fixed3::from_thousandths(parse_thousandths(text).map_err(|e| describe(text, &e))?);
    if t > max {
        return Err(format!("'{text}' is above {max}"));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Amount;

    fn app() -> App {
        App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            None,
            std::env::temp_dir(),
        )
    }

    fn run(app: &mut App, actions: &[Action]) {
        for a in actions {
            app.update(a.clone());
        }
    }

    fn type_number(app: &mut App, text: &str) {
        app.update(Action::StartEdit);
        for c in text.chars() {
            app.update(Action::EditChar(c));
        }
        app.update(Action::ConfirmEdit);
    }

    #[test]
    fn starts_at_25_by_75() {
        let a = app();
        assert_eq!(a.outcome.daily_total, Amount::whole(1875));
        assert_eq!(a.selected(), Field::Offices);
        assert_eq!(a.presets[a.preset.unwrap()].id, "wapo-per-office");
    }

    #[test]
    fn moving_and_adjusting_fields() {
        let mut a = app();
        run(&mut a, &[Action::Down, Action::Increase]);
        assert_eq!(a.selected(), Field::PerOffice);
        assert_eq!(a.scenario.per_office, Fixed3::whole(76));
        assert_eq!(a.outcome.daily_total, Amount::whole(1900));
        run(&mut a, &[Action::DecreaseLarge, Action::DecreaseLarge]);
        assert_eq!(a.scenario.per_office, Fixed3::whole(56));
        run(&mut a, &[Action::Up, Action::Decrease]);
        assert_eq!(a.scenario.offices, 24);
        run(&mut a, &[Action::Last, Action::IncreaseLarge]);
        assert_eq!(a.selected(), Field::Days);
        assert_eq!(a.scenario.days, 366, "days saturate at 366");
        run(
            &mut a,
            &[Action::Up, Action::DecreaseLarge, Action::Decrease],
        );
        assert_eq!(a.scenario.attainment, Fixed3::whole(70));
        run(&mut a, &[Action::Up, Action::Up, Action::Up, Action::Up]);
        assert_eq!(a.selected(), Field::Offices, "stops at the top");
    }

    #[test]
    fn values_saturate_at_zero() {
        let mut a = app();
        for _ in 0..10 {
            a.update(Action::DecreaseLarge);
        }
        assert_eq!(a.scenario.offices, 0);
        assert_eq!(a.outcome.daily_total, Amount::ZERO);
    }

    #[test]
    fn typing_a_number_and_refusing_a_bad_one() {
        let mut a = app();
        a.update(Action::Down);
        type_number(&mut a, "62.5");
        assert_eq!(a.scenario.per_office, Fixed3::from_thousandths(62_500));
        assert_eq!(a.outcome.daily_total, Amount::from_units(156_250_000_000));
        type_number(&mut a, "1.2.3");
        assert_eq!(a.scenario.per_office, Fixed3::from_thousandths(62_500));
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Per-office target: '1.2.3' is not a number; kept 62.5"
        );
        assert!(a.message.as_ref().unwrap().is_error);
        type_number(&mut a, "");
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Per-office target: nothing typed; kept 62.5"
        );
        a.update(Action::Last);
        type_number(&mut a, "400");
        assert_eq!(a.scenario.days, 365);
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Days per year: '400' is not 1 to 366; kept 365"
        );
    }

    #[test]
    fn backspace_and_cancel() {
        let mut a = app();
        run(
            &mut a,
            &[
                Action::StartEdit,
                Action::EditChar('3'),
                Action::EditChar('0'),
                Action::EditChar('9'),
                Action::EditBackspace,
            ],
        );
        assert_eq!(a.edit.as_ref().unwrap().buffer, "30");
        assert_eq!(a.mode(), Mode::Editing);
        a.update(Action::CancelEdit);
        assert_eq!(a.edit, None);
        assert_eq!(a.scenario.offices, 25);
        type_number(&mut a, "30");
        assert_eq!(a.scenario.offices, 30);
    }

    #[test]
    fn undo_redo_and_reset() {
        let mut a = app();
        run(&mut a, &[Action::Increase, Action::Increase]);
        assert_eq!(a.scenario.offices, 27);
        a.update(Action::Undo);
        assert_eq!(a.scenario.offices, 26);
        assert_eq!(a.outcome.daily_total, Amount::whole(26 * 75));
        a.update(Action::Undo);
        assert_eq!(a.scenario.offices, 25);
        a.update(Action::Undo);
        assert_eq!(a.message.as_ref().unwrap().text, "Nothing to undo");
        a.update(Action::Redo);
        assert_eq!(a.scenario.offices, 26);
        a.update(Action::Increase);
        a.update(Action::Redo);
        assert_eq!(a.message.as_ref().unwrap().text, "Nothing to redo");
        a.update(Action::Reset);
        assert_eq!(a.scenario, Scenario::default());
        a.update(Action::Undo);
        assert_eq!(a.scenario.offices, 27);
    }

    #[test]
    fn presets_cycle_and_keep_attainment() {
        let mut a = app();
        run(&mut a, &[Action::Down, Action::Down, Action::Decrease]);
        assert_eq!(a.scenario.attainment, Fixed3::whole(95));
        // The start matches preset 3 (wapo-per-office); p moves on from there.
        a.update(Action::NextPreset);
        assert_eq!(a.presets[a.preset.unwrap()].id, "independent-25x75");
        a.update(Action::NextPreset);
        a.update(Action::NextPreset);
        assert_eq!(a.presets[a.preset.unwrap()].id, "axios-3000");
        assert_eq!(a.scenario.per_office, Fixed3::whole(120));
        assert_eq!(a.scenario.attainment, Fixed3::whole(95));
        assert_eq!(a.outcome.daily_total, Amount::whole(2850));
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Preset 6/6: 3,000 a day (Axios, 2025-05-28)"
        );
        a.update(Action::NextPreset);
        assert_eq!(a.presets[a.preset.unwrap()].id, "wapo-national-low");
        a.update(Action::PrevPreset);
        assert_eq!(a.presets[a.preset.unwrap()].id, "axios-3000");
        a.update(Action::Up);
        a.update(Action::Up);
        a.update(Action::Increase);
        assert_eq!(a.preset, None, "a changed office count no longer matches");
    }

    #[test]
    fn offices_tab_edits_rows_below_and_above_25() {
        let mut a = app();
        a.update(Action::NextTab);
        assert_eq!(a.tab, Tab::Offices);
        assert_eq!(a.fields().len(), 27);
        run(&mut a, &[Action::Down, Action::Down]);
        assert_eq!(a.selected(), Field::Office(0));
        a.update(Action::IncreaseLarge);
        assert_eq!(a.scenario.overrides.get("ATL"), Some(&Fixed3::whole(85)));
        assert_eq!(a.outcome.daily_total, Amount::whole(1885));
        assert_eq!(a.preset, None);
        a.update(Action::ClearOverride);
        assert!(a.scenario.overrides.is_empty());
        assert!(a.preset.is_some());
        // Lower the count: the last offices drop out.
        run(
            &mut a,
            &[Action::Last, Action::IncreaseLarge, Action::First],
        );
        assert_eq!(a.scenario.overrides.get("WAS"), Some(&Fixed3::whole(85)));
        assert_eq!(a.outcome.daily_total, Amount::whole(1885));
        type_number(&mut a, "20");
        assert_eq!(
            a.outcome.daily_total,
            Amount::whole(1500),
            "WAS no longer counts"
        );
        type_number(&mut a, "30");
        assert_eq!(a.outcome.daily_total, Amount::whole(29 * 75 + 85));
        // Typing an office target equal to the uniform one clears the override.
        a.update(Action::Last);
        type_number(&mut a, "75");
        assert!(a.scenario.overrides.is_empty());
        a.update(Action::PrevTab);
        assert_eq!(a.tab, Tab::Scenario);
    }

    #[test]
    fn overlays_open_and_close() {
        let mut a = app();
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, Some(Overlay::Help));
        assert_eq!(a.mode(), Mode::Overlay);
        a.update(Action::Down);
        a.update(Action::Down);
        a.update(Action::Up);
        assert_eq!(a.overlay_scroll, 1);
        assert_eq!(a.rows[0], 0, "scrolling does not move the selection");
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, None);
        a.update(Action::ToggleSources);
        assert_eq!(a.overlay, Some(Overlay::Sources));
        a.update(Action::ToggleHelp);
        assert_eq!(a.overlay, None);
        a.update(Action::Quit);
        assert!(a.quit);
    }

    #[test]
    fn huge_values_typed_in_stay_finite() {
        let mut a = app();
        type_number(&mut a, "4294967295");
        a.update(Action::Down);
        type_number(&mut a, "1000000000000");
        assert_eq!(
            a.outcome.daily_total,
            Amount::from_units(4_294_967_295 * 1_000_000_000_000 * crate::number::AMOUNT_SCALE)
        );
        type_number(&mut a, "1000000000001");
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Per-office target: '1000000000001' is above 1,000,000,000,000; kept 1,000,000,000,000"
        );
        a.update(Action::Up);
        type_number(&mut a, "4294967296");
        assert_eq!(a.scenario.offices, u32::MAX);
    }
}

#[cfg(test)]
mod depth_tests {
    //! The classroom and analyst features: explanation, goal seek, grid, ramp,
    //! presentation, saving, loading, comparing and exporting.
    use super::*;
    use crate::number::Amount;

    fn app_in(dir: &std::path::Path) -> App {
        App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            Some(dir.join("scenarios")),
            dir.to_path_buf(),
        )
    }

    fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::EditChar(c));
        }
        app.update(Action::ConfirmEdit);
    }

    #[test]
    fn stepping_through_the_arithmetic() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        assert_eq!(a.explanation.len(), 6);
        a.update(Action::RevealNext);
        assert_eq!((a.tab, a.reveal), (Tab::Explain, Some(0)));
        for k in 1..=6 {
            a.update(Action::RevealNext);
            assert_eq!(a.reveal, Some(k));
        }
        a.update(Action::RevealNext);
        assert_eq!(a.reveal, None, "past the last step everything shows again");
        // The chain follows the parameters.
        a.update(Action::Down);
        a.update(Action::Increase);
        assert_eq!(
            a.explanation[0].line(),
            "76 arrests per office per day x 25 offices = 1,900 arrests per day"
        );
    }

    #[test]
    fn goal_seek_and_apply() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::ShowGoal);
        let r = a.goal_result.clone().unwrap();
        assert_eq!(r.per_office_needed, Some((Fixed3::whole(48), true)));
        assert_eq!(r.offices_needed, Some(16));
        a.update(Action::Down);
        a.update(Action::IncreaseLarge); // 1,700 a day
        assert_eq!(a.goal.daily, 1700);
        a.update(Action::ApplyGoalOffices);
        assert_eq!(a.scenario.offices, 23, "1,700 / 75 = 22.7, rounded up");
        a.update(Action::Up);
        a.update(Action::Increase); // an annual total
        assert_eq!(a.goal.kind, GoalKind::Annual);
        a.update(Action::Increase); // match a fiscal year
        a.update(Action::Down);
        a.update(Action::StartEdit);
        type_text(&mut a, "2012");
        assert_eq!(a.goal.year, 2012);
        a.update(Action::ApplyGoalTarget);
        // 290,622 / (23 x 365) = 34.618...
        assert_eq!(a.scenario.per_office, Fixed3::from_thousandths(34_618));
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Per-office target set to ~34.618 for FY2012's total, 290,622 arrests (official)"
        );
        a.update(Action::StartEdit);
        type_text(&mut a, "1999");
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "Goal value: FY1999 is not loaded; kept FY2012"
        );
        a.update(Action::ShowExplain);
        a.update(Action::ApplyGoalTarget);
        assert!(a.message.as_ref().unwrap().is_error);
    }

    #[test]
    fn grid_moves_and_loads_a_cell() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::ShowGrid);
        let (r, c) = a.grid_cell;
        assert_eq!((a.grid.rows[r], a.grid.cols[c]), (Fixed3::whole(75), 25));
        a.update(Action::Up); // 72
        a.update(Action::Decrease); // 24 offices
        a.update(Action::StartEdit);
        assert_eq!(
            (a.scenario.per_office, a.scenario.offices),
            (Fixed3::whole(72), 24)
        );
        assert_eq!(a.outcome.daily_total, Amount::whole(1728));
        let (r, c) = a.grid_cell;
        assert_eq!((a.grid.rows[r], a.grid.cols[c]), (Fixed3::whole(72), 24));
    }

    #[test]
    fn ramp_weeks_adjust() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::GoTab(5));
        assert_eq!(a.tab, Tab::Ramp);
        assert_eq!(a.selected(), Field::RampWeeks);
        let before = a.ramp.total_with_ramp;
        a.update(Action::IncreaseLarge);
        assert_eq!(a.ramp_weeks, 16);
        assert!(a.ramp.total_with_ramp < before);
        a.update(Action::StartEdit);
        type_text(&mut a, "0");
        assert!((a.ramp.total_with_ramp - 684_375.0).abs() < 1e-6);
    }

    #[test]
    fn presentation_keeps_the_parameter_keys() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::GoTab(1));
        a.update(Action::TogglePresentation);
        assert!(a.presenting);
        assert_eq!(a.selected(), Field::Offices);
        a.update(Action::Down);
        a.update(Action::Increase);
        assert_eq!(a.scenario.per_office, Fixed3::whole(76));
        a.update(Action::TogglePresentation);
        assert!(!a.presenting);
        assert_eq!(a.tab, Tab::Offices);
    }

    #[test]
    fn save_load_and_compare() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::Save);
        assert_eq!(a.mode(), Mode::Naming);
        type_text(&mut a, "January 25x75");
        let saved_path = dir.path().join("scenarios/january-25x75.toml");
        assert_eq!(
            a.message.as_ref().unwrap().text,
            format!("Saved 'January 25x75' as {}", saved_path.display())
        );
        // The same name again is refused, and the file is untouched.
        a.update(Action::Increase);
        a.update(Action::Save);
        type_text(&mut a, "January 25x75");
        assert!(a.message.as_ref().unwrap().text.starts_with("not saved: "));
        assert!(a.message.as_ref().unwrap().is_error);
        std::fs::write(dir.path().join("scenarios/zz-broken.toml"), "offices = [").unwrap();
        a.update(Action::OpenSaved);
        assert_eq!(a.overlay, Some(Overlay::Saved));
        assert_eq!(a.saved.len(), 2);
        assert!(a.saved[1].scenario.is_err());
        a.update(Action::Mark);
        a.update(Action::Compare);
        assert_eq!(a.overlay, Some(Overlay::Compare));
        let cmp = a.comparison.clone().unwrap();
        assert_eq!(cmp.names, ["current", "January 25x75"]);
        assert_eq!(cmp.rows[0].values, ["26", "25"]);
        assert_eq!(cmp.rows[0].differences[1].as_deref(), Some("-1"));
        a.update(Action::ToggleHelp); // Esc closes
        a.update(Action::OpenSaved);
        a.update(Action::Down);
        a.update(Action::Choose);
        assert!(
            a.message
                .as_ref()
                .unwrap()
                .text
                .starts_with("cannot load: ")
        );
        a.update(Action::Up);
        a.update(Action::Choose);
        assert_eq!(a.overlay, None);
        assert_eq!(a.scenario.offices, 25);
        assert_eq!(a.message.as_ref().unwrap().text, "Loaded 'January 25x75'");
    }

    #[test]
    fn without_a_folder_saving_is_refused() {
        let mut a = App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            None,
            std::env::temp_dir(),
        );
        a.update(Action::Save);
        assert_eq!(a.edit, None);
        assert_eq!(
            a.message.as_ref().unwrap().text,
            "no folder to save in: set ARREST_SCENARIOS_DIR"
        );
    }

    #[test]
    fn export_writes_three_files_and_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = app_in(dir.path());
        a.update(Action::Export);
        let text = a.message.as_ref().unwrap().text.clone();
        assert!(
            text.starts_with(&format!(
                "Exported {}/arrest-scenario-",
                dir.path().display()
            )),
            "{text}"
        );
        assert!(text.ends_with(".{md,csv,json}"), "{text}");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("arrest-scenario-"))
            .collect();
        names.sort();
        assert_eq!(names.len(), 3);
        // Sorted: .csv, .json, .md.
        let md = std::fs::read_to_string(dir.path().join(&names[2])).unwrap();
        assert!(md.starts_with("# Scenario: 25 offices x 75 arrests a day"));
        assert!(md.contains("## The arithmetic"));
        assert!(md.contains("## Ramp-up"));
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join(&names[1])).unwrap())
                .unwrap();
        assert_eq!(json["annual_total"], 684_375);
    }
}

#[cfg(test)]
mod records_tests {
    //! Record-level data in the app: progress, the loaded aggregate, stretch factors.
    use super::*;
    use crate::tui::keys::Loaded;
    use std::fmt::Write as _;

    fn loaded(text: &str) -> Action {
        let offices = Dataset::bundled().unwrap().offices;
        let agg = crate::records::read_csv(
            "fixture.csv",
            text.as_bytes(),
            &offices,
            &crate::records::Options::default(),
            &mut |_| {},
        )
        .map_err(|e| e.to_string());
        Action::RecordsLoaded(Loaded(std::sync::Arc::new(agg)))
    }

    #[test]
    fn progress_then_loaded_then_stretch_follows_the_targets() {
        let mut a = App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            None,
            std::env::temp_dir(),
        );
        assert_eq!(a.records_status, RecordsStatus::None);
        assert!(
            a.pace
                .0
                .starts_with("2025 weekly pace (DDP weekly counts 2026-02-03")
        );
        a.update(Action::RecordsProgress(50, 200));
        assert_eq!(a.records_status, RecordsStatus::Loading(50, 200));
        // Dallas: 30 arrests over the file's 3 days = 10 a day; Miami: 3 over 3 days = 1.
        let mut text = String::from("apprehension_date,apprehension_aor\n");
        for day in 1..=3 {
            for _ in 0..10 {
                let _ = writeln!(text, "2025-03-0{day},Dallas Area of Responsibility");
            }
            let _ = writeln!(text, "2025-03-0{day},Miami Area of Responsibility");
        }
        a.update(loaded(&text));
        assert_eq!(a.records_status, RecordsStatus::Loaded);
        assert_eq!(a.pace.0, "weekly pace in fixture.csv (derived)");
        // Mar 1 2025 was a Saturday: its week (from Feb 23) has 11 arrests on the one
        // day the file covers; the week from Mar 2 has 22 over two days.
        assert_eq!(
            a.pace.1,
            [
                ("2025-02-23".to_string(), 11.0),
                ("2025-03-02".to_string(), 11.0)
            ]
        );
        a.update(Action::TogglePacePeriod);
        assert_eq!(a.pace.0, "monthly pace in fixture.csv (derived)");
        assert_eq!(a.pace.1, [("2025-03".to_string(), 11.0)]);
        a.update(Action::TogglePacePeriod);
        assert_eq!(a.pace.0, "weekly pace in fixture.csv (derived)");
        let dal = a.stretch.iter().find(|s| s.label == "DAL").unwrap();
        assert!((dal.observed - 10.0).abs() < 1e-9);
        assert_eq!(dal.target, Some(Fixed3::whole(75)));
        assert!((dal.factor.unwrap() - 7.5).abs() < 1e-9);
        // Lower Dallas's target: the stretch follows without rereading the file.
        a.update(Action::GoTab(1));
        for _ in 0..7 {
            a.update(Action::Down);
        }
        assert_eq!(a.selected(), Field::Office(5));
        a.update(Action::StartEdit);
        for c in "20".chars() {
            a.update(Action::EditChar(c));
        }
        a.update(Action::ConfirmEdit);
        let dal = a.stretch.iter().find(|s| s.label == "DAL").unwrap();
        assert!((dal.factor.unwrap() - 2.0).abs() < 1e-9);
    }

    #[test]
    fn a_failed_read_is_reported() {
        let mut a = App::new(
            Dataset::bundled().unwrap(),
            Scenario::default(),
            None,
            std::env::temp_dir(),
        );
        a.update(loaded("no,dates,here\n1,2,3\n"));
        assert!(matches!(a.records_status, RecordsStatus::Failed(_)));
        assert!(
            a.message
                .as_ref()
                .unwrap()
                .text
                .starts_with("records not read: fixture.csv: no date column")
        );
        assert!(a.stretch.is_empty());
    }
}
