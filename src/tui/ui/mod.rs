//! Drawing. Everything here reads the [`App`]; nothing computes or changes a figure.
//! One file per tab, plus the chrome around them, the fields, presentation mode and
//! the overlays.

mod charts;
mod chrome;
mod explain;
mod fields;
mod goal;
mod grid;
mod observed;
mod offices;
mod overlays;
mod presentation;
mod ramp;
mod scenario;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Widget;

use super::app::{App, Overlay, Tab};
use super::theme::Theme;

/// Smallest terminal the layout is drawn in.
pub const MIN_WIDTH: u16 = 60;
/// Smallest terminal height the layout is drawn in.
pub const MIN_HEIGHT: u16 = 18;

/// The whole screen: the app's state drawn in a theme.
pub struct Screen<'a> {
    /// The state.
    pub app: &'a App,
    /// The styles.
    pub theme: Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.too_small(area, buf);
            return;
        }
        let [top, body, status, source, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        if self.app.presenting() {
            let [main, last] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
            self.presentation(main, buf);
            if self.app.message().is_some() || self.app.edit().is_some() {
                self.status(last, buf);
            } else if !self.app.blank() {
                self.footer(last, buf);
            }
        } else {
            self.tabs(top, buf);
            match self.app.tab() {
                Tab::Scenario => self.scenario_tab(body, buf),
                Tab::Offices => self.offices_tab(body, buf),
                Tab::Explain => self.explain_tab(body, buf),
                Tab::Goal => self.goal_tab(body, buf),
                Tab::Grid => self.grid_tab(body, buf),
                Tab::Ramp => self.ramp_tab(body, buf),
                Tab::Observed => self.observed_tab(body, buf),
            }
            self.status(status, buf);
            self.source_line(source, buf);
            self.footer(footer, buf);
        }
        match self.app.overlay() {
            Some(Overlay::Help) => self.help(area, buf),
            Some(Overlay::Sources) => self.sources(area, buf),
            Some(Overlay::Saved) => self.saved(area, buf),
            Some(Overlay::Compare) => self.compare(area, buf),
            None => {}
        }
    }
}

/// At most `n` characters of `s`.
fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
