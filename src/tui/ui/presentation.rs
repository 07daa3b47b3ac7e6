//! Presentation mode: the totals in the biggest digits that fit, centred; under them
//! the comparison in large text (against the latest official year and the reported
//! quota), or the step of the arithmetic being revealed. `b` or `.` blanks it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::Screen;
use crate::model::{Basis, Status, format_multiple};
use crate::text::clip;
use crate::tui::app::Field;

/// tui-big-text's sizes drawn with the block elements every terminal font has,
/// biggest first: (size, cells wide, cells tall) per character.
const SIZES: [(PixelSize, u16, u16); 4] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfWidth, 4, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// How a line is drawn: in big glyphs of a size, or as plain bold text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Size {
    /// Big glyphs: the size, its cells per character across and down.
    Big(PixelSize, u16, u16),
    /// One row of bold text (cut with `…` if even that is too wide).
    Plain,
}

impl Size {
    /// Rows it takes.
    pub(super) fn height(self) -> u16 {
        match self {
            Self::Big(_, _, h) => h,
            Self::Plain => 1,
        }
    }
}

/// How the screen is laid out: the totals' size and whether they sit side by side,
/// and the size of the blocks under them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Plan {
    /// The daily and annual totals.
    pub total: Size,
    /// Side by side (one band) or one above the other.
    pub side: bool,
    /// The comparison (or step) lines.
    pub small: Size,
}

/// One block under the totals: a big line and its caption.
struct Block {
    big: String,
    caption: Vec<Line<'static>>,
    /// The caption reads first (a step's question above its answer).
    caption_first: bool,
}

fn chars(s: &str) -> u16 {
    u16::try_from(s.chars().count()).unwrap_or(u16::MAX)
}

/// The biggest totals that leave room for the blocks in big glyphs too (no taller
/// than half the totals where that fits, else as tall); failing that, with the blocks
/// as plain text; failing that, everything plain. `captions` are the rows of each
/// block's caption; every block is preceded by a blank row.
pub(super) fn choose(totals: [&str; 2], blocks: &[&str], captions: &[u16], area: Rect) -> Plan {
    let widest_block = blocks.iter().map(|t| chars(t)).max().unwrap_or(0);
    let widest_total = totals.iter().map(|t| chars(t)).max().unwrap_or(0);
    let caption_rows: u16 = captions.iter().sum();
    let n = u16::try_from(blocks.len()).unwrap_or(u16::MAX);
    let need = |h: u16| n * (1 + h) + caption_rows;
    let mut plain_blocks = None;
    for &(p, w, h) in &SIZES {
        for side in [true, false] {
            let fits = if side {
                widest_total.saturating_mul(w) <= area.width / 2
            } else {
                widest_total.saturating_mul(w) <= area.width
            };
            if !fits {
                continue;
            }
            // The parameter strip, the totals and their labels.
            let used = 1 + if side { h + 1 } else { 2 * (h + 1) };
            let Some(rest) = area.height.checked_sub(used) else {
                continue;
            };
            let total = Size::Big(p, w, h);
            let small = [h / 2, h].into_iter().find_map(|max_h| {
                SIZES
                    .iter()
                    .find(|(_, sw, sh)| {
                        *sh <= max_h
                            && widest_block.saturating_mul(*sw) <= area.width
                            // A row of air above and below the whole.
                            && need(*sh) + 2 <= rest
                    })
                    .map(|&(sp, sw, sh)| Size::Big(sp, sw, sh))
            });
            if let Some(small) = small {
                return Plan { total, side, small };
            }
            if plain_blocks.is_none() && need(1) <= rest {
                plain_blocks = Some(Plan {
                    total,
                    side,
                    small: Size::Plain,
                });
            }
        }
    }
    plain_blocks.unwrap_or(Plan {
        total: Size::Plain,
        side: false,
        small: Size::Plain,
    })
}

/// Draw `text` at `size`, centred in `area`; plain text is cut with `…` at the edge.
fn draw(text: &str, size: Size, style: Style, area: Rect, buf: &mut Buffer) {
    match size {
        Size::Big(p, _, _) => BigText::builder()
            .pixel_size(p)
            .style(style)
            .centered()
            .lines(vec![Line::raw(text.to_string())])
            .build()
            .render(area, buf),
        // Plain text sits on the band's middle row.
        Size::Plain => Line::styled(clip(text, usize::from(area.width)).into_owned(), style)
            .alignment(Alignment::Center)
            .render(
                Rect {
                    y: area.y + area.height.saturating_sub(1) / 2,
                    height: area.height.min(1),
                    ..area
                },
                buf,
            ),
    }
}

