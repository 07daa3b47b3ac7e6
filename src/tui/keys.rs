//! Keys to actions: one table ([`BINDINGS`]) that the handler, the footer and the help
//! overlay all read, so what the screen says a key does is what it does.
//!
//! A binding belongs to one or more [`Context`]s, worked out from the state (the tab,
//! the overlay, typing, presenting) by [`super::App::context`]: the Grid's arrows are
//! the Grid's, and the footer of each context lists that context's keys.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::Tab;

/// Everything the user (or a background load) can ask for. [`super::App::update`] is
/// the only place that acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the application.
    Quit,
    /// Esc: cancel typing, close an overlay, leave presentation mode or a tab's mode;
    /// otherwise nothing (it never quits).
    Back,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Open or close the sources overlay.
    ToggleSources,
    /// Close the open overlay.
    CloseOverlay,
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// Select the field or row above (scroll up in an overlay).
    Up,
    /// Select the field or row below (scroll down in an overlay).
    Down,
    /// Select the first field or row (the top of an overlay).
    First,
    /// Select the last field or row (the end of an overlay).
    Last,
    /// A page up: a list's selection or an overlay's text, never a value.
    PageUp,
    /// A page down: a list's selection or an overlay's text, never a value.
    PageDown,
    /// Raise the selected value by a step.
    Increase,
    /// Lower the selected value by a step.
    Decrease,
    /// Raise the selected value by a large step.
    IncreaseLarge,
    /// Lower the selected value by a large step.
    DecreaseLarge,
    /// Start typing a number into the selected field.
    StartEdit,
    /// A character typed while editing.
    EditChar(char),
    /// Text pasted (bracketed paste): typed into the field being edited, never keys.
    Paste(String),
    /// Delete the last typed character.
    EditBackspace,
    /// Accept the typed number.
    ConfirmEdit,
    /// Drop the typed number.
    CancelEdit,
    /// Set the selected office back to the uniform target.
    ClearOverride,
    /// Put the selected office in or out of the scenario.
    ToggleOffice,
    /// Load the next preset from quotas.csv.
    NextPreset,
    /// Load the previous preset.
    PrevPreset,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Back to the starting scenario.
    Reset,
    /// Go to a tab by its number (0-based).
    GoTab(u8),
    /// Show the arithmetic.
    ShowExplain,
    /// Reveal the next step of the arithmetic (predict, then reveal).
    RevealNext,
    /// Hide the last revealed step again.
    RevealPrev,
    /// Show goal seeking.
    ShowGoal,
    /// Show the sensitivity grid.
    ShowGrid,
    /// Presentation mode on or off.
    TogglePresentation,
    /// Blank the screen in presentation mode, or show it again.
    ToggleBlank,
    /// Apply the goal's per-office target.
    ApplyGoalTarget,
    /// Apply the goal's office count.
    ApplyGoalOffices,
    /// Save the scenario under a name.
    Save,
    /// List the saved scenarios.
    OpenSaved,
    /// Load the selected saved scenario.
    Choose,
    /// Mark or unmark the selected saved scenario for comparison.
    Mark,
    /// Compare the marked saved scenarios with the current one.
    Compare,
    /// Export the scenario as Markdown, CSV, JSON and HTML.
    Export,
    /// Show a records file's pace by month instead of by week, or back.
    TogglePacePeriod,
    /// The terminal's size (columns, rows): scrolling is bounded by what fits.
    Resize(u16, u16),
    /// A records file is being read: bytes (or rows) done, and the total if known.
    RecordsProgress(u64, u64),
    /// A records file has been read (or failed).
    RecordsLoaded(Loaded),
}

/// The result of reading a records file, shared cheaply (compared by identity).
#[derive(Debug, Clone)]
pub struct Loaded(pub std::sync::Arc<Result<crate::records::Aggregate, String>>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Loaded {}

/// Where the user is, as far as keys are concerned: worked out from the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Browsing and adjusting on a tab.
    Browse(Tab),
    /// Presentation mode.
    Presenting,
    /// Presentation mode with the screen blanked.
    Blank,
    /// Typing a number.
    TypingNumber,
    /// Typing a scenario's name.
    TypingName,
    /// The help overlay.
    Help,
    /// The sources overlay.
    Sources,
    /// The saved scenarios overlay.
    Saved,
    /// The side-by-side comparison overlay.
    Compare,
}

