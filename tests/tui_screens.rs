//! Every tab (and presentation mode) at 80x24, 120x40 and 200x60, in colour and in
//! monochrome: whole-screen snapshots; and no colour anywhere in the monochrome theme,
//! on every screen and overlay.

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::{Action, App, Theme};
use ratatui::style::Color;

mod common;
use common::draw;

fn app_in(dir: &std::path::Path) -> App {
    App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        Some(dir.join("scenarios")),
        dir.join("exports"),
    )
}

fn after(dir: &std::path::Path, actions: &[Action]) -> App {
    let mut a = app_in(dir);
    for x in actions {
        a.update(x.clone());
    }
    a
}

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

#[test]
fn every_tab_at_three_sizes_in_both_themes() {
    let dir = tempfile::tempdir().unwrap();
    let screens: Vec<(&str, App)> = vec![
        ("scenario", after(dir.path(), &[])),
        ("offices", after(dir.path(), &[Action::GoTab(1)])),
        ("explain", after(dir.path(), &[Action::GoTab(2)])),
        ("goal", after(dir.path(), &[Action::GoTab(3)])),
        ("grid", after(dir.path(), &[Action::ShowGrid])),
        ("ramp", after(dir.path(), &[Action::GoTab(5)])),
        ("observed", after(dir.path(), &[Action::GoTab(6)])),
        ("capacity", after(dir.path(), &[Action::GoTab(7)])),
        (
            "presentation",
            after(dir.path(), &[Action::TogglePresentation]),
        ),
    ];
    for (name, app) in &screens {
        for (w, h) in SIZES {
            for (theme, tname) in [(Theme::COLOR, "color"), (Theme::MONO, "mono")] {
                let t = draw(app, theme, w, h);
                insta::assert_snapshot!(format!("{name}_{w}x{h}_{tname}"), t.backend());
            }
        }
    }
}

#[test]
fn monochrome_sets_no_colour_on_any_screen_or_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let mut states: Vec<App> = (0..8)
        .map(|t| after(dir.path(), &[Action::GoTab(t)]))
        .collect();
    let more: [&[Action]; 9] = [
        &[Action::TogglePresentation],
        &[Action::TogglePresentation, Action::RevealNext],
        &[Action::ToggleHelp],
        &[Action::ToggleSources],
        &[Action::OpenSaved],
        &[Action::StartEdit, Action::EditChar('4')],
        &[Action::Save, Action::EditChar('n')],
        &[Action::Undo],
        &[Action::RecordsProgress(5, 10), Action::GoTab(6)],
    ];
    for actions in more {
        states.push(after(dir.path(), actions));
    }
    // The comparison overlay.
    let mut a = app_in(dir.path());
    a.update(Action::Save);
    for c in "one".chars() {
        a.update(Action::EditChar(c));
    }
    a.update(Action::ConfirmEdit);
    a.update(Action::OpenSaved);
    a.update(Action::Compare);
    states.push(a);
    for a in &states {
        for (w, h) in SIZES {
            for cell in draw(a, Theme::MONO, w, h).backend().buffer().content() {
                assert_eq!(
                    (cell.fg, cell.bg, cell.underline_color),
                    (Color::Reset, Color::Reset, Color::Reset),
                    "{:?} at {w}x{h}",
                    a.context()
                );
            }
        }
    }
}
