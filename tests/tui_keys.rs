//! Every context's footer tells the truth: each entry's action changes the state there
//! (or is listed here as a deliberate no-op), and the states below reach every context.
//! Also: Esc never quits, pastes are text, messages survive progress ticks.

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::keys::Context;
use arrest_scenarios::tui::{Action, App};

fn app_in(dir: &std::path::Path) -> App {
    let mut a = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        Some(dir.join("scenarios")),
        dir.join("exports"),
    );
    a.update(Action::Resize(60, 18));
    a
}

fn run(a: &mut App, actions: &[Action]) {
    for x in actions {
        a.update(x.clone());
    }
}

fn save(a: &mut App, name: &str) {
    a.update(Action::Save);
    for c in name.chars() {
        a.update(Action::EditChar(c));
    }
    a.update(Action::ConfirmEdit);
}

/// One app in each context.
fn states(dir: &std::path::Path) -> Vec<App> {
    let fresh = || app_in(dir);
    let mut out = Vec::new();
    for tab in 0..8 {
        let mut a = fresh();
        a.update(Action::GoTab(tab));
        out.push(a);
    }
    let mut a = fresh();
    a.update(Action::TogglePresentation);
    out.push(a.clone());
    a.update(Action::ToggleBlank);
    out.push(a);
    let mut a = fresh();
    run(&mut a, &[Action::StartEdit, Action::EditChar('5')]);
    out.push(a);
    let mut a = fresh();
    run(&mut a, &[Action::Save, Action::EditChar('a')]);
    out.push(a);
    let mut a = fresh();
    a.update(Action::ToggleHelp);
    out.push(a);
    let mut a = fresh();
    a.update(Action::ToggleSources);
    out.push(a);
    let mut a = fresh();
    save(&mut a, "one");
    a.update(Action::Increase);
    save(&mut a, "two");
    a.update(Action::OpenSaved);
    out.push(a.clone());
    a.update(Action::Compare);
    out.push(a);
    out
}

#[test]
fn the_states_reach_every_context() {
    let dir = tempfile::tempdir().unwrap();
    let reached: Vec<Context> = states(dir.path()).iter().map(App::context).collect();
    for c in Context::ALL {
        assert!(reached.contains(&c), "no state reaches {c:?}");
    }
}

#[test]
fn every_footer_entry_does_what_it_says_where_it_is_shown() {
    // (The footer drops only scrolling, and only where the text fits.)
    let dir = tempfile::tempdir().unwrap();
    for a in states(dir.path()) {
        let c = a.context();
        let before = format!("{a:?}");
        for (keys, label, action) in a.footer() {
            let mut b = a.clone();
            b.update(action.clone());
            assert!(
                format!("{b:?}") != before,
                "in {c:?}, the footer's '{keys} {label}' ({action:?}) changes nothing"
            );
        }
    }
}

#[test]
fn esc_never_quits_and_leaves_one_mode_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path());
    a.update(Action::Back);
    assert!(!a.should_quit());
    assert_eq!(
        a.message().unwrap().text,
        "Esc: nothing to leave here (q quits)"
    );
    run(
        &mut a,
        &[Action::TogglePresentation, Action::RevealNext, Action::Back],
    );
    assert!(!a.presenting() && !a.should_quit());
    run(&mut a, &[Action::ShowExplain, Action::RevealNext]);
    assert_eq!(a.reveal(), Some(1));
    a.update(Action::Back);
    assert_eq!(a.reveal(), None, "Esc stops the step-through");
    a.update(Action::Back);
    assert!(!a.should_quit());
}

#[test]
fn the_clicker_steps_back_and_forth_without_changing_a_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path());
    a.update(Action::ShowExplain);
    let scenario = a.scenario().clone();
    run(&mut a, &[Action::RevealNext, Action::RevealNext]);
    assert_eq!(a.reveal(), Some(1));
    a.update(Action::RevealPrev);
    assert_eq!(a.reveal(), Some(0));
    a.update(Action::RevealPrev);
    assert_eq!(a.reveal(), Some(0), "stays at the first step");
    assert_eq!(a.scenario(), &scenario);
    // Back from everything shown: the last step, answered.
    let mut b = app_in(dir.path());
    b.update(Action::ShowExplain);
    b.update(Action::RevealPrev);
    assert_eq!(b.reveal(), Some(b.explain_len()));
}

