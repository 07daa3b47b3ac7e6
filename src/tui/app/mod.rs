//! The interactive application's state. [`App::update`] is the only place it changes;
//! everything that follows from the scenario is recomputed there, once per change, into
//! one [`Derived`], and the renderer reads it all through accessors.

mod capacity;
mod derived;
mod editing;
mod files;
mod types;
mod update;

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

use super::keys::Context;

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
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent switches of the screen (presenting, blank, official pace, ...)"
)]
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
    rows: [usize; Tab::ALL.len()],
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
    /// Whether the chart shows ICE's official monthly book-ins a day instead.
    pace_official: bool,
    /// At-large arrests a day in the same periods as `pace`, when a records file read
    /// with DDP's at-large rule is shown (empty otherwise).
    pace_at_large: Vec<(String, f64)>,
    /// Which of a records file's days the Observed tab's daily averages are taken over.
    average: crate::records::Window,
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
    /// Presentation mode with the screen blanked.
    blank: bool,
    /// How far each tab's long list is scrolled (PgUp/PgDn), in rows.
    scroll: [usize; 7],
    /// Where the help was opened from: it lists that context's keys first.
    help_from: Context,
    /// The terminal's size: bounds scrolling to what fits.
    viewport: ratatui::layout::Rect,
    /// The capacity check's defaults, with their sources (worked out once from the data).
    capacity_defaults: crate::capacity::Defaults,
    /// The capacity assumptions the user set (the rest keep their defaults).
    capacity_settings: crate::capacity::Settings,
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
        let capacity_defaults = crate::capacity::Defaults::of(&data);
        let derived = Derived::new(&derived::Inputs {
            scenario: &start,
            data: &data,
            presets: &presets,
            goal,
            ramp_weeks,
            records: None,
            average: crate::records::Window::Whole,
            file_years: &[],
            capacity_defaults: &capacity_defaults,
            capacity_settings: crate::capacity::Settings::default(),
        });
        let mut app = Self {
            data,
            presets,
            scenario: start.clone(),
            start,
            derived,
            preset,
            tab: Tab::Scenario,
            rows: [0; Tab::ALL.len()],
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
            pace_official: false,
            pace_at_large: Vec::new(),
            average: crate::records::Window::Whole,
            file_years: Vec::new(),
            edit: None,
            overlay: None,
            overlay_scroll: 0,
            message: None,
            undo: Vec::new(),
            redo: Vec::new(),
            quit: false,
            blank: false,
            scroll: [0; 7],
            help_from: Context::Browse(Tab::Scenario),
            viewport: ratatui::layout::Rect::new(0, 0, 80, 24),
            capacity_defaults,
            capacity_settings: crate::capacity::Settings::default(),
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

    /// At-large arrests a day in the periods of [`App::pace`], when a records file with
    /// an apprehension method is shown (empty otherwise).
    #[must_use]
    pub fn pace_at_large(&self) -> &[(String, f64)] {
        &self.pace_at_large
    }

    /// Which of a records file's days the Observed tab's daily averages are taken over.
    #[must_use]
    pub fn average(&self) -> crate::records::Window {
        self.average
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

    /// Whether presentation mode has the screen blanked.
    #[must_use]
    pub fn blank(&self) -> bool {
        self.blank
    }

    /// How far a tab's long list is scrolled, in rows (the renderer stops at its end).
    #[must_use]
    pub fn scroll(&self, tab: Tab) -> usize {
        self.scroll[tab.index()]
    }

    /// Where the help was opened from.
    #[must_use]
    pub fn help_from(&self) -> Context {
        self.help_from
    }

    /// The goal tab's inputs.
    #[must_use]
    pub fn goal(&self) -> GoalInput {
        self.goal
    }

    /// The capacity check's defaults and the alternatives offered beside them.
    #[must_use]
    pub fn capacity_defaults(&self) -> &crate::capacity::Defaults {
        &self.capacity_defaults
    }

    /// The capacity assumptions the user set (`None`: the default).
    #[must_use]
    pub fn capacity_settings(&self) -> crate::capacity::Settings {
        self.capacity_settings
    }

    /// Steps of the arithmetic the Explain tab walks through: the scenario's, then the
    /// capacity check's.
    #[must_use]
    pub fn explain_len(&self) -> usize {
        self.derived.explanation.len() + self.derived.capacity_steps.len()
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

    /// Which key bindings apply now: worked out from the overlay, typing and the tab.
    #[must_use]
    pub fn context(&self) -> Context {
        match (self.overlay, &self.edit) {
            (Some(Overlay::Help), _) => Context::Help,
            (Some(Overlay::Sources), _) => Context::Sources,
            (Some(Overlay::Saved), _) => Context::Saved,
            (Some(Overlay::Compare), _) => Context::Compare,
            (None, Some(e)) if e.field == Field::SaveName => Context::TypingName,
            (None, Some(_)) => Context::TypingNumber,
            (None, None) if self.presenting && self.blank => Context::Blank,
            (None, None) if self.presenting => Context::Presenting,
            (None, None) => Context::Browse(self.tab),
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
            Tab::Capacity => vec![
                Field::StayDays,
                Field::DetainedShare,
                Field::Beds,
                Field::Officers,
                Field::AtLargeShare,
            ],
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
            Field::StayDays
            | Field::DetainedShare
            | Field::Beds
            | Field::Officers
            | Field::AtLargeShare => self.capacity_value_text(field),
        }
    }

    /// ICE's official monthly ICE-arrest book-ins a day, FY2019 on: their own measure,
    /// never arrests, named as such.
    fn official_pace(&self) -> (String, Vec<(String, f64)>) {
        let months = crate::model::monthly_book_ins(&self.data);
        (
            format!(
                "{} a day, by month, FY2019 on (official; not arrests)",
                crate::data::BOOK_INS_NAME
            ),
            months
                .iter()
                .map(|m| (m.month.strftime("%Y-%m").to_string(), m.per_day))
                .collect(),
        )
    }

    /// Whether the chart shows the official monthly book-ins.
    #[must_use]
    pub fn pace_is_official(&self) -> bool {
        self.pace_official
    }

    /// Set the chart's series from the state: ICE's official book-ins, or a records
    /// file's pace (with its at-large pace) by week or month, or the bundled weeks.
    fn refresh_pace(&mut self) {
        self.pace_at_large = Vec::new();
        if self.pace_official {
            self.pace = self.official_pace();
            return;
        }
        self.pace = self.file_pace();
        if let Some(agg) = &self.records {
            self.pace_at_large = agg.at_large_pace(self.pace_period).unwrap_or_default();
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
            average: self.average,
            file_years: &self.file_years,
            capacity_defaults: &self.capacity_defaults,
            capacity_settings: self.capacity_settings,
        });
        if self.reveal.is_some_and(|k| k > self.explain_len()) {
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
