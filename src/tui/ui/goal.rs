//! The Goal tab: goal seek in both directions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::Screen;
use crate::number::group_thousands;
use crate::tui::app::Field;

impl Screen<'_> {
    // ---- Goal tab -----------------------------------------------------------------

    pub(super) fn goal_tab(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let left_width = (area.width / 2).max(36).min(area.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(area);
        let block = Block::bordered().title(Span::styled(" Goal seek ", t.title()));
        let inner = block.inner(left);
        block.render(left, buf);
        let w = inner.width as usize;
        let lines = vec![
            self.field_line(Field::GoalKind, "Aim at", "", w),
            self.field_line(Field::GoalValue, "Goal", "", w),
            Line::raw(""),
            self.field_line(Field::Offices, "Offices", "", w),
            self.field_line(Field::PerOffice, "Per-office target", " a day", w),
            self.field_line(Field::Attainment, "Attainment", " met", w),
            self.field_line(Field::Days, "Days per year", "", w),
            Line::raw(""),
            Line::styled("Left/Right: change; Enter: type", t.hint()),
        ];
        self.fitted(&lines, inner, buf);
        let mut out = Vec::new();
        match &app.derived().goal_result {
            Some(r) => {
                out.push(Line::from(vec![
                    Span::raw("To reach "),
                    Span::styled(r.goal.clone(), t.figure()),
                ]));
                out.push(Line::raw(format!(
                    "({} a day over {} days, at {}% met)",
                    r.daily_needed.display(2),
                    app.scenario().days,
                    app.scenario().attainment
                )));
                out.push(Line::raw(""));
                match r.per_office_needed {
                    Some((v, exact)) => out.push(Line::from(vec![
                        Span::raw(format!(
                            "with {} offices, each needs ",
                            group_thousands(u128::from(app.scenario().offices))
                        )),
                        Span::styled(
                            format!("{}{v} a day", if exact { "" } else { "~" }),
                            t.figure(),
                        ),
                        Span::styled("   a: apply", t.key()),
                    ])),
                    None => out.push(Line::raw(
                        "no per-office target reaches it with 0 offices or 0% met",
                    )),
                }
                match r.offices_needed {
                    Some(n) => out.push(Line::from(vec![
                        Span::raw(format!(
                            "at {} a day each, it takes ",
                            app.scenario().per_office
                        )),
                        Span::styled(format!("{} offices", group_thousands(n)), t.figure()),
                        Span::styled("   c: apply", t.key()),
                    ])),
                    None => out.push(Line::raw("no office count reaches it at 0 a day or 0% met")),
                }
                out.push(Line::styled(
                    "(office counts are rounded up so the goal is met)",
                    t.hint(),
                ));
            }
            None => out.push(Line::styled("That fiscal year is not loaded.", t.error())),
        }
        self.panel(" What it takes ", &out, right, buf);
    }
}