impl Context {
    /// Every context, for tests and the help overlay.
    pub const ALL: [Self; 15] = [
        Self::Browse(Tab::Scenario),
        Self::Browse(Tab::Offices),
        Self::Browse(Tab::Explain),
        Self::Browse(Tab::Goal),
        Self::Browse(Tab::Grid),
        Self::Browse(Tab::Ramp),
        Self::Browse(Tab::Observed),
        Self::Presenting,
        Self::Blank,
        Self::TypingNumber,
        Self::TypingName,
        Self::Help,
        Self::Sources,
        Self::Saved,
        Self::Compare,
    ];

    /// The context's name, as the help overlay titles it.
    #[must_use]
    pub fn title(self) -> String {
        match self {
            Self::Browse(t) => format!("On the {} tab", t.title()),
            Self::Presenting => "In presentation mode (P or F5)".to_string(),
            Self::Blank => "With the screen blanked (b or .)".to_string(),
            Self::TypingNumber => "Typing a number (after Enter)".to_string(),
            Self::TypingName => "Typing a name (after w)".to_string(),
            Self::Help => "In this help".to_string(),
            Self::Sources => "In the sources list (i)".to_string(),
            Self::Saved => "In the saved scenarios (L)".to_string(),
            Self::Compare => "In the comparison (c in the saved scenarios)".to_string(),
        }
    }

