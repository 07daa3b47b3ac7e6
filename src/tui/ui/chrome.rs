//! The frame around every tab: the tab strip, the status, sources and footer lines, and the too-small notice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{MIN_HEIGHT, MIN_WIDTH, Screen};
use crate::data::QuotaKind;
use crate::tui::app::Tab;
use crate::tui::keys::Action;

impl Screen<'_> {
    pub(super) fn too_small(&self, area: Rect, buf: &mut Buffer) {
        let text = format!(
            "terminal too small: need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}",
            area.width, area.height
        );
        Paragraph::new(text)
            .style(self.theme.error())
            .wrap(Wrap { trim: true })
            .render(area, buf);
    }

    pub(super) fn tabs(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let tabs_width: usize = Tab::ALL.iter().map(|t| t.title().len() + 4).sum();
        let title = " arrest-scenarios ";
        let mut spans = Vec::new();
        let mut used = 0;
        if tabs_width + title.len() < area.width as usize {
            spans.push(Span::styled(title, t.title()));
            spans.push(Span::raw(" "));
            used = title.len() + 1;
        }
        // Narrow screens lose the space on either side of each tab, keeping one between.
        let compact = used + tabs_width > area.width as usize;
        for (i, tab) in Tab::ALL.iter().enumerate() {
            let text = format!("{} {}", i + 1, tab.title());
            if *tab == self.app.tab() {
                used += text.len() + 2;
                spans.push(Span::styled(format!("[{text}]"), t.selected()));
            } else if compact {
                used += text.len() + 1;
                let gap = if i + 1 == Tab::ALL.len() { "" } else { " " };
                spans.push(Span::styled(format!("{text}{gap}"), t.label()));
            } else {
                used += text.len() + 2;
                spans.push(Span::styled(format!(" {text} "), t.label()));
            }
        }
        let hint = "  Tab: switch  ?: help";
        if used + hint.len() <= area.width as usize {
            spans.push(Span::styled(hint, t.hint()));
        }
        Line::from(spans).render(area, buf);
    }

    // ---- Bottom lines -------------------------------------------------------------

    pub(super) fn status(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let line = if let Some(m) = &self.app.message() {
            if m.is_error {
                Line::from(vec![
                    Span::styled("Refused: ", t.error()),
                    Span::styled(
                        crate::text::escape_controls(&m.text).into_owned(),
                        t.error(),
                    ),
                ])
            } else {
                Line::raw(crate::text::escape_controls(&m.text).into_owned())
            }
        } else if let Some(e) = &self.app.edit() {
            Line::from(vec![
                Span::raw(format!("Typing {}: ", e.field.label())),
                Span::styled(format!("{}_", e.buffer), t.editing()),
                Span::styled("  (Enter accepts, Esc cancels)", t.hint()),
            ])
        } else {
            Line::raw("")
        };
        // A long message ends in a mark, never cut at the edge.
        super::overlays::clip_line(line, usize::from(area.width)).render(area, buf);
    }

    pub(super) fn source_line(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        // The Capacity tab cites its assumptions' sources first.
        let mut ids: Vec<&str> = if app.tab() == Tab::Capacity {
            app.derived().capacity.source_ids()
        } else {
            Vec::new()
        };
        ids.extend(
            app.outcome()
                .comparisons
                .iter()
                .map(|c| c.source_id.as_str()),
        );
        if let Some(i) = app.preset()
            && let Some(q) = app.data().quota(&app.presets()[i].quota_id)
        {
            ids.push(&q.source_id);
        }
        ids.extend(
            app.data()
                .quotas
                .iter()
                .filter(|q| q.kind == QuotaKind::Arrests)
                .map(|q| q.source_id.as_str()),
        );
        if let Some(p) = &app.outcome().observed {
            ids.push(&p.source_id);
        }
        let mut shorts: Vec<&str> = Vec::new();
        for id in ids {
            if let Some(s) = app.data().source(id)
                && !shorts.contains(&s.short.as_str())
            {
                shorts.push(&s.short);
            }
        }
        let text =
            crate::text::escape_controls(&format!("Sources: {}", shorts.join("; "))).into_owned();
        let hint = "  (i: all)";
        let width = area.width as usize;
        let shown = if text.chars().count() + hint.len() <= width {
            format!("{text}{hint}")
        } else {
            let keep = width.saturating_sub(hint.len());
            format!("{}{hint}", crate::text::clip(&text, keep))
        };
        Line::styled(shown, t.hint()).render(area, buf);
    }

    /// The footer of the current context, from its key table: what the context is
    /// for, a teacher's keys, then the rest, as many as fit; help and quit (where they
    /// apply) always end it, and "+N more" says what did not fit.
    pub(super) fn footer(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let entries = self.app.footer();
        let is_tail = |a: &Action| matches!(a, Action::ToggleHelp | Action::Quit);
        let cost = |k: &str, l: &str| k.chars().count() + 1 + l.chars().count() + 2;
        let tail: Vec<_> = entries.iter().filter(|e| is_tail(&e.2)).collect();
        let tail_w: usize = tail.iter().map(|e| cost(e.0, e.1)).sum();
        let width = usize::from(area.width);
        let mut spans = Vec::new();
        let mut used = 0;
        let mut left = 0;
        for (keys, label, action) in &entries {
            if is_tail(action) {
                continue;
            }
            if left > 0 || used + cost(keys, label) + tail_w + 12 > width {
                left += 1;
                continue;
            }
            used += cost(keys, label);
            spans.push(Span::styled(*keys, t.key()));
            spans.push(Span::raw(format!(" {label}  ")));
        }
        if left > 0 {
            spans.push(Span::styled(format!("+{left} more  "), t.hint()));
        }
        for (keys, label, _) in tail {
            spans.push(Span::styled(*keys, t.key()));
            spans.push(Span::raw(format!(" {label}  ")));
        }
        Line::from(spans).render(area, buf);
    }
}
