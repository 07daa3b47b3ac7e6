//! What the scrolled overlays hold (help, sources, the comparison), as rows already
//! wrapped to a width, and where a popup sits: one function for both the app (which
//! bounds scrolling by it) and the renderer (which draws it), so they cannot disagree.

use ratatui::layout::Rect;

use super::app::{App, Overlay};
use super::keys::{self, Binding, Context};
use crate::text::escape_controls;

/// What a row of an overlay is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section title.
    Title,
    /// A key (or a source id) and what it does.
    Entry,
    /// A continuation of the entry above, or a plain line.
    Text,
    /// A secondary note (a link, the steps).
    Note,
}

/// One line of an overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What it is.
    pub kind: RowKind,
    /// The key column (empty on titles and continuation lines).
    pub key: String,
    /// The text.
    pub text: String,
}

impl Row {
    fn new(kind: RowKind, key: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            kind,
            key: key.into(),
            text: text.into(),
        }
    }
}

/// Width of the help's key column.
pub const KEY_WIDTH: usize = 15;

/// Plain words for the jargon on screen, for the help's glossary.
pub const GLOSSARY: &[(&str, &str)] = &[
    (
        "attainment",
        "the share of each target actually met: 100% means every office meets its target every day",
    ),
    (
        "stretch",
        "an office's target met, divided by its observed pace: how many times today's pace it would need",
    ),
    (
        "rank",
        "the scenario's place among the official fiscal years by annual total; 1 is the largest",
    ),
    (
        "highest year",
        "the official fiscal year with the largest total (not the most recent)",
    ),
    ("latest year", "the most recent official fiscal year"),
    ("official", "published by ICE or DHS"),
    (
        "derived",
        "worked out from official releases (a count of a records file's rows, a weekly series)",
    ),
    (
        "reported",
        "stated by a news outlet, not an official figure",
    ),
    (
        "gap",
        "how many more (or fewer) arrests than a past year or a quota, beside the ratio",
    ),
];

/// Where the popup of `kind` sits on a screen of `screen`.
#[must_use]
pub fn popup(kind: Overlay, screen: Rect) -> Rect {
    let (w, h) = match kind {
        Overlay::Help => (100, screen.height.saturating_sub(2)),
        Overlay::Sources => (100, 60),
        Overlay::Saved => (90, 24),
        Overlay::Compare => (screen.width, screen.height),
    };
    screen.centered(
        ratatui::layout::Constraint::Length(w.min(screen.width)),
        ratatui::layout::Constraint::Length(h.min(screen.height)),
    )
}

/// The rows inside a popup's border.
#[must_use]
pub fn inner_height(kind: Overlay, screen: Rect) -> u16 {
    popup(kind, screen).height.saturating_sub(2)
}

/// The rows of a scrolled overlay at inner width `width` (the saved list is a table).
#[must_use]
pub fn rows(app: &App, kind: Overlay, width: u16) -> Vec<Row> {
    let width = usize::from(width.max(20));
    match kind {
        Overlay::Help => help_rows(app.help_from(), width),
        Overlay::Sources => source_rows(app, width),
        Overlay::Compare => app.comparison().map_or_else(Vec::new, |c| {
            c.render(crate::report::Format::Text)
                .unwrap_or_else(|e| e.to_string())
                .lines()
                .map(|l| Row::new(RowKind::Text, "", escape_controls(l)))
                .collect()
        }),
        Overlay::Saved => Vec::new(),
    }
}

/// How far an overlay can scroll on a screen of `screen`: its rows past one page.
#[must_use]
pub fn max_scroll(app: &App, kind: Overlay, screen: Rect) -> u16 {
    let inner = popup(kind, screen);
    let n = rows(app, kind, inner.width.saturating_sub(2)).len();
    u16::try_from(n)
        .unwrap_or(u16::MAX)
        .saturating_sub(inner_height(kind, screen))
}

fn entry(rows: &mut Vec<Row>, key: &str, text: &str, width: usize) {
    let room = width.saturating_sub(KEY_WIDTH + 3).max(10);
    for (i, part) in textwrap::wrap(text, room).into_iter().enumerate() {
        if i == 0 {
            rows.push(Row::new(RowKind::Entry, key, part));
        } else {
            rows.push(Row::new(RowKind::Text, "", part));
        }
    }
}

/// The help: the keys where it was opened first, then every other context's keys
/// (each binding once), the glossary and the steps.
#[must_use]
pub fn help_rows(from: Context, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut shown: Vec<*const Binding> = Vec::new();
    let order = std::iter::once(from).chain(Context::ALL.into_iter().filter(move |c| *c != from));
    for (i, c) in order.enumerate() {
        let new: Vec<&Binding> = keys::bindings(c)
            .filter(|b| !shown.contains(&std::ptr::from_ref(*b)))
            .collect();
        if new.is_empty() {
            continue;
        }
        let title = if i == 0 {
            format!("{}: the keys here", c.title())
        } else {
            c.title()
        };
        rows.push(Row::new(RowKind::Title, "", title));
        for b in new {
            shown.push(std::ptr::from_ref(b));
            entry(&mut rows, b.keys, b.help, width);
        }
    }
    rows.push(Row::new(RowKind::Title, "", "Words on the screen"));
    for (word, meaning) in GLOSSARY {
        entry(&mut rows, word, meaning, width);
    }
    for line in textwrap::wrap(
        "Steps: offices 1 (large 5), targets 1 (10), attainment 5% (25%), days 1 (30); \
         large steps are Shift-arrows. PgUp/PgDn never change a value.",
        width.saturating_sub(2).max(10),
    ) {
        rows.push(Row::new(RowKind::Note, "", line));
    }
    rows
}

fn source_rows(app: &App, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    if app.outcome().latest_official_pace.is_some() {
        // The latest official pace is in book-ins: its caveat goes first.
        entry(
            &mut rows,
            "Book-ins",
            &format!(
                "{}: {}",
                crate::data::BOOK_INS_NAME,
                crate::data::BOOK_INS_CAVEAT
            ),
            width,
        );
    }
    for s in &app.data().sources {
        let when = if s.date.is_empty() {
            "undated"
        } else {
            &s.date
        };
        let text = escape_controls(&format!("{}, {when}: {}", s.publisher, s.title)).into_owned();
        let key = format!("[{}]", escape_controls(&s.id));
        let room = width.saturating_sub(key.chars().count() + 1).max(10);
        for (i, part) in textwrap::wrap(&text, room).into_iter().enumerate() {
            if i == 0 {
                rows.push(Row::new(RowKind::Entry, key.clone(), part));
            } else {
                rows.push(Row::new(RowKind::Text, "", format!("    {part}")));
            }
        }
        if !s.url.is_empty() {
            rows.push(Row::new(
                RowKind::Note,
                "",
                format!("    {}", escape_controls(&s.url)),
            ));
        }
    }
    rows
}
