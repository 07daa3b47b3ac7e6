//! The interactive application's state. [`App::update`] is the only place it changes;
//! everything that follows from the scenario is recomputed there, once per change, into
//! one [`Derived`], and the renderer reads it all through accessors.

mod derived;
mod editing;
mod files;
mod types;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_depth;

use std::path::PathBuf;
use std::sync::Arc;

use crate::data::Dataset;
use crate::model::{self, Preset, Scenario};
use crate::number::group_thousands;
use crate::report::Comparison;

use super::keys::{Action, Mode};

pub use derived::Derived;
pub use types::{
    Edit, Field, FiscalRow, GoalInput, GoalKind, Message, Overlay, RecordsStatus, SavedEntry,
    Stretch, Tab,
};

/// How many steps back `u` can go.
const UNDO_LIMIT: usize = 500;

/// The whole state of the interactive screen. Fields are private: [`App::update`]
/// changes them, the renderer reads them through the accessors below.
#[derive(Debug, Clone)]
pub struct App {
    /// The data.
    data: Dataset,
    /// Presets from quotas.csv.
    presets: Vec<Preset>,
    /// The scenario being explored.
    scenario: Scenario,
    /// The scenario `r` returns to.
    start: Scenario,
    /// Everything worked out from the state, recomputed on every change.
    derived: Derived,
    /// The preset last loaded, while the scenario still matches it.
    preset: Option<usize>,
    /// The visible tab.
    tab: Tab,
    /// The selected row on each tab (in [`Tab::ALL`] order).
    rows: [usize; 7],
    /// Presentation mode: big numbers, everything else hidden.
    presenting: bool,
    /// Stepping through the arithmetic: steps before this one are shown whole, this
    /// one without its result, later ones not at all. `None` shows everything.
    reveal: Option<usize>,
    /// The goal tab's inputs.
    goal: GoalInput,
    /// Weeks of ramp-up on the ramp tab.
    ramp_weeks: u32,
    /// The selected grid cell (row, column).
    grid_cell: (usize, usize),
    /// The saved scenarios, as last listed.
    saved: Vec<SavedEntry>,
    /// The selected saved scenario.
    saved_row: usize,
    /// Saved scenarios marked for comparison.
    marked: Vec<usize>,
    /// The comparison shown in the compare overlay.
    comparison: Option<Comparison>,
    /// Where scenarios are saved (`None`: no folder known).
    scenario_dir: Option<PathBuf>,
    /// Where exports are written.
    export_dir: PathBuf,
    /// Record-level data, once read.
    records: Option<Arc<crate::records::Aggregate>>,
    /// Where reading it stands.
    records_status: RecordsStatus,
    /// The observed pace shown: its label and (period, arrests a day).
    pace: (String, Vec<(String, f64)>),
    /// Whether a records file's pace is shown by week or by month.
    pace_period: crate::records::Period,
    /// Arrests per fiscal year in the records file: (year, count, partial).
    file_years: Vec<(i32, u64, bool)>,
    /// A number being typed.
    edit: Option<Edit>,
    /// An open overlay.
    overlay: Option<Overlay>,
    /// How far the overlay is scrolled, in lines.
    overlay_scroll: u16,
    /// The status-line message.
    message: Option<Message>,
    /// Scenarios before each change.
    undo: Vec<Scenario>,
    /// Scenarios undone.
    redo: Vec<Scenario>,
    /// Set when the user asked to quit.
    quit: bool,
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
        let preset = presets.iter().position(|p| p.scenario() == start);
        let outcome = model::evaluate(&start, &data);
        let year = outcome
            .latest_official
            .and_then(|i| outcome.comparisons.get(i))
            .map_or(2024, |c| c.fiscal_year);
        let goal = GoalInput {
            kind: GoalKind::Daily,
            daily: 1200,
            annual: 1_000_000,
            year,
        };
        let ramp_weeks = 12;
        let derived = Derived::new(&derived::Inputs {
            scenario: &start,
            data: &data,
            presets: &presets,
            goal,
            ramp_weeks,
            records: None,
            file_years: &[],
        });
        let mut app = Self {
            data,
            presets,
            scenario: start.clone(),
            start,
            derived,
            preset,
            tab: Tab::Scenario,
            rows: [0; 7],
            presenting: false,
            reveal: None,
            goal,
            ramp_weeks,
            grid_cell: (0, 0),
            saved: Vec::new(),
            saved_row: 0,
            marked: Vec::new(),
            comparison: None,
            scenario_dir,
            export_dir,
            records: None,
            records_status: RecordsStatus::None,
            pace: (String::new(), Vec::new()),
            pace_period: crate::records::Period::Week,
            file_years: Vec::new(),
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
        app.grid_cell = app.current_grid_cell();
        app
    }

