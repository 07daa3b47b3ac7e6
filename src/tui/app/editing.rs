//! Changing values: steps, typed numbers, the goal and the grid applied to the scenario.

use crate::model::input::{self, Input};
use crate::model::{self, MAX_ATTAINMENT, MAX_PER_OFFICE, Scenario};
use crate::number::{Fixed3, NumberError, group_thousands, parse_whole};

use super::{App, Field, GoalKind, Message, Tab};

impl App {
    pub(super) fn load_grid_cell(&mut self) {
        let (r, c) = self.grid_cell;
        let (Some(per_office), Some(offices)) =
            (self.derived.grid.rows.get(r), self.derived.grid.cols.get(c))
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

    pub(super) fn apply_goal(&mut self, target: bool) {
        if self.tab != Tab::Goal {
            self.fail("a and c apply a goal's result on the Goal tab (g)");
            return;
        }
        let Some(r) = self.derived.goal_result.clone() else {
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

    /// Adjust the selected value by a (large) step, saturating at its bounds.
    pub(super) fn step(&mut self, up: bool, large: bool) {
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
                if !self.ask_to_include(&code) {
                    return;
                }
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
            f @ (Field::StayDays
            | Field::DetainedShare
            | Field::Beds
            | Field::Officers
            | Field::AtLargeShare) => {
                self.step_capacity(f, up, large);
                return;
            }
        }
        self.change(next);
    }

    pub(super) fn step_goal(&mut self, up: bool, large: bool) {
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

    pub(super) fn confirm_edit(&mut self) {
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
            text: format!("{reason}; kept {old}"),
            is_error: true,
        };
        let mut next = self.scenario.clone();
        let result: Result<(), String> = match edit.field {
            // Every scenario input is read by the model's one validator, with its words.
            Field::Offices => input::parse_offices(text)
                .map(|n| next.offices = n)
                .map_err(|e| e.to_string()),
            Field::PerOffice => input::parse_target(Input::PerOffice, text)
                .map(|t| next.per_office = t)
                .map_err(|e| e.to_string()),
            Field::Attainment => input::parse_attainment(text)
                .map(|t| next.attainment = t)
                .map_err(|e| e.to_string()),
            Field::Days => input::parse_days(text)
                .map(|d| next.days = d)
                .map_err(|e| e.to_string()),
            Field::Office(i) if !self.takes_part(i) => {
                let code = self.data.offices[i].code.clone();
                self.ask_to_include(&code);
                return;
            }
            Field::Office(i) => input::parse_target(Input::OfficeTarget, text)
                .map(|t| set_office_target(&mut next, self.data.offices[i].code.clone(), t))
                .map_err(|e| e.to_string()),
            Field::GoalValue => self
                .set_goal_value(text)
                .map_err(|e| format!("{}: {e}", edit.field.label())),
            Field::RampWeeks => input::parse_ramp_weeks(text)
                .map(|w| self.ramp_weeks = w)
                .map_err(|e| e.to_string()),
            f @ (Field::StayDays
            | Field::DetainedShare
            | Field::Beds
            | Field::Officers
            | Field::AtLargeShare) => self.set_capacity_value(f, text),
            Field::GoalKind | Field::SaveName => Ok(()),
        };
        match result {
            // Once per change: `change` recomputes a new scenario; a goal or ramp
            // value leaves the scenario as it was and is recomputed here.
            Ok(()) if next != self.scenario => self.change(next),
            Ok(()) => self.recompute(),
            Err(reason) => self.message = Some(refuse(reason)),
        }
    }

    pub(super) fn set_goal_value(&mut self, text: &str) -> Result<(), String> {
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

    pub(super) fn cycle_preset(&mut self, forward: bool) {
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

    pub(super) fn history(&mut self, undo: bool) {
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

    /// Whether listed office `i` takes part in the scenario.
    pub(super) fn takes_part(&self, i: usize) -> bool {
        self.data
            .offices
            .get(i)
            .is_some_and(|o| self.scenario.takes_part(&o.code, &self.data.offices))
    }

    /// An office that does not take part has no target of its own: say so and ask for
    /// Space to include it first. True when the office takes part.
    pub(super) fn ask_to_include(&mut self, code: &str) -> bool {
        if self.scenario.takes_part(code, &self.data.offices) {
            return true;
        }
        self.fail(format!(
            "{} does not take part, so it has no target of its own: include it with Space first",
            crate::text::echo(code)
        ));
        false
    }

    /// Space on the Offices tab: put the selected office in or out of the scenario
    /// (the office count follows; an office put out loses its own target).
    pub(super) fn toggle_office(&mut self) {
        let Field::Office(i) = self.selected() else {
            self.fail("Space puts an office in or out of the scenario: select an office");
            return;
        };
        let code = self.data.offices[i].code.clone();
        let on = !self.takes_part(i);
        let mut next = self.scenario.clone();
        if !on {
            next.overrides.remove(&code);
        }
        next.set_taking_part(&code, on, &self.data.offices);
        self.change(next);
        self.note(format!(
            "{} {} the scenario ({} offices)",
            crate::text::echo(&code),
            if on { "is back in" } else { "is left out of" },
            group_thousands(u128::from(self.scenario.offices))
        ));
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
