//! The interactive application's state. [`App::update`] is the only place it changes;
//! the scenario's outcome is recomputed there and cached for rendering.

use crate::data::Dataset;
use crate::model::{self, MAX_ATTAINMENT, MAX_PER_OFFICE, Outcome, Preset, Scenario};
use crate::number::{Fixed3, NumberError, group_thousands, parse_thousandths, parse_whole};

use super::keys::{Action, Mode};

/// The tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Parameters, results and the history chart.
    Scenario,
    /// The field offices with their targets.
    Offices,
}

impl Tab {
    /// All tabs, in order.
    pub const ALL: [Self; 2] = [Self::Scenario, Self::Offices];

    /// The tab's title.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Scenario => "Scenario",
            Self::Offices => "Offices",
        }
    }
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
    /// Selected row on the Scenario tab.
    pub scenario_row: usize,
    /// Selected row on the Offices tab.
    pub offices_row: usize,
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
    /// A new app on `data`, starting from `start`.
    #[must_use]
    pub fn new(data: Dataset, start: Scenario) -> Self {
        let presets = model::presets(&data);
        let outcome = model::evaluate(&start, &data);
        let preset = presets.iter().position(|p| p.scenario() == start);
        Self {
            data,
            presets,
            scenario: start.clone(),
            start,
            outcome,
            preset,
            tab: Tab::Scenario,
            scenario_row: 0,
            offices_row: 0,
            edit: None,
            overlay: None,
            overlay_scroll: 0,
            message: None,
            undo: Vec::new(),
            redo: Vec::new(),
            quit: false,
        }
    }

    /// Which key bindings apply now.
    #[must_use]
    pub fn mode(&self) -> Mode {
        if self.overlay.is_some() {
            Mode::Overlay
        } else if self.edit.is_some() {
            Mode::Editing
        } else {
            Mode::Normal
        }
    }

    /// The fields on the current tab, top to bottom.
    #[must_use]
    pub fn fields(&self) -> Vec<Field> {
        match self.tab {
            Tab::Scenario => vec![
                Field::Offices,
                Field::PerOffice,
                Field::Attainment,
                Field::Days,
            ],
            Tab::Offices => [Field::Offices, Field::PerOffice]
                .into_iter()
                .chain((0..self.data.offices.len()).map(Field::Office))
                .collect(),
        }
    }

    /// The selected field.
    #[must_use]
    pub fn selected(&self) -> Field {
        let fields = self.fields();
        let row = match self.tab {
            Tab::Scenario => self.scenario_row,
            Tab::Offices => self.offices_row,
        };
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
        }
    }

    /// Apply one action. The only place the state changes.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::EditChar(_) | Action::EditBackspace) {
            self.message = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.toggle_overlay(Overlay::Help),
            Action::ToggleSources => self.toggle_overlay(Overlay::Sources),
            Action::NextTab | Action::PrevTab => {
                let i = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
                let n = Tab::ALL.len();
                let next = if action == Action::NextTab {
                    i + 1
                } else {
                    i + n - 1
                };
                self.tab = Tab::ALL[next % n];
            }
            Action::Up if self.overlay.is_some() => {
                self.overlay_scroll = self.overlay_scroll.saturating_sub(1);
            }
            Action::Down if self.overlay.is_some() => {
                self.overlay_scroll = self.overlay_scroll.saturating_add(1).min(200);
            }
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
                    && e.buffer.len() < 24
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
                self.message = Some(Message {
                    text: "Back to the starting scenario (u undoes)".into(),
                    is_error: false,
                });
            }
        }
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
        let row = match self.tab {
            Tab::Scenario => &mut self.scenario_row,
            Tab::Offices => &mut self.offices_row,
        };
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
        }
        self.change(next);
    }

    fn confirm_edit(&mut self) {
        let Some(edit) = self.edit.take() else {
            return;
        };
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
        };
        match result {
            Ok(()) => self.change(next),
            Err(reason) => self.message = Some(refuse(reason)),
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
        App::new(Dataset::bundled().unwrap(), Scenario::default())
    }

    fn run(app: &mut App, actions: &[Action]) {
        for a in actions {
            app.update(*a);
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
        assert_eq!(a.scenario_row, 0, "scrolling does not move the selection");
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
