//! [`App::update`]: the one dispatcher from every [`Action`] to its state change, and
//! the moves that need no arithmetic (tabs, rows, overlays, reveal, presentation).

use ratatui::layout::Rect;

use super::{App, Field, Overlay, RecordsStatus, Tab};
use crate::number::group_thousands;
use crate::tui::keys::{Action, Context};
use crate::tui::overlay;

/// Rows a page moves on the Offices tab and in the saved list.
const PAGE: usize = 10;

impl App {
    /// Apply one action. The only place the state changes.
    #[expect(
        clippy::too_many_lines,
        reason = "the one dispatcher from every Action to its state change"
    )]
    pub fn update(&mut self, action: Action) {
        // Typing, resizes and background progress keep the message on the status line.
        if !matches!(
            action,
            Action::EditChar(_)
                | Action::EditBackspace
                | Action::Paste(_)
                | Action::Resize(..)
                | Action::RecordsProgress(..)
        ) {
            self.message = None;
        }
        let context = self.context();
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.back(context),
            Action::ToggleHelp => {
                if self.overlay.is_some() {
                    self.overlay = None;
                } else {
                    self.help_from = context;
                    self.open_overlay(Overlay::Help);
                }
            }
            Action::ToggleSources => {
                if self.overlay == Some(Overlay::Sources) {
                    self.overlay = None;
                } else {
                    self.open_overlay(Overlay::Sources);
                }
            }
            Action::CloseOverlay => self.overlay = None,
            Action::Resize(w, h) => {
                self.viewport = Rect::new(0, 0, w, h);
                if let Some(kind) = self.overlay {
                    self.overlay_scroll =
                        self.overlay_scroll
                            .min(overlay::max_scroll(self, kind, self.viewport));
                }
            }
            Action::Up
            | Action::Down
            | Action::First
            | Action::Last
            | Action::PageUp
            | Action::PageDown
                if context.is_overlay() =>
            {
                self.scroll_overlay(&action);
            }
            Action::NextTab | Action::PrevTab => {
                let i = self.tab.index();
                let n = Tab::ALL.len();
                let next = if action == Action::NextTab {
                    i + 1
                } else {
                    i + n - 1
                };
                self.go(Tab::ALL[next % n]);
            }
            Action::GoTab(i) => {
                if let Some(t) = Tab::ALL.get(usize::from(i)) {
                    self.go(*t);
                }
            }
            Action::Up | Action::Down | Action::First | Action::Last
                if context == Context::Browse(Tab::Grid) =>
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
                if context == Context::Browse(Tab::Grid) =>
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
            Action::StartEdit if context == Context::Browse(Tab::Grid) => self.load_grid_cell(),
            Action::StartEdit if self.selected() == Field::GoalKind => self.step(true, false),
            Action::Up => self.move_row(|row, _| row.saturating_sub(1)),
            Action::Down => self.move_row(|row, last| (row + 1).min(last)),
            Action::First => self.move_row(|_, _| 0),
            Action::Last => self.move_row(|_, last| last),
            // A page scrolls a tab's long list or moves the selection, never a value.
            Action::PageUp | Action::PageDown
                if matches!(self.tab, Tab::Scenario | Tab::Observed) =>
            {
                let len = self.list_len();
                let s = &mut self.scroll[self.tab.index()];
                *s = if action == Action::PageUp {
                    s.saturating_sub(PAGE)
                } else {
                    (*s + PAGE).min(len.saturating_sub(1))
                };
            }
            Action::PageUp => self.move_row(|row, _| row.saturating_sub(PAGE)),
            Action::PageDown => self.move_row(|row, last| (row + PAGE).min(last)),
            Action::Increase => self.step(true, false),
            Action::Decrease => self.step(false, false),
            Action::IncreaseLarge => self.step(true, true),
            Action::DecreaseLarge => self.step(false, true),
            Action::StartEdit => {
                self.edit = Some(super::Edit {
                    field: self.selected(),
                    buffer: String::new(),
                });
            }
            Action::EditChar(c) => self.type_char(c),
            Action::Paste(text) => self.paste(&text),
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
                } else {
                    self.fail("x sets an office back to the uniform target: select an office");
                }
            }
            Action::ToggleOffice => self.toggle_office(),
            Action::NextPreset => self.cycle_preset(true),
            Action::PrevPreset => self.cycle_preset(false),
            Action::Undo => self.history(true),
            Action::Redo => self.history(false),
            Action::Reset => {
                let start = self.start.clone();
                self.change(start);
                self.note("Back to the starting scenario (u undoes)");
            }
            Action::ShowExplain => self.go(Tab::Explain),
            Action::RevealNext => {
                if !self.presenting {
                    self.go(Tab::Explain);
                }
                self.reveal = match self.reveal {
                    None => Some(0),
                    Some(k) if k + 1 > self.explain_len() => None,
                    Some(k) => Some(k + 1),
                };
            }
            Action::RevealPrev => {
                self.reveal = match self.reveal {
                    None => Some(self.explain_len()),
                    Some(k) => Some(k.saturating_sub(1)),
                };
            }
            Action::ShowGoal => self.go(Tab::Goal),
            Action::ShowGrid => {
                self.go(Tab::Grid);
                self.grid_cell = self.current_grid_cell();
            }
            Action::TogglePresentation => {
                self.presenting = !self.presenting;
                self.blank = false;
            }
            Action::ToggleBlank => self.blank = self.presenting && !self.blank,
            Action::CapacityAlternative => self.capacity_alternative(),
            Action::ApplyCapacityTarget => self.apply_capacity(true),
            Action::ApplyCapacityBeds => self.apply_capacity(false),
            Action::ApplyGoalTarget => self.apply_goal(true),
            Action::ApplyGoalOffices => self.apply_goal(false),
            Action::Save => {
                if self.scenario_dir.is_some() {
                    self.edit = Some(super::Edit {
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
            // Cycles: by week, by month (with a records file), then ICE's official
            // monthly book-ins a day, then back to by week.
            Action::TogglePacePeriod => {
                if self.pace_official {
                    self.pace_official = false;
                    self.pace_period = crate::records::Period::Week;
                } else if self.records.is_some() && self.pace_period == crate::records::Period::Week
                {
                    self.pace_period = crate::records::Period::Month;
                } else {
                    self.pace_official = true;
                }
                self.refresh_pace();
            }
            Action::CycleAverage => self.cycle_average(),
            Action::RecordsProgress(done, total) => {
                self.records_status = RecordsStatus::Loading(done, total);
            }
            Action::RecordsLoaded(loaded) => match loaded.0.as_ref() {
                Ok(agg) => {
                    let agg = std::sync::Arc::new(agg.clone());
                    let counted = group_thousands(u128::from(agg.stats.rows_counted));
                    self.file_years = agg.fiscal_years();
                    // A window chosen before the file came that the file cannot give
                    // falls back to the whole file, and says so.
                    let fallback = agg
                        .span()
                        .and_then(|file| self.average.days(file).err())
                        .map(|why| {
                            format!(
                                "; averaged over the whole file, not {}: {why}",
                                self.average.name()
                            )
                        });
                    if fallback.is_some() {
                        self.average = crate::records::Window::Whole;
                    }
                    self.records = Some(agg);
                    self.refresh_pace();
                    self.records_status = RecordsStatus::Loaded;
                    self.recompute();
                    self.note(format!(
                        "Read {counted} arrest records: see the Observed tab (7){}",
                        fallback.unwrap_or_default()
                    ));
                }
                Err(e) => {
                    let e = crate::text::echo(e);
                    self.records_status = RecordsStatus::Failed(e.clone());
                    self.fail(format!("records not read: {e}"));
                }
            },
        }
    }

    /// The footer's entries here and now: the context's, less those that would do
    /// nothing in this state (scrolling a text that fits).
    #[must_use]
    pub fn footer(&self) -> Vec<(&'static str, &'static str, Action)> {
        let c = self.context();
        let scrolls = self
            .overlay
            .filter(|k| *k != Overlay::Saved)
            .is_none_or(|k| overlay::max_scroll(self, k, self.viewport) > 0);
        crate::tui::keys::footer(c)
            .into_iter()
            .filter(|(_, _, a)| scrolls || !matches!(a, Action::Up | Action::Down))
            .collect()
    }

    /// Esc: cancel typing, close an overlay, leave presentation mode (or the blank
    /// screen) or stepping through the arithmetic; otherwise only a note. Never quits.
    fn back(&mut self, context: Context) {
        match context {
            Context::TypingNumber | Context::TypingName => self.edit = None,
            Context::Help | Context::Sources | Context::Saved | Context::Compare => {
                self.overlay = None;
            }
            Context::Blank => self.blank = false,
            Context::Presenting => self.presenting = false,
            Context::Browse(Tab::Explain) if self.reveal.is_some() => self.reveal = None,
            // Nothing to leave: say so, so the key is seen to work, and never quit.
            Context::Browse(_) => self.note("Esc: nothing to leave here (q quits)"),
        }
    }

    /// Show a tab, leaving presentation mode.
    fn go(&mut self, tab: Tab) {
        self.tab = tab;
        self.presenting = false;
        self.blank = false;
    }

    fn open_overlay(&mut self, which: Overlay) {
        self.overlay_scroll = 0;
        self.overlay = Some(which);
    }

    /// Scroll a text overlay (bounded by its end), or move in the saved list.
    fn scroll_overlay(&mut self, action: &Action) {
        let Some(kind) = self.overlay else {
            return;
        };
        if kind == Overlay::Saved {
            let last = self.saved.len().saturating_sub(1);
            let r = self.saved_row;
            self.saved_row = match action {
                Action::Up => r.saturating_sub(1),
                Action::Down => (r + 1).min(last),
                Action::PageUp => r.saturating_sub(PAGE),
                Action::PageDown => (r + PAGE).min(last),
                Action::First => 0,
                _ => last,
            };
            return;
        }
        let max = overlay::max_scroll(self, kind, self.viewport);
        let page = overlay::inner_height(kind, self.viewport).max(1);
        let s = self.overlay_scroll;
        self.overlay_scroll = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(page),
            Action::PageDown => s.saturating_add(page),
            Action::First => 0,
            _ => max,
        }
        .min(max);
    }

    /// Take the Observed tab's daily averages over the next choice of days, passing over
    /// the choices the records file cannot give (and saying why).
    fn cycle_average(&mut self) {
        use crate::records::Window;
        let Some(file) = self.records.as_ref().and_then(|agg| agg.span()) else {
            // No file yet: the choice is kept for when one is read.
            self.average = self.average.next();
            self.note(format!(
                "A records file's daily averages will be taken over {} (--records FILE)",
                self.average.name()
            ));
            return;
        };
        let mut next = self.average.next();
        let mut passed = Vec::new();
        // The whole file is always there, so this ends within the choices.
        for _ in 0..Window::CHOICES.len() {
            match next.days(file) {
                Ok(_) => break,
                Err(why) => {
                    passed.push(format!("not {}: {why}", next.name()));
                    next = next.next();
                }
            }
        }
        self.average = next;
        self.recompute();
        let days = next.days(file).unwrap_or(file);
        let mut text = format!("Averaged over {}: {}", next.name(), days.describe());
        for p in passed {
            text.push_str("; ");
            text.push_str(&p);
        }
        self.note(text);
    }

    /// About how many rows the tab's long list has: scrolling stops there (the
    /// renderer stops at what fits).
    fn list_len(&self) -> usize {
        let o = &self.derived.outcome;
        match self.tab {
            Tab::Scenario => 12 + 2 * (o.quota_checks.len() + o.references.len()),
            Tab::Observed => {
                self.derived
                    .fiscal_rows
                    .len()
                    .max(self.derived.stretch.len())
                    + 4
            }
            _ => 0,
        }
    }

    fn move_row(&mut self, to: impl Fn(usize, usize) -> usize) {
        let last = self.fields().len() - 1;
        let row = &mut self.rows[self.row_tab().index()];
        *row = to((*row).min(last), last);
    }

    /// One typed character: a number field takes digits and a point, a name anything
    /// printable; at most 40 characters.
    fn type_char(&mut self, c: char) {
        if let Some(e) = &mut self.edit {
            let fits = if e.field == Field::SaveName {
                !c.is_control()
            } else {
                c.is_ascii_digit() || c == '.'
            };
            if fits && e.buffer.chars().count() < 40 {
                e.buffer.push(c);
            }
        }
    }

    /// A paste is text for the field being typed, never keys: outside typing it is
    /// refused; in a number field only digits and a point are kept (grouping commas
    /// and spaces are dropped), and it says what was dropped.
    fn paste(&mut self, text: &str) {
        let Some(field) = self.edit.as_ref().map(|e| e.field) else {
            self.fail("a paste is only taken while typing: press Enter on a field first");
            return;
        };
        let before = self.edit.as_ref().map_or(0, |e| e.buffer.chars().count());
        let mut dropped = 0_usize;
        for c in text.chars() {
            let wanted = if field == Field::SaveName {
                !c.is_control()
            } else {
                c.is_ascii_digit() || c == '.'
            };
            let silent = field != Field::SaveName && matches!(c, ',' | ' ' | '_');
            if wanted {
                self.type_char(c);
            } else if !silent && !c.is_whitespace() {
                dropped += 1;
            }
        }
        let after = self.edit.as_ref().map_or(0, |e| e.buffer.chars().count());
        let taken = after - before;
        let wanted = text
            .chars()
            .filter(|c| {
                if field == Field::SaveName {
                    !c.is_control()
                } else {
                    c.is_ascii_digit() || *c == '.'
                }
            })
            .count();
        if dropped > 0 || taken < wanted {
            self.fail(format!(
                "pasted {taken} of {} characters: {}",
                text.chars().count(),
                if taken < wanted {
                    "at most 40 are typed"
                } else {
                    "only digits and a point go into a number"
                }
            ));
        }
    }
}
