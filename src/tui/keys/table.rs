//! The key table itself: every binding, its contexts, keys, help and footer label.

use crossterm::event::KeyCode;

use super::{Action, Binding, CTRL, Context, NONE, Pattern, Rank, SHIFT, When, bind, ch, key};
use crate::tui::app::Tab;

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
    // The Capacity tab.
    bind(
        When::Only(&[Context::Browse(Tab::Capacity)]),
        &[ch('a')],
        Action::CapacityAlternative,
        "a",
        "the selected assumption's alternative (FY2024's detained share, 2026's officers), or its default",
    )
    .footer("alternative", Rank::Here),
    bind(
        When::Only(&[Context::Browse(Tab::Capacity)]),
        &[ch('t')],
        Action::ApplyCapacityTarget,
        "t",
        "apply the per-office target the funded beds sustain",
    )
    .footer("target", Rank::Here),
    bind(
        When::Only(&[Context::Browse(Tab::Capacity)]),
        &[ch('B')],
        Action::ApplyCapacityBeds,
        "B",
        "set the funded beds to what the scenario needs",
    )
    .footer("beds", Rank::Here),
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
        "pace: by week, by month (with --records FILE), or ICE's official monthly book-ins a day",
    ),
    bind(
        When::Only(&[Context::Browse(Tab::Observed)]),
        &[ch('a')],
        Action::CycleAverage,
        "a",
        "take a records file's arrests a day over the whole file, its last 12 weeks or its last full month",
    )
    .footer("average", Rank::Here),
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
        "next tab (Scenario, Offices, Explain, Goal, Grid, Ramp, Observed, Capacity)",
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
        "1-8",
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
            Context::Browse(Tab::Capacity),
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
            Context::Browse(Tab::Capacity),
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
            Context::Browse(Tab::Capacity),
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
