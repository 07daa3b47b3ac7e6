//! The screen, rendered into a test backend: whole-screen snapshots, cell styles, and
//! every screen at every size without a panic.

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::{Action, App, Theme};
use ratatui::style::{Color, Modifier};

mod common;
use common::{draw, text_of as text};

fn app() -> App {
    App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    )
}

fn with(actions: &[Action]) -> App {
    let mut a = app();
    for action in actions {
        a.update(action.clone());
    }
    a
}

#[test]
fn main_screen_80x24() {
    insta::assert_snapshot!(draw(&app(), Theme::COLOR, 80, 24).backend());
}

#[test]
fn main_screen_120x40() {
    insta::assert_snapshot!(draw(&app(), Theme::COLOR, 120, 40).backend());
}

#[test]
fn offices_view_with_20_offices_and_a_changed_target() {
    let mut a = with(&[Action::NextTab, Action::Down, Action::Down, Action::Down]);
    a.update(Action::IncreaseLarge);
    a.update(Action::First);
    for _ in 0..5 {
        a.update(Action::Decrease);
    }
    insta::assert_snapshot!(draw(&a, Theme::COLOR, 80, 24).backend());
}

#[test]
fn offices_view_above_25() {
    let mut a = with(&[Action::NextTab]);
    for _ in 0..2 {
        a.update(Action::IncreaseLarge);
    }
    let screen = text(&draw(&a, Theme::COLOR, 80, 24));
    assert!(screen.contains("All 25 offices count, plus 10 hypothetical offices at 75 a day"));
    assert!(screen.contains("Daily total 2,625   Annual total 958,125"));
}

#[test]
fn help_overlay() {
    insta::assert_snapshot!(draw(&with(&[Action::ToggleHelp]), Theme::COLOR, 80, 24).backend());
}

#[test]
fn help_lists_every_key_in_the_table_from_every_context() {
    use arrest_scenarios::tui::keys::{BINDINGS, Context, bindings};
    use arrest_scenarios::tui::overlay::help_rows;
    for c in Context::ALL {
        let rows = help_rows(c, 300);
        for b in BINDINGS {
            assert!(
                rows.iter().any(|r| r.key == b.keys && r.text == b.help),
                "help from {c:?} misses {}: {}",
                b.keys,
                b.help
            );
        }
        // The context's own keys come first, under its title.
        assert_eq!(rows[0].text, format!("{}: the keys here", c.title()));
        let here = bindings(c).count();
        for (row, b) in rows[1..=here].iter().zip(bindings(c)) {
            assert_eq!((row.key.as_str(), row.text.as_str()), (b.keys, b.help));
        }
    }
    // On screen: the help stops at its end.
    let mut a = with(&[Action::ToggleHelp]);
    a.update(Action::Last);
    let end = text(&draw(&a, Theme::COLOR, 80, 24));
    assert!(end.contains("large steps are Shift-arrows"), "{end}");
    let scroll = a.overlay_scroll();
    a.update(Action::Down);
    assert_eq!(a.overlay_scroll(), scroll, "Down past the end does nothing");
    a.update(Action::First);
    assert_eq!(a.overlay_scroll(), 0);
}

#[test]
fn too_small_screen() {
    let t = draw(&app(), Theme::COLOR, 40, 10);
    insta::assert_snapshot!(t.backend());
    assert!(text(&t).starts_with("terminal too small: need 60x18, have"));
}

#[test]
fn monochrome_theme() {
    insta::assert_snapshot!(draw(&app(), Theme::MONO, 80, 24).backend());
}

