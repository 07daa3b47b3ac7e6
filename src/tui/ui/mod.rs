//! Drawing. Everything here reads the [`App`]; nothing computes or changes a figure.
//! One file per tab, plus the chrome around them, the fields, presentation mode and
//! the overlays.

mod capacity;
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
use ratatui::text::{Line, Span};
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
                Tab::Capacity => self.capacity_tab(body, buf),
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

/// `line` wrapped at word boundaries to `width` cells; each piece keeps the style of
/// the span it starts in.
pub(super) fn wrap_line(line: &Line<'static>, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    if line.width() <= width {
        return vec![line.clone()];
    }
    // Each character with its span's style, then wrapped as text.
    let styled: Vec<(char, ratatui::style::Style)> = line
        .spans
        .iter()
        .flat_map(|s| {
            let style = line.style.patch(s.style);
            s.content.chars().map(move |c| (c, style))
        })
        .collect();
    let text: String = styled.iter().map(|(c, _)| *c).collect();
    let mut out = Vec::new();
    let mut at = 0;
    for piece in textwrap::wrap(&text, textwrap::Options::new(width).break_words(true)) {
        // Find the piece in the text from where the last one ended.
        let start = text[at..].find(piece.as_ref()).map_or(at, |i| at + i);
        let first = text[..start].chars().count();
        let n = piece.chars().count();
        let mut spans: Vec<Span<'static>> = Vec::new();
        for (c, style) in &styled[first..first + n] {
            match spans.last_mut() {
                Some(last) if last.style == *style => last.content.to_mut().push(*c),
                _ => spans.push(Span::styled(c.to_string(), *style)),
            }
        }
        out.push(Line::from(spans));
        at = start + piece.len();
    }
    out
}

/// `lines` wrapped to `area`'s width and scrolled by `scroll` rows, as many as fit;
/// when rows are left out above or below, the first or last row says how many (and
/// that PgUp/PgDn scroll), so nothing is cut silently.
pub(super) fn fit(
    lines: &[Line<'static>],
    area: Rect,
    scroll: Option<usize>,
    hint: ratatui::style::Style,
) -> Vec<Line<'static>> {
    // `None`: this list does not scroll, so the mark names no key.
    let (scroll, up, down) = match scroll {
        Some(s) => (s, " (PgUp)", " (PgDn)"),
        None => (0, "", ""),
    };
    let rows: Vec<Line<'static>> = lines
        .iter()
        .flat_map(|l| wrap_line(l, usize::from(area.width)))
        .collect();
    let height = usize::from(area.height);
    if rows.len() <= height || height < 2 {
        return rows.into_iter().take(height).collect();
    }
    let scroll = scroll.min(rows.len() - (height - 1));
    let above = scroll;
    let mut room = height - usize::from(above > 0);
    let below = rows.len().saturating_sub(scroll + room);
    if below > 0 {
        room -= 1;
    }
    let below = rows.len().saturating_sub(scroll + room);
    let mut out = Vec::with_capacity(height);
    if above > 0 {
        out.push(Line::styled(format!("↑ {above} more{up}"), hint));
    }
    out.extend(rows.into_iter().skip(scroll).take(room));
    if below > 0 {
        out.push(Line::styled(format!("↓ +{below} more{down}"), hint));
    }
    out
}

impl Screen<'_> {
    /// A bordered panel titled `title` (cut with `…` if wider than the panel) holding
    /// `lines`, wrapped, with "+N more" when they do not all fit.
    pub(super) fn panel(&self, title: &str, lines: &[Line<'static>], area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let title = crate::text::clip(title, usize::from(area.width.saturating_sub(2)));
        let block =
            ratatui::widgets::Block::bordered().title(Span::styled(title.into_owned(), t.title()));
        let inner = block.inner(area);
        block.render(area, buf);
        ratatui::widgets::Paragraph::new(fit(lines, inner, None, t.hint())).render(inner, buf);
    }

    /// `lines` in `area` (no border), wrapped, with "+N more" when they do not fit.
    pub(super) fn fitted(&self, lines: &[Line<'static>], area: Rect, buf: &mut Buffer) {
        ratatui::widgets::Paragraph::new(fit(lines, area, None, self.theme.hint()))
            .render(area, buf);
    }
}