#[test]
fn a_paste_is_text_for_the_field_being_typed_never_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path());
    // Outside typing, a paste does nothing but say so (it is not "q", "P", ...).
    a.update(Action::Paste("qP30".into()));
    assert!(!a.should_quit() && !a.presenting());
    assert_eq!(
        a.message().unwrap().text,
        "a paste is only taken while typing: press Enter on a field first"
    );
    // Into a number: grouping commas and spaces go, digits stay.
    a.update(Action::StartEdit);
    a.update(Action::Paste("1,200 ".into()));
    assert_eq!(a.edit().unwrap().buffer, "1200");
    assert!(a.message().is_none());
    a.update(Action::ConfirmEdit);
    assert_eq!(a.scenario().offices, 1200);
    // Letters in a number are dropped and reported.
    a.update(Action::StartEdit);
    a.update(Action::Paste("3x0".into()));
    assert_eq!(a.edit().unwrap().buffer, "30");
    assert_eq!(
        a.message().unwrap().text,
        "pasted 2 of 3 characters: only digits and a point go into a number"
    );
    a.update(Action::CancelEdit);
    // Into a name: any printable text, control characters dropped.
    a.update(Action::Save);
    a.update(Action::Paste("Jan\u{1b}[2J 25x75".into()));
    assert_eq!(a.edit().unwrap().buffer, "Jan[2J 25x75");
}

#[test]
fn a_status_message_survives_progress_ticks_and_resizes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path());
    a.update(Action::Undo);
    assert_eq!(a.message().unwrap().text, "Nothing to undo");
    a.update(Action::RecordsProgress(10, 100));
    a.update(Action::Resize(100, 30));
    assert_eq!(a.message().unwrap().text, "Nothing to undo");
}

#[test]
fn exporting_twice_in_a_second_writes_two_sets() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path());
    a.update(Action::Export);
    let first = a.message().unwrap().text.clone();
    a.update(Action::Export);
    let second = a.message().unwrap().text.clone();
    assert!(first.starts_with("Exported "), "{first}");
    assert!(second.starts_with("Exported "), "{second}");
    assert_ne!(first, second);
    let files = std::fs::read_dir(dir.path().join("exports"))
        .unwrap()
        .count();
    assert!(files >= 6, "{files} files");
}

#[test]
fn space_puts_an_office_in_or_out_and_a_left_out_office_asks_to_be_included() {
    use arrest_scenarios::number::Amount;
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_in(dir.path());
    run(&mut a, &[Action::GoTab(1), Action::Down, Action::Down]);
    assert_eq!(
        a.context(),
        Context::Browse(arrest_scenarios::tui::app::Tab::Offices)
    );
    a.update(Action::ToggleOffice);
    assert!(a.scenario().excluded.contains("ATL"));
    assert_eq!(a.scenario().offices, 24);
    assert_eq!(a.outcome().daily_total, Amount::whole(1800));
    assert_eq!(
        a.message().unwrap().text,
        "ATL is left out of the scenario (24 offices)"
    );
    // Its target cannot change while it is out: the screen asks to include it.
    let before = a.scenario().clone();
    a.update(Action::Increase);
    assert_eq!(a.scenario(), &before);
    assert_eq!(
        a.message().unwrap().text,
        "ATL does not take part, so it has no target of its own: include it with Space first"
    );
    run(
        &mut a,
        &[
            Action::StartEdit,
            Action::EditChar('9'),
            Action::ConfirmEdit,
        ],
    );
    assert_eq!(a.scenario(), &before, "typing is refused the same way");
    a.update(Action::ToggleOffice);
    assert!(a.scenario().excluded.is_empty() || !a.scenario().excluded.contains("ATL"));
    assert_eq!(a.scenario().offices, 25);
    assert_eq!(a.outcome().daily_total, Amount::whole(1875));
    a.update(Action::Increase);
    assert_eq!(a.outcome().daily_total, Amount::whole(1876));
}