impl Screen<'_> {
    pub(super) fn presentation(&self, area: Rect, buf: &mut Buffer) {
        if self.app.blank() {
            return;
        }
        let app = self.app;
        let o = app.outcome();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let daily = o.daily_total.display(0);
        let annual = o.annual_total.display(0);
        let width = usize::from(area.width.max(1));
        let caption_rows = |blocks: &[Block]| -> Vec<u16> {
            blocks
                .iter()
                .map(|b| {
                    let rows: usize = b
                        .caption
                        .iter()
                        .map(|l| textwrap::wrap(&l.to_string(), width).len())
                        .sum();
                    u16::try_from(rows).unwrap_or(u16::MAX)
                })
                .collect()
        };
        // The sizes follow the comparisons, so the totals keep their size while the
        // arithmetic is stepped through.
        let mut comparisons = self.comparison_blocks(area.width);
        let bigs: Vec<&str> = comparisons.iter().map(|b| b.big.as_str()).collect();
        let mut plan = choose([&daily, &annual], &bigs, &caption_rows(&comparisons), area);
        // The latest official pace comes third: where the three do not fit in large
        // text, it gives way (the Scenario tab still shows it).
        if plan.small == Size::Plain && comparisons.len() > 2 {
            comparisons.truncate(2);
            let bigs: Vec<&str> = comparisons.iter().map(|b| b.big.as_str()).collect();
            plan = choose([&daily, &annual], &bigs, &caption_rows(&comparisons), area);
        }
        let blocks = self.step_blocks().unwrap_or(comparisons);
        let captions = caption_rows(&blocks);
        let h = plan.total.height();
        // Centred vertically: a flexible row above and below.
        let mut rows = vec![Constraint::Fill(1), Constraint::Length(1)];
        if plan.side {
            rows.extend([Constraint::Length(h), Constraint::Length(1)]);
        } else {
            rows.extend([
                Constraint::Length(h),
                Constraint::Length(1),
                Constraint::Length(h),
                Constraint::Length(1),
            ]);
        }
        let head = rows.len() - 1;
        for (b, c) in blocks.iter().zip(&captions) {
            let (big, caption) = (
                Constraint::Length(plan.small.height()),
                Constraint::Length(*c),
            );
            rows.push(Constraint::Length(1));
            rows.extend(if b.caption_first {
                [caption, big]
            } else {
                [big, caption]
            });
        }
        rows.push(Constraint::Fill(1));
        let areas = Layout::vertical(rows).split(area);
        let areas = &areas[1..];
        self.parameter_strip(areas[0], buf);
        let day_label = Line::styled("arrests a day", bold).alignment(Alignment::Center);
        let year_label = Line::styled(
            format!("arrests a year ({} days)", app.scenario().days),
            bold,
        )
        .alignment(Alignment::Center);
        if plan.side {
            let [l, r] = Layout::horizontal([Constraint::Fill(1); 2]).areas(areas[1]);
            let [ll, rl] = Layout::horizontal([Constraint::Fill(1); 2]).areas(areas[2]);
            draw(&daily, plan.total, bold, l, buf);
            draw(&annual, plan.total, bold, r, buf);
            day_label.render(ll, buf);
            year_label.render(rl, buf);
        } else {
            draw(&daily, plan.total, bold, areas[1], buf);
            day_label.render(areas[2], buf);
            draw(&annual, plan.total, bold, areas[3], buf);
            year_label.render(areas[4], buf);
        }
        for (i, b) in blocks.into_iter().enumerate() {
            let small = match plan.small {
                Size::Big(_, w, _) if chars(&b.big).saturating_mul(w) > area.width => Size::Plain,
                s => s,
            };
            let (big_at, caption_at) = if b.caption_first {
                (areas[head + 3 * i + 2], areas[head + 3 * i + 1])
            } else {
                (areas[head + 3 * i + 1], areas[head + 3 * i + 2])
            };
            draw(&b.big, small, bold, big_at, buf);
            Paragraph::new(b.caption)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .render(caption_at, buf);
        }
    }

    /// The parameters in one line, the selected one reversed, so the keys still make
    /// sense.
    fn parameter_strip(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let app = self.app;
        let mut spans = Vec::new();
        for (field, unit) in [
            (Field::Offices, " offices"),
            (Field::PerOffice, " a day each"),
            (Field::Attainment, " met"),
            (Field::Days, " days"),
        ] {
            let text = format!("{}{unit}", app.value_text(field));
            let style = if app.selected() == field {
                t.selected()
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            };
            spans.push(Span::styled(text, style));
            spans.push(Span::raw("   "));
        }
        super::overlays::clip_line(Line::from(spans), usize::from(area.width))
            .alignment(Alignment::Center)
            .render(area, buf);
    }

    /// Under the totals while the arithmetic is stepped through: the step asked, and
    /// the one before it answered.
    fn step_blocks(&self) -> Option<Vec<Block>> {
        let t = self.theme;
        let app = self.app;
        // The scenario's steps, then the capacity check's, as on the Explain tab.
        let d = app.derived();
        let steps: Vec<&crate::analysis::Step> =
            d.explanation.iter().chain(&d.capacity_steps).collect();
        let k = app.reveal()?;
        {
            // Step k is asked (its result hidden until the next press); the one before
            // it stands answered above it. Past the last step, the last one answered.
            let n = steps.len();
            let step_block = |i: usize, answered: bool| {
                steps.get(i).map(|s| {
                    let mut caption = vec![Line::styled(
                        format!("Step {} of {n}: {} =", i + 1, s.question),
                        if answered { t.label() } else { t.title() },
                    )];
                    if let Some(src) = &s.source {
                        caption.push(Line::styled(format!("source: {src}"), t.hint()));
                    }
                    Block {
                        big: if answered {
                            s.answer.clone()
                        } else {
                            "?".to_string()
                        },
                        caption,
                        caption_first: true,
                    }
                })
            };
            Some(if k < n {
                k.checked_sub(1)
                    .and_then(|p| step_block(p, true))
                    .into_iter()
                    .chain(step_block(k, false))
                    .collect()
            } else {
                n.checked_sub(1)
                    .and_then(|p| step_block(p, true))
                    .into_iter()
                    .collect()
            })
        }
    }

    /// Under the totals: against the latest official year, and the reported quota.
    fn comparison_blocks(&self, width: u16) -> Vec<Block> {
        let t = self.theme;
        let app = self.app;
        let o = app.outcome();
        let mut blocks = Vec::new();
        if let Some(c) = o.latest_official.and_then(|i| o.comparisons.get(i)) {
            let source = app
                .data()
                .source(&c.source_id)
                .map_or(String::new(), |s| format!(" ({})", s.short));
            blocks.push(Block {
                big: format!("{} FY{}", format_multiple(c.multiple), c.fiscal_year),
                caption: vec![
                    Line::styled(
                        format!("{}{source}", c.annual_gap_sentence(o.annual_total)),
                        t.label(),
                    ),
                    Line::styled(c.daily_gap_sentence(o.daily_total), t.label()),
                ]
                .into_iter()
                .chain(c.days_note(app.scenario().days).map(|note| {
                    // The whole note where it fits on a line; on a narrow screen the
                    // year's own day count, so the comparison keeps its large text.
                    if note.chars().count() <= usize::from(width) {
                        Line::styled(note, t.label())
                    } else {
                        Line::styled(
                            format!("(FY{} had {} days)", c.fiscal_year, c.days),
                            t.label(),
                        )
                    }
                }))
                .collect(),
                caption_first: false,
            });
        }
        if let Some(check) = o
            .quota_checks
            .iter()
            .find(|c| c.basis == Basis::PerDay)
            .or_else(|| o.quota_checks.first())
            && let Some(q) = app.data().quota(&check.quota_id)
        {
            let big = match check.status {
                Status::Inside => "within the quota".to_string(),
                Status::Above => format!("{} above quota", check.gap.display(0)),
                Status::Below => format!("{} below quota", check.gap.display(0)),
            };
            blocks.push(Block {
                big,
                caption: vec![Line::styled(
                    crate::text::escape_controls(&format!("{} ({})", check.sentence(q), q.outlet))
                        .into_owned(),
                    t.label(),
                )],
                caption_first: false,
            });
        }
        if let Some(p) = &o.latest_official_pace {
            blocks.push(Block {
                big: format!("{} latest pace", format_multiple(p.multiple)),
                caption: vec![
                    Line::styled(p.comparison_sentence(o.daily_total), t.label()),
                    Line::styled(
                        crate::text::escape_controls(&p.pace_sentence()).into_owned(),
                        t.hint(),
                    ),
                ],
                caption_first: false,
            });
        }
        blocks
    }
}