    /// Whether this is an overlay's context.
    #[must_use]
    pub fn is_overlay(self) -> bool {
        matches!(
            self,
            Self::Help | Self::Sources | Self::Saved | Self::Compare
        )
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// On every tab.
    Tabs,
    /// On every tab but the ones listed.
    TabsBut(&'static [Tab]),
    /// On every tab and in presentation mode.
    TabsAndPresenting,
    /// On every tab but the ones listed, and in presentation mode.
    TabsButAndPresenting(&'static [Tab]),
    /// In exactly these contexts.
    Only(&'static [Context]),
    /// Everywhere.
    Anywhere,
}

impl When {
    /// Whether a binding with this `When` applies in `c`.
    #[must_use]
    pub fn applies(self, c: Context) -> bool {
        match (self, c) {
            (Self::Anywhere, _)
            | (Self::Tabs | Self::TabsAndPresenting, Context::Browse(_))
            | (Self::TabsAndPresenting | Self::TabsButAndPresenting(_), Context::Presenting) => {
                true
            }
            (Self::TabsBut(but) | Self::TabsButAndPresenting(but), Context::Browse(t)) => {
                !but.contains(&t)
            }
            (Self::Only(list), c) => list.contains(&c),
            _ => false,
        }
    }
}

/// What a binding matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// One key with exactly these modifiers (Shift is ignored for characters).
    Key(KeyCode, KeyModifiers),
    /// A digit or a decimal point.
    NumberChar,
    /// A tab's number, 1 to 7.
    TabDigit,
    /// Any printable character.
    AnyChar,
}

/// How early a binding comes in the footer: a narrow footer shows the first ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// What this context is for (the Grid's move and load, typing's accept).
    Here,
    /// What a teacher needs in class: present, explain, save, export.
    Teacher,
    /// The rest.
    Other,
}

/// One row of the key table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub when: When,
    /// The keys.
    pub patterns: &'static [Pattern],
    /// The action (for [`Pattern::NumberChar`], `EditChar` with the typed character).
    pub action: Action,
    /// The keys as shown to the user.
    pub keys: &'static str,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A short label for the footer (`None`: help overlay only).
    pub footer: Option<&'static str>,
    /// Its place in the footer.
    pub rank: Rank,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn key(code: KeyCode, mods: KeyModifiers) -> Pattern {
    Pattern::Key(code, mods)
}

const fn ch(c: char) -> Pattern {
    Pattern::Key(KeyCode::Char(c), NONE)
}

const fn bind(
    when: When,
    patterns: &'static [Pattern],
    action: Action,
    keys: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        when,
        patterns,
        action,
        keys,
        help,
        footer: None,
        rank: Rank::Other,
    }
}

impl Binding {
    const fn footer(mut self, label: &'static str, rank: Rank) -> Self {
        self.footer = Some(label);
        self.rank = rank;
        self
    }
}

const GRID: &[Tab] = &[Tab::Grid];
const SCROLLED: &[Context] = &[Context::Help, Context::Sources, Context::Compare];
const OVERLAYS: &[Context] = &[
    Context::Help,
    Context::Sources,
    Context::Saved,
    Context::Compare,
];
const TYPING: &[Context] = &[Context::TypingNumber, Context::TypingName];
const CLICKER: &[Context] = &[Context::Browse(Tab::Explain), Context::Presenting];
const UP: &[Pattern] = &[key(KeyCode::Up, NONE), ch('k')];
const DOWN: &[Pattern] = &[key(KeyCode::Down, NONE), ch('j')];
const LEFT: &[Pattern] = &[key(KeyCode::Left, NONE), ch('-'), ch('h')];
const RIGHT: &[Pattern] = &[key(KeyCode::Right, NONE), ch('+'), ch('='), ch('l')];
const HOME: &[Pattern] = &[key(KeyCode::Home, NONE)];
const END: &[Pattern] = &[key(KeyCode::End, NONE)];
const PGUP: &[Pattern] = &[key(KeyCode::PageUp, NONE)];
const PGDN: &[Pattern] = &[key(KeyCode::PageDown, NONE)];
const ENTER: &[Pattern] = &[key(KeyCode::Enter, NONE)];
const ESC: &[Pattern] = &[key(KeyCode::Esc, NONE)];

/// The key table, in the order the help overlay lists it.
pub const BINDINGS: &[Binding] = &[
    // Moving and adjusting on the tabs (the Grid has its own).
    bind(
        When::TabsButAndPresenting(GRID),
        UP,
        Action::Up,
        "Up/k",
        "select the field or row above",
    ),
    bind(
        When::TabsButAndPresenting(GRID),
        DOWN,
        Action::Down,
        "Down/j",
        "select the field or row below",
    )
    .footer("move", Rank::Other),
    bind(
        When::TabsBut(GRID),
        HOME,
        Action::First,
        "Home",
        "select the first field or row",
    ),
    bind(
        When::TabsBut(GRID),
        END,
        Action::Last,
        "End",
        "select the last field or row",
    ),
    bind(
        When::TabsButAndPresenting(GRID),
        RIGHT,
        Action::Increase,
        "Right/+",
        "raise the selected value by a step",
    ),
    bind(
        When::TabsButAndPresenting(GRID),
        LEFT,
        Action::Decrease,
        "Left/-",
        "lower the selected value by a step",
    )
    .footer("adjust", Rank::Other),
    bind(
        When::TabsButAndPresenting(GRID),
        &[key(KeyCode::Right, SHIFT), key(KeyCode::Up, SHIFT)],
        Action::IncreaseLarge,
        "Shift-Right",
        "raise the selected value by a large step",
    ),
    bind(
        When::TabsButAndPresenting(GRID),
        &[key(KeyCode::Left, SHIFT), key(KeyCode::Down, SHIFT)],
        Action::DecreaseLarge,
        "Shift-Left",
        "lower the selected value by a large step",
    ),
    bind(
        When::TabsButAndPresenting(GRID),
        ENTER,
        Action::StartEdit,
        "Enter",
        "type a number into the selected field",
    )
    .footer("type", Rank::Other),
    bind(
        When::Only(&[
            Context::Browse(Tab::Scenario),
            Context::Browse(Tab::Observed),
        ]),
        PGUP,
        Action::PageUp,
        "PgUp",
        "scroll this tab's long lists up (values never change)",
    ),
    bind(
        When::Only(&[
            Context::Browse(Tab::Scenario),
            Context::Browse(Tab::Observed),
        ]),
        PGDN,
        Action::PageDown,
        "PgDn",
        "scroll this tab's long lists down (values never change)",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Offices)]),
        PGUP,
        Action::PageUp,
        "PgUp",
        "select the office a page up (values never change)",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Offices)]),
        PGDN,
        Action::PageDown,
        "PgDn",
        "select the office a page down (values never change)",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Offices)]),
        &[ch(' ')],
        Action::ToggleOffice,
        "Space",
        "put the selected office in or out of the scenario (the office count follows)",
    )
    .footer("in/out", Rank::Here),
    bind(
        When::Only(&[Context::Browse(Tab::Offices)]),
        &[ch('x'), key(KeyCode::Delete, NONE)],
        Action::ClearOverride,
        "x/Del",
        "set the selected office back to the uniform target",
    )
    .footer("uniform", Rank::Here),
    // The Grid.
    bind(
        When::Only(&[Context::Browse(Tab::Grid)]),
        &[key(KeyCode::Up, NONE), ch('k')],
        Action::Up,
        "Up/k",
        "move a row (per-office target)",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Grid)]),
        &[key(KeyCode::Down, NONE), ch('j')],
        Action::Down,
        "arrows",
        "move in the grid: Up/Down a row (per-office target), Left/Right a column (offices)",
    )
    .footer("move", Rank::Here),
    bind(
        When::Only(&[Context::Browse(Tab::Grid)]),
        &[key(KeyCode::Left, NONE), ch('h')],
        Action::Decrease,
        "Left/h",
        "move a column (office count)",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Grid)]),
        &[key(KeyCode::Right, NONE), ch('l')],
        Action::Increase,
        "Right/l",
        "move a column (office count)",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Grid)]),
        HOME,
        Action::First,
        "Home",
        "the grid's first row",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Grid)]),
        END,
        Action::Last,
        "End",
        "the grid's last row",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Grid)]),
        ENTER,
        Action::StartEdit,
        "Enter",
        "load the selected cell as the scenario",
    )
    .footer("load cell", Rank::Here),
    // The Goal.
    bind(
        When::Only(&[Context::Browse(Tab::Goal)]),
        &[ch('a')],
        Action::ApplyGoalTarget,
        "a",
        "apply the per-office target the goal needs",
    )
    .footer("apply target", Rank::Here),
    bind(
        When::Only(&[Context::Browse(Tab::Goal)]),
        &[ch('c')],
        Action::ApplyGoalOffices,
        "c",
        "apply the office count the goal needs",
    )
    .footer("apply offices", Rank::Here),
    // Stepping through the arithmetic: a presenter's clicker sends PgDn/PgUp.
    bind(
        When::Only(CLICKER),
        &[key(KeyCode::PageDown, NONE), ch(' '), ch('n')],
        Action::RevealNext,
        "PgDn/Space/n",
        "reveal the next step of the arithmetic (predict, then reveal)",
    )
    .footer("next step", Rank::Here),
    bind(
        When::Only(CLICKER),
        &[key(KeyCode::PageUp, NONE)],
        Action::RevealPrev,
        "PgUp",
        "hide the last revealed step again",
    )
    .footer("back", Rank::Here),
    bind(
        When::Only(&[Context::Browse(Tab::Explain)]),
        ESC,
        Action::Back,
        "Esc",
        "stop stepping: show every step",
    ),
    bind(
        When::Only(&[
            Context::Browse(Tab::Observed),
            Context::Browse(Tab::Scenario),
        ]),
        &[ch('m')],
        Action::TogglePacePeriod,
        "m",
        "observed pace by week or by month (with --records FILE)",
    ),
    // Presentation mode.
    bind(
        When::Tabs,
        &[ch('P'), key(KeyCode::F(5), NONE)],
        Action::TogglePresentation,
        "P/F5",
        "presentation mode: big numbers for a projector",
    )
    .footer("present", Rank::Teacher),
    bind(
        When::Only(&[Context::Presenting]),
        &[ch('P'), key(KeyCode::F(5), NONE), key(KeyCode::Esc, NONE)],
        Action::TogglePresentation,
        "P/F5/Esc",
        "leave presentation mode",
    )
    .footer("leave", Rank::Here),
    bind(
        When::Only(&[Context::Presenting, Context::Blank]),
        &[ch('b'), ch('.')],
        Action::ToggleBlank,
        "b/.",
        "blank the screen, or show it again",
    )
    .footer("blank", Rank::Here),
    bind(
        When::Only(&[Context::Blank]),
        ESC,
        Action::ToggleBlank,
        "Esc",
        "show the screen again",
    ),
    // Typing.
    bind(
        When::Only(&[Context::TypingNumber]),
        &[Pattern::NumberChar],
        Action::EditChar('0'),
        "0-9 .",
        "type digits and a decimal point (a paste types too)",
    )
    .footer("digits", Rank::Here),
    bind(
        When::Only(&[Context::TypingName]),
        &[Pattern::AnyChar],
        Action::EditChar('a'),
        "letters",
        "type the scenario's name (a paste types too)",
    )
    .footer("name", Rank::Here),
    bind(
        When::Only(TYPING),
        &[key(KeyCode::Backspace, NONE)],
        Action::EditBackspace,
        "Backspace",
        "delete the last character",
    )
    .footer("delete", Rank::Here),
    bind(
        When::Only(TYPING),
        ENTER,
        Action::ConfirmEdit,
        "Enter",
        "accept what was typed (an invalid number is refused)",
    )
    .footer("accept", Rank::Here),
    bind(
        When::Only(TYPING),
        ESC,
        Action::CancelEdit,
        "Esc",
        "cancel typing, keep the old value",
    )
    .footer("cancel", Rank::Here),
    // Tabs and the rest of the main screen.
    bind(
        When::TabsBut(&[Tab::Explain]),
        &[ch('e')],
        Action::ShowExplain,
        "e",
        "explain the arithmetic, step by step",
    )
    .footer("explain", Rank::Teacher),
    bind(
        When::TabsBut(&[Tab::Explain]),
        &[ch('n')],
        Action::RevealNext,
        "n",
        "go to the arithmetic and reveal its next step",
    ),
    bind(
        When::Tabs,
        &[ch('w')],
        Action::Save,
        "w",
        "save the scenario under a name",
    )
    .footer("save", Rank::Teacher),
    bind(
        When::Tabs,
        &[ch('X')],
        Action::Export,
        "X",
        "export the scenario as Markdown, CSV, JSON and HTML (the path is shown)",
    )
    .footer("export", Rank::Teacher),
    bind(
        When::Tabs,
        &[key(KeyCode::Tab, NONE)],
        Action::NextTab,
        "Tab",
        "next tab (Scenario, Offices, Explain, Goal, Grid, Ramp, Observed)",
    )
    .footer("tab", Rank::Other),
    bind(
        When::Tabs,
        &[key(KeyCode::BackTab, SHIFT), key(KeyCode::BackTab, NONE)],
        Action::PrevTab,
        "Shift-Tab",
        "previous tab",
    ),
    bind(
        When::Tabs,
        &[Pattern::TabDigit],
        Action::GoTab(0),
        "1-7",
        "go to a tab by its number",
    ),
    bind(
        When::Tabs,
        &[ch('g')],
        Action::ShowGoal,
        "g",
        "goal seek: what reaches a daily, annual or fiscal-year total",
    ),
    bind(
        When::Tabs,
        &[ch('s')],
        Action::ShowGrid,
        "s",
        "sensitivity grid (arrows move, Enter loads the cell)",
    ),
    bind(
        When::TabsAndPresenting,
        &[ch('p')],
        Action::NextPreset,
        "p",
        "next preset from quotas.csv",
    )
    .footer("preset", Rank::Other),
    bind(
        When::TabsAndPresenting,
        &[ch('o')],
        Action::PrevPreset,
        "o",
        "previous preset",
    ),
    bind(
        When::TabsAndPresenting,
        &[ch('u')],
        Action::Undo,
        "u",
        "undo",
    )
    .footer("undo", Rank::Other),
    bind(
        When::TabsAndPresenting,
        &[key(KeyCode::Char('r'), CTRL)],
        Action::Redo,
        "Ctrl-R",
        "redo",
    ),
    bind(
        When::Tabs,
        &[ch('r')],
        Action::Reset,
        "r",
        "reset to the starting scenario",
    ),
    bind(
        When::Tabs,
        &[ch('L')],
        Action::OpenSaved,
        "L",
        "saved scenarios: load one, or compare several",
    ),
    bind(
        When::TabsBut(&[Tab::Explain]),
        ESC,
        Action::Back,
        "Esc",
        "does nothing here: Esc never quits (q does)",
    ),
    // Overlays.
    bind(When::Only(SCROLLED), UP, Action::Up, "Up/k", "scroll up"),
    bind(
        When::Only(SCROLLED),
        DOWN,
        Action::Down,
        "Down/j",
        "scroll down",
    )
    .footer("scroll", Rank::Here),
    bind(
        When::Only(SCROLLED),
        PGUP,
        Action::PageUp,
        "PgUp",
        "a page up",
    ),
    bind(
        When::Only(SCROLLED),
        PGDN,
        Action::PageDown,
        "PgDn",
        "a page down",
    ),
    bind(
        When::Only(OVERLAYS),
        HOME,
        Action::First,
        "Home",
        "the top (the first scenario)",
    ),
    bind(
        When::Only(OVERLAYS),
        END,
        Action::Last,
        "End",
        "the end (the last scenario)",
    ),
    bind(
        When::Only(&[Context::Saved]),
        UP,
        Action::Up,
        "Up/k",
        "select the scenario above",
    ),
    bind(
        When::Only(&[Context::Saved]),
        DOWN,
        Action::Down,
        "Down/j",
        "select the scenario below",
    )
    .footer("move", Rank::Here),
    bind(
        When::Only(&[Context::Saved]),
        ENTER,
        Action::Choose,
        "Enter",
        "load the selected scenario",
    )
    .footer("load", Rank::Here),
    bind(
        When::Only(&[Context::Saved]),
        &[ch(' ')],
        Action::Mark,
        "Space",
        "mark or unmark for comparison",
    )
    .footer("mark", Rank::Here),
    bind(
        When::Only(&[Context::Saved]),
        &[ch('c')],
        Action::Compare,
        "c",
        "compare the marked (or the selected) with the current scenario",
    )
    .footer("compare", Rank::Here),
    bind(
        When::Only(OVERLAYS),
        &[key(KeyCode::Esc, NONE), ch('q')],
        Action::CloseOverlay,
        "Esc/q",
        "close",
    )
    .footer("close", Rank::Here),
    // Everywhere but typing.
    bind(
        When::Only(&[
            Context::Browse(Tab::Scenario),
            Context::Browse(Tab::Offices),
            Context::Browse(Tab::Explain),
            Context::Browse(Tab::Goal),
            Context::Browse(Tab::Grid),
            Context::Browse(Tab::Ramp),
            Context::Browse(Tab::Observed),
            Context::Help,
            Context::Sources,
            Context::Saved,
            Context::Compare,
        ]),
        &[ch('i')],
        Action::ToggleSources,
        "i",
        "show or hide every source, with links",
    ),
    bind(
        When::Only(&[
            Context::Browse(Tab::Scenario),
            Context::Browse(Tab::Offices),
            Context::Browse(Tab::Explain),
            Context::Browse(Tab::Goal),
            Context::Browse(Tab::Grid),
            Context::Browse(Tab::Ramp),
            Context::Browse(Tab::Observed),
            Context::Presenting,
            Context::Help,
            Context::Sources,
            Context::Saved,
            Context::Compare,
        ]),
        &[ch('?'), key(KeyCode::F(1), NONE)],
        Action::ToggleHelp,
        "?/F1",
        "show or hide the help for where you are",
    )
    .footer("help", Rank::Other),
    bind(
        When::Only(&[
            Context::Browse(Tab::Scenario),
            Context::Browse(Tab::Offices),
            Context::Browse(Tab::Explain),
            Context::Browse(Tab::Goal),
            Context::Browse(Tab::Grid),
            Context::Browse(Tab::Ramp),
            Context::Browse(Tab::Observed),
            Context::Presenting,
            Context::Blank,
        ]),
        &[ch('q')],
        Action::Quit,
        "q",
        "quit (Esc never quits)",
    )
    .footer("quit", Rank::Other),
    bind(
        When::Anywhere,
        &[key(KeyCode::Char('c'), CTRL)],
        Action::Quit,
        "Ctrl-C",
        "quit, from anywhere",
    ),
];

