//! Everything the user (or a background load) can ask for.

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
    /// Observed tab: take the daily averages over the next choice of days (the whole
    /// file, its last 12 weeks, its last full month).
    CycleAverage,
    /// The terminal's size (columns, rows): scrolling is bounded by what fits.
    Resize(u16, u16),
    /// A records file is being read: bytes (or rows) done, and the total if known.
    RecordsProgress(u64, u64),
    /// A records file has been read (or failed).
    RecordsLoaded(Loaded),
    /// Capacity tab: swap the selected assumption for the alternative offered beside
    /// it (or back to its default).
    CapacityAlternative,
    /// Capacity tab: set the per-office target to what the funded beds sustain.
    ApplyCapacityTarget,
    /// Capacity tab: set the funded beds to what the scenario needs.
    ApplyCapacityBeds,
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