#[test]
fn the_selected_field_is_reversed_and_bold_without_colour() {
    for theme in [Theme::MONO, Theme::COLOR] {
        let t = draw(&app(), theme, 80, 24);
        let buf = t.backend().buffer();
        // Row 2 is the first parameter, "> Offices", selected at start.
        let cell = &buf[(1, 2)];
        assert_eq!(cell.symbol(), ">");
        assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
        assert_eq!(cell.fg, Color::Reset, "selection never relies on colour");
        // The next field is not selected.
        assert!(!buf[(3, 3)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn monochrome_sets_no_colour_anywhere() {
    for actions in [&[][..], &[Action::NextTab][..], &[Action::ToggleHelp][..]] {
        let t = draw(&with(actions), Theme::MONO, 200, 60);
        for cell in t.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        }
    }
}

#[test]
fn raising_the_target_changes_the_totals_on_screen() {
    let a = with(&[Action::Down, Action::Increase]);
    let screen = text(&draw(&a, Theme::COLOR, 80, 24));
    assert!(screen.contains("Daily total    1,900 a day"));
    assert!(screen.contains("Annual total 693,500 a year"));
    assert!(screen.contains("> Per-office target 76 a day"));
}

#[test]
fn a_refused_entry_shows_its_message() {
    let a = with(&[
        Action::Down,
        Action::StartEdit,
        Action::EditChar('1'),
        Action::EditChar('.'),
        Action::EditChar('.'),
        Action::ConfirmEdit,
    ]);
    let screen = text(&draw(&a, Theme::COLOR, 80, 24));
    assert!(
        screen.contains("Refused: per-office target '1..' is not a number; expected a"),
        "{screen}"
    );
}

#[test]
fn every_screen_renders_at_every_size() {
    let states: Vec<App> = vec![
        app(),
        with(&[Action::NextTab]),
        with(&[Action::ToggleHelp]),
        with(&[Action::ToggleSources]),
        with(&[Action::StartEdit, Action::EditChar('9')]),
        with(&[Action::NextTab, Action::Last, Action::StartEdit]),
        {
            let mut a = with(&[Action::StartEdit]);
            for c in "4294967295".chars() {
                a.update(Action::EditChar(c));
            }
            a.update(Action::ConfirmEdit);
            a.update(Action::Down);
            a.update(Action::StartEdit);
            for c in "1000000000000".chars() {
                a.update(Action::EditChar(c));
            }
            a.update(Action::ConfirmEdit);
            a
        },
        {
            let mut a = app();
            for _ in 0..10 {
                a.update(Action::DecreaseLarge);
            }
            a.update(Action::NextTab);
            a
        },
        with(&[Action::ShowExplain]),
        with(&[Action::RevealNext, Action::RevealNext]),
        with(&[Action::ShowGoal]),
        with(&[Action::ShowGrid]),
        with(&[Action::GoTab(5)]),
        with(&[Action::TogglePresentation]),
        with(&[
            Action::GoTab(5),
            Action::DecreaseLarge,
            Action::DecreaseLarge,
            Action::DecreaseLarge,
        ]),
        {
            // Zero offices everywhere.
            let mut a = app();
            for _ in 0..10 {
                a.update(Action::DecreaseLarge);
            }
            for tab in 0..7 {
                a.update(Action::GoTab(tab));
            }
            a.update(Action::TogglePresentation);
            a
        },
    ];
    for a in &states {
        for theme in [Theme::COLOR, Theme::MONO] {
            for (w, h) in [
                (0, 0),
                (1, 1),
                (20, 5),
                (59, 17),
                (60, 18),
                (80, 24),
                (120, 40),
                (200, 60),
            ] {
                draw(a, theme, w, h);
            }
        }
    }
}

#[test]
fn huge_values_keep_the_layout() {
    let mut a = with(&[Action::StartEdit]);
    for c in "4294967295".chars() {
        a.update(Action::EditChar(c));
    }
    a.update(Action::ConfirmEdit);
    let screen = text(&draw(&a, Theme::COLOR, 80, 24));
    assert!(
        screen.contains("Daily total      322,122,547,125 a day"),
        "{screen}"
    );
    assert!(
        screen.contains("Annual total 117,574,729,700,625 a year"),
        "{screen}"
    );
}

#[test]
fn explain_tab_mid_reveal() {
    let a = with(&[Action::RevealNext, Action::RevealNext, Action::RevealNext]);
    let t = draw(&a, Theme::COLOR, 80, 24);
    insta::assert_snapshot!(t.backend());
    let screen = text(&t);
    assert!(screen.contains("3. FY2024: 113,431 arrests over 366 days = ?"));
    assert!(!screen.contains("4. "), "later steps stay hidden");
}

#[test]
fn goal_tab() {
    insta::assert_snapshot!(draw(&with(&[Action::ShowGoal]), Theme::COLOR, 80, 24).backend());
}

#[test]
fn grid_tab_marks_the_selected_and_quota_cells() {
    let t = draw(&with(&[Action::ShowGrid]), Theme::COLOR, 80, 24);
    insta::assert_snapshot!(t.backend());
    let buf = t.backend().buffer();
    // The selected cell (75 a day x 25 offices) is reversed.
    let screen = text(&t);
    let row = screen
        .lines()
        .position(|l| l.contains("      75 "))
        .unwrap();
    let line: String = screen.lines().nth(row).unwrap().to_string();
    let col = line.find("684,375").unwrap();
    let x = u16::try_from(line[..col].chars().count()).unwrap();
    let y = u16::try_from(row).unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn ramp_tab() {
    insta::assert_snapshot!(draw(&with(&[Action::GoTab(5)]), Theme::COLOR, 80, 24).backend());
}

#[test]
fn presentation_mode_at_80x24() {
    let t = draw(&with(&[Action::TogglePresentation]), Theme::MONO, 80, 24);
    insta::assert_snapshot!(t.backend());
    let screen = text(&t);
    assert!(screen.contains("arrests a day"));
    assert!(screen.contains("684,375 a year is 570,944 more than FY2024's 113,431"));
    assert!(screen.contains("1,875 a day is 1,565.1 more than FY2024's 309.9 a day"));
    assert!(screen.contains("1,875 a day is 375 above the reported 1,200-1,500"));
    assert!(!screen.contains("Sources:"), "everything else is hidden");
}

/// The rows the big digits of the daily total take: the rows between the parameter
/// strip and the "arrests a day" label.
fn digit_rows(width: u16, height: u16) -> usize {
    let screen = text(&draw(
        &with(&[Action::TogglePresentation]),
        Theme::MONO,
        width,
        height,
    ));
    let lines: Vec<&str> = screen.lines().collect();
    let strip = lines.iter().position(|l| l.contains("25 offices")).unwrap();
    let label = lines
        .iter()
        .position(|l| l.contains("arrests a day"))
        .unwrap();
    label - strip - 1
}

#[test]
fn presentation_digits_grow_with_the_screen() {
    let small = digit_rows(80, 24);
    let large = digit_rows(200, 60);
    assert_eq!((small, large), (4, 8));
    assert!(large * 2 >= small * 3, "at least 1.5x as tall at 200x60");
    assert!(digit_rows(120, 40) >= small);
}

#[test]
fn presentation_steps_through_the_arithmetic_and_blanks() {
    let mut a = with(&[Action::TogglePresentation, Action::RevealNext]);
    let screen = text(&draw(&a, Theme::MONO, 80, 24));
    assert!(
        screen.contains("Step 1 of 18: 75 arrests per office per day x 25 offices ="),
        "{screen}"
    );
    assert!(a.presenting(), "stepping stays in presentation mode");
    a.update(Action::RevealNext);
    let screen = text(&draw(&a, Theme::MONO, 80, 24));
    assert!(screen.contains("1,875 arrests per day"), "step 1 answered");
    assert!(screen.contains("Step 2 of 18: 1,875 a day x 365 days ="));
    a.update(Action::ToggleBlank);
    let blank = text(&draw(&a, Theme::MONO, 80, 24));
    assert!(blank.chars().all(|c| c == ' ' || c == '\n'), "{blank}");
    a.update(Action::ToggleBlank);
    assert!(text(&draw(&a, Theme::MONO, 80, 24)).contains("arrests a day"));
}

#[test]
fn presentation_never_cuts_a_huge_number_without_a_mark() {
    let mut a = with(&[Action::StartEdit]);
    for c in "4294967295".chars() {
        a.update(Action::EditChar(c));
    }
    a.update(Action::ConfirmEdit);
    a.update(Action::Down);
    a.update(Action::StartEdit);
    for c in "1000000000000".chars() {
        a.update(Action::EditChar(c));
    }
    a.update(Action::ConfirmEdit);
    a.update(Action::TogglePresentation);
    for (w, h) in [(60, 18), (80, 24), (200, 60)] {
        let screen = text(&draw(&a, Theme::MONO, w, h));
        // Too wide for big glyphs: written out whole as plain text (or cut with a mark).
        for total in [a.outcome().daily_total, a.outcome().annual_total] {
            let shown = total.display(0);
            assert!(
                screen.contains(&shown) || screen.contains(&format!("{}…", &shown[..10])),
                "{w}x{h}: {shown}\n{screen}"
            );
        }
        // The parameter strip is cut with a mark, not at the edge.
        let strip = screen.lines().find(|l| l.contains("offices")).unwrap();
        assert!(
            strip.trim_end().ends_with("days") || strip.contains('…'),
            "{strip}"
        );
    }
}

#[test]
fn observed_tab_without_a_file_shows_the_bundled_weeks() {
    let t = draw(&with(&[Action::GoTab(6)]), Theme::COLOR, 120, 40);
    insta::assert_snapshot!(t.backend());
    let screen = text(&t);
    assert!(screen.contains("No records file (--records FILE): the bundled"));
    assert!(screen.contains("2024-12-29"));
}

#[test]
fn observed_tab_while_loading_shows_a_gauge() {
    let t = draw(
        &with(&[Action::GoTab(6), Action::RecordsProgress(10, 40)]),
        Theme::COLOR,
        80,
        24,
    );
    assert!(text(&t).contains("reading records 25%"));
}

#[test]
fn saved_scenarios_compared_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        Some(dir.path().to_path_buf()),
        dir.path().to_path_buf(),
    );
    for (name, per_office) in [("Twenty offices", None), ("Axios 3,000", Some("120"))] {
        if let Some(t) = per_office {
            a.update(Action::Down);
            a.update(Action::StartEdit);
            for c in t.chars() {
                a.update(Action::EditChar(c));
            }
            a.update(Action::ConfirmEdit);
            a.update(Action::Up);
        } else {
            for _ in 0..5 {
                a.update(Action::Decrease);
            }
        }
        a.update(Action::Save);
        for c in name.chars() {
            a.update(Action::EditChar(c));
        }
        a.update(Action::ConfirmEdit);
    }
    a.update(Action::Reset);
    a.update(Action::OpenSaved);
    let listed = text(&draw(&a, Theme::COLOR, 100, 30));
    assert!(
        listed.contains("[ ] Axios 3,000: 20 offices x 120 a day, 100% met, 365 days"),
        "{listed}"
    );
    assert!(
        listed.contains("[ ] Twenty offices: 20 offices x 75 a day, 100% met, 365 days"),
        "{listed}"
    );
    a.update(Action::Mark);
    a.update(Action::Down);
    a.update(Action::Mark);
    a.update(Action::Compare);
    insta::assert_snapshot!(draw(&a, Theme::COLOR, 100, 20).backend());
}