/// The action for a key event in context `c`, if any. Release events (sent by Windows
/// consoles) never act, so no key applies twice.
#[must_use]
pub fn action_for(event: KeyEvent, c: Context) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Terminals differ on whether a shifted character carries SHIFT: ignore it there.
    let held = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    BINDINGS.iter().filter(|b| b.when.applies(c)).find_map(|b| {
        b.patterns.iter().find_map(|p| match *p {
            Pattern::Key(code, want) if code == event.code && want == held => {
                Some(b.action.clone())
            }
            Pattern::NumberChar => match event.code {
                KeyCode::Char(ch) if (ch.is_ascii_digit() || ch == '.') && held.is_empty() => {
                    Some(Action::EditChar(ch))
                }
                _ => None,
            },
            Pattern::TabDigit => match event.code {
                KeyCode::Char(ch @ '1'..='7') if held.is_empty() => {
                    u8::try_from(ch.to_digit(10)? - 1).ok().map(Action::GoTab)
                }
                _ => None,
            },
            Pattern::AnyChar => match event.code {
                KeyCode::Char(ch) if !ch.is_control() && held.is_empty() => {
                    Some(Action::EditChar(ch))
                }
                _ => None,
            },
            Pattern::Key(..) => None,
        })
    })
}

/// The bindings that apply in `c`, in table order.
pub fn bindings(c: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.when.applies(c))
}

/// The footer's entries for `c`: (keys, label, action), what the context is for first,
/// then a teacher's keys, then the rest; help and quit last, so a footer that cannot
/// show everything keeps them (see [`super::ui`]).
#[must_use]
pub fn footer(c: Context) -> Vec<(&'static str, &'static str, Action)> {
    let mut entries: Vec<&Binding> = bindings(c).filter(|b| b.footer.is_some()).collect();
    entries.sort_by_key(|b| b.rank);
    entries
        .into_iter()
        .filter_map(|b| b.footer.map(|f| (b.keys, f, b.action.clone())))
        .collect()
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
