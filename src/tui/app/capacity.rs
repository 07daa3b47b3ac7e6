//! The Capacity tab's state changes: its five assumptions stepped, typed, swapped for
//! the offered alternative, and its goal seek applied (the per-office target the beds
//! sustain, or the beds the scenario needs).

use crate::capacity::{MAX_BEDS, MAX_OFFICERS, MAX_STAY_DAYS, StayDays};
use crate::model::input::{self, Input};
use crate::number::{Fixed3, group_thousands};

use super::{App, Field};

impl App {
    /// A capacity field's value as shown: the value in use, `~` when it is a rounded
    /// ratio, with `*` when the user set it.
    pub(super) fn capacity_value_text(&self, field: Field) -> String {
        let a = &self.derived.capacity.assumptions;
        let approx = |exact: bool| if exact { "" } else { "~" };
        match field {
            Field::StayDays => format!("{} days", a.stay_days.value),
            Field::DetainedShare => format!(
                "{}{}%",
                approx(a.detained_share.exact),
                a.detained_share.value
            ),
            Field::Beds => group_thousands(u128::from(a.beds.value)),
            Field::Officers => group_thousands(u128::from(a.officers.value)),
            Field::AtLargeShare => format!(
                "{}{}%",
                approx(a.at_large_share.exact),
                a.at_large_share.value
            ),
            _ => String::new(),
        }
    }

    /// Step a capacity assumption, saturating at its bounds: the stay by a day (10),
    /// shares by 5 points (25), beds by 1,000 (10,000), officers by 500 (5,000).
    pub(super) fn step_capacity(&mut self, field: Field, up: bool, large: bool) {
        let a = &self.derived.capacity.assumptions;
        let bump = |v: u64, step: u64, min: u64, max: u64| {
            if up {
                v.saturating_add(step).min(max)
            } else {
                v.saturating_sub(step).max(min)
            }
        };
        let s = &mut self.capacity_settings;
        match field {
            Field::StayDays => {
                let step = if large { 100_000 } else { 10_000 };
                s.stay_days = Some(StayDays::from_ten_thousandths(bump(
                    a.stay_days.value.ten_thousandths(),
                    step,
                    1,
                    MAX_STAY_DAYS * 10_000,
                )));
            }
            Field::DetainedShare | Field::AtLargeShare => {
                let current = if field == Field::DetainedShare {
                    a.detained_share.value
                } else {
                    a.at_large_share.value
                };
                let step = if large { 25_000 } else { 5_000 };
                let next = Some(Fixed3::from_thousandths(bump(
                    current.thousandths(),
                    step,
                    0,
                    100_000,
                )));
                if field == Field::DetainedShare {
                    s.detained_share = next;
                } else {
                    s.at_large_share = next;
                }
            }
            Field::Beds => {
                let step = if large { 10_000 } else { 1_000 };
                s.beds = Some(bump(a.beds.value, step, 1, MAX_BEDS));
            }
            Field::Officers => {
                let step = if large { 5_000 } else { 500 };
                s.officers = Some(bump(a.officers.value, step, 1, MAX_OFFICERS));
            }
            _ => return,
        }
        self.recompute();
    }

    /// A typed capacity value, read by the same validator as the flags and files.
    pub(super) fn set_capacity_value(&mut self, field: Field, text: &str) -> Result<(), String> {
        let s = &mut self.capacity_settings;
        let e = |e: input::InputError| e.to_string();
        match field {
            Field::StayDays => s.stay_days = Some(input::parse_stay_days(text).map_err(e)?),
            Field::DetainedShare => {
                s.detained_share = Some(input::parse_share(Input::DetainedShare, text).map_err(e)?);
            }
            Field::Beds => s.beds = Some(input::parse_count(Input::Beds, text).map_err(e)?),
            Field::Officers => {
                s.officers = Some(input::parse_count(Input::Officers, text).map_err(e)?);
            }
            Field::AtLargeShare => {
                s.at_large_share = Some(input::parse_share(Input::AtLargeShare, text).map_err(e)?);
            }
            _ => {}
        }
        Ok(())
    }

    /// `a` on the Capacity tab: swap the selected assumption between its default and
    /// the alternative offered beside it (the detained share: 100% or FY2024's ratio;
    /// officers: before 2025 or January 2026); any other assumption back to its default.
    pub(super) fn capacity_alternative(&mut self) {
        let d = &self.capacity_defaults;
        let in_use = &self.derived.capacity.assumptions;
        let selected = self.selected();
        let s = &mut self.capacity_settings;
        let (text, note) = match selected {
            Field::DetainedShare => {
                let alt = &d.detained_share_fy2024;
                let to_alt = in_use.detained_share.value != alt.value;
                s.detained_share = to_alt.then_some(alt.value);
                let chosen = if to_alt {
                    alt
                } else {
                    &d.assumptions.detained_share
                };
                ("Detained share", chosen.basis.clone())
            }
            Field::Officers => {
                let alt = &d.officers_2026;
                let to_alt = in_use.officers.value != alt.value;
                s.officers = to_alt.then_some(alt.value);
                let chosen = if to_alt { alt } else { &d.assumptions.officers };
                ("Officers", chosen.basis.clone())
            }
            Field::StayDays => {
                s.stay_days = None;
                ("Average stay", d.assumptions.stay_days.basis.clone())
            }
            Field::Beds => {
                s.beds = None;
                ("Funded beds", d.assumptions.beds.basis.clone())
            }
            Field::AtLargeShare => {
                s.at_large_share = None;
                ("At-large share", d.assumptions.at_large_share.basis.clone())
            }
            _ => {
                self.fail("a swaps a capacity assumption: select one on the Capacity tab (8)");
                return;
            }
        };
        self.recompute();
        let value = self.value_text(self.selected());
        self.note(format!("{text} {value}: {note}"));
    }

    /// Goal seek on the Capacity tab: `t` sets the per-office target to what the funded
    /// beds sustain; `B` sets the funded beds to what the scenario needs (rounded up).
    pub(super) fn apply_capacity(&mut self, target: bool) {
        let c = &self.derived.capacity;
        if target {
            let Some((t, exact)) = c.sustainable_per_office else {
                self.fail("no per-office target: 0 offices, 0% met, or no one is detained");
                return;
            };
            let sustained = c
                .sustainable_daily
                .map_or_else(String::new, |s| s.display(2));
            let mut next = self.scenario.clone();
            next.per_office = t;
            next.overrides.clear();
            self.change(next);
            self.note(format!(
                "Per-office target set to {}{t}: the {} a day the beds sustain",
                if exact { "" } else { "~" },
                sustained
            ));
        } else {
            let Some(needed) = c.beds_needed else {
                self.fail("the beds needed are too many to count");
                return;
            };
            let whole = needed.value.units().div_ceil(crate::number::AMOUNT_SCALE);
            let Some(beds) = u64::try_from(whole)
                .ok()
                .filter(|b| (1..=MAX_BEDS).contains(b))
            else {
                self.fail(format!(
                    "{} beds needed: outside 1 to {}",
                    needed.display(1),
                    group_thousands(u128::from(MAX_BEDS))
                ));
                return;
            };
            self.capacity_settings.beds = Some(beds);
            self.recompute();
            self.note(format!(
                "Funded beds set to {}: what {} a day needs (rounded up)",
                group_thousands(u128::from(beds)),
                self.derived.outcome.daily_total.display(2)
            ));
        }
    }
}