    /// The data.
    #[must_use]
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// Presets from quotas.csv.
    #[must_use]
    pub fn presets(&self) -> &[Preset] {
        &self.presets
    }

    /// The scenario being explored.
    #[must_use]
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Everything worked out from the state.
    #[must_use]
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// The scenario's outcome (shorthand for `derived().outcome`).
    #[must_use]
    pub fn outcome(&self) -> &model::Outcome {
        &self.derived.outcome
    }

    /// The preset the scenario matches, if any (an index into [`App::presets`]).
    #[must_use]
    pub fn preset(&self) -> Option<usize> {
        self.preset
    }

    /// The visible tab.
    #[must_use]
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The selected row of a tab.
    #[must_use]
    pub fn row(&self, tab: Tab) -> usize {
        self.rows[tab.index()]
    }

    /// Whether presentation mode is on.
    #[must_use]
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// The step being revealed on the Explain tab (`None`: every step shown).
    #[must_use]
    pub fn reveal(&self) -> Option<usize> {
        self.reveal
    }

    /// Weeks of ramp-up.
    #[must_use]
    pub fn ramp_weeks(&self) -> u32 {
        self.ramp_weeks
    }

    /// The selected grid cell (row, column).
    #[must_use]
    pub fn grid_cell(&self) -> (usize, usize) {
        self.grid_cell
    }

    /// The saved scenarios, as last listed.
    #[must_use]
    pub fn saved(&self) -> &[SavedEntry] {
        &self.saved
    }

    /// The selected saved scenario.
    #[must_use]
    pub fn saved_row(&self) -> usize {
        self.saved_row
    }

    /// Whether saved scenario `i` is marked for comparison.
    #[must_use]
    pub fn is_marked(&self, i: usize) -> bool {
        self.marked.contains(&i)
    }

    /// The comparison shown in the compare overlay.
    #[must_use]
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_ref()
    }

    /// Where scenarios are saved.
    #[must_use]
    pub fn scenario_dir(&self) -> Option<&std::path::Path> {
        self.scenario_dir.as_deref()
    }

    /// Record-level data, once read.
    #[must_use]
    pub fn records(&self) -> Option<&crate::records::Aggregate> {
        self.records.as_deref()
    }

    /// Where reading a records file stands.
    #[must_use]
    pub fn records_status(&self) -> &RecordsStatus {
        &self.records_status
    }

    /// The observed pace shown: its label and (period, arrests a day).
    #[must_use]
    pub fn pace(&self) -> (&str, &[(String, f64)]) {
        (&self.pace.0, &self.pace.1)
    }

    /// Whether a records file's pace is shown by week or by month.
    #[must_use]
    pub fn pace_period(&self) -> crate::records::Period {
        self.pace_period
    }

    /// The number or name being typed.
    #[must_use]
    pub fn edit(&self) -> Option<&Edit> {
        self.edit.as_ref()
    }

    /// The open overlay.
    #[must_use]
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// How far the overlay is scrolled, in lines.
    #[must_use]
    pub fn overlay_scroll(&self) -> u16 {
        self.overlay_scroll
    }

    /// The status-line message.
    #[must_use]
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Whether the user asked to quit.
    #[must_use]
    pub fn should_quit(&self) -> bool {
        self.quit
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
            .derived
            .grid
            .rows
            .iter()
            .position(|r| *r == self.scenario.per_office);
        let c = self
            .derived
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
                let last = self.derived.grid.rows.len().saturating_sub(1);
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
                let last = self.derived.grid.cols.len().saturating_sub(1);
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
                    Some(k) if k + 1 > self.derived.explanation.len() => None,
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
            format!("{by} pace in {} (derived)", files::short_path(&agg.path)),
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

    /// Work out everything that follows from the state: once per change.
    fn recompute(&mut self) {
        self.derived = Derived::new(&derived::Inputs {
            scenario: &self.scenario,
            data: &self.data,
            presets: &self.presets,
            goal: self.goal,
            ramp_weeks: self.ramp_weeks,
            records: self.records.as_ref(),
            file_years: &self.file_years,
        });
        if self
            .reveal
            .is_some_and(|k| k > self.derived.explanation.len())
        {
            self.reveal = None;
        }
        let g = &self.derived.grid;
        self.grid_cell = (
            self.grid_cell.0.min(g.rows.len().saturating_sub(1)),
            self.grid_cell.1.min(g.cols.len().saturating_sub(1)),
        );
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
