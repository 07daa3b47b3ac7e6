//! Careless and hostile input on the screen: huge names, control characters, long
//! lists; never a panic, never text cut without a mark, never an escape sequence.

use std::fmt::Write as _;

use arrest_scenarios::data::Dataset;
use arrest_scenarios::model::Scenario;
use arrest_scenarios::tui::keys::Loaded;
use arrest_scenarios::tui::{Action, App};

mod common;
use common::screen_text as text;

fn app_with_saved(dir: &std::path::Path) -> App {
    App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        Some(dir.to_path_buf()),
        dir.to_path_buf(),
    )
}

#[test]
fn a_name_of_70000_characters_with_controls_never_panics_the_compare_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("evil\u{1b}]0;pwned\u{7}{}", "é".repeat(70_000));
    let toml = arrest_scenarios::saved::to_toml(&name, &Scenario::default()).unwrap();
    std::fs::write(dir.path().join("long.toml"), toml).unwrap();
    let mut a = app_with_saved(dir.path());
    a.update(Action::OpenSaved);
    assert_eq!(a.saved().len(), 1);
    let listed = text(&a, 100, 30);
    assert!(listed.contains("evil\\x1b]0;pwned\\x07"), "{listed}");
    assert!(listed.contains('…'), "the long name is cut with a mark");
    a.update(Action::Mark);
    a.update(Action::Compare);
    for (w, h) in [(60, 18), (80, 24), (200, 60)] {
        let screen = text(&a, w, h);
        assert!(!screen.contains('\u{1b}'));
        assert!(screen.contains("current"), "{screen}");
    }
    a.update(Action::Last);
    a.update(Action::Down);
    text(&a, 80, 24);
}

#[test]
fn office_names_from_a_records_file_are_shown_escaped() {
    let offices = Dataset::bundled().unwrap().offices;
    let mut csv = String::from("apprehension_date,apprehension_aor\n");
    for _ in 0..3 {
        let _ = writeln!(csv, "2025-03-01,\"Bad\u{1b}[2JOffice\"");
    }
    let agg = arrest_scenarios::records::read_csv(
        "fixture.csv",
        csv.as_bytes(),
        &offices,
        &arrest_scenarios::records::Options::default(),
        &mut |_| {},
    )
    .map_err(|e| e.to_string());
    let mut a = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    a.update(Action::RecordsLoaded(Loaded(std::sync::Arc::new(agg))));
    a.update(Action::GoTab(6));
    let screen = text(&a, 120, 40);
    assert!(screen.contains("Bad\\x1b[2"), "{screen}");
}

#[test]
fn the_saved_list_scrolls_to_its_selection() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let toml =
            arrest_scenarios::saved::to_toml(&format!("Scenario {i:02}"), &Scenario::default())
                .unwrap();
        std::fs::write(dir.path().join(format!("s{i:02}.toml")), toml).unwrap();
    }
    let mut a = app_with_saved(dir.path());
    a.update(Action::OpenSaved);
    for _ in 0..33 {
        a.update(Action::Down);
    }
    let screen = text(&a, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("Scenario 33"))
        .unwrap_or_else(|| panic!("the selection is not in view:\n{screen}"));
    assert!(row.contains('>'), "{row}");
    assert!(screen.contains("34 of 40"), "{screen}");
    a.update(Action::Last);
    assert!(text(&a, 80, 24).contains("Scenario 39"));
}

#[test]
fn a_panel_that_does_not_fit_says_how_much_more_there_is_and_scrolls() {
    let mut a = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    let screen = text(&a, 80, 24);
    let more = screen.lines().find(|l| l.contains("more (PgDn)")).unwrap();
    assert!(more.contains("↓ +"), "{more}");
    assert!(!screen.contains("2025 observed:"));
    a.update(Action::PageDown);
    let scrolled = text(&a, 80, 24);
    assert!(scrolled.contains("more (PgUp)"), "{scrolled}");
    assert!(scrolled.contains("2025 observed:"), "{scrolled}");
    assert_eq!(a.scenario(), &Scenario::default(), "PgDn changes no value");
}

#[test]
fn no_line_is_cut_at_the_edge_without_a_mark() {
    // Every source line fits or ends in a mark; every title too.
    let a = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    let screen = text(&a, 80, 24);
    let sources = screen.lines().find(|l| l.starts_with("Sources:")).unwrap();
    assert!(sources.contains("…  (i: all)"), "{sources}");
}

#[test]
fn the_office_table_names_its_period_and_left_out_offices_have_no_target() {
    let offices = Dataset::bundled().unwrap().offices;
    let mut csv = String::from("apprehension_date,apprehension_aor\n");
    for day in 1..=10 {
        let _ = writeln!(csv, "2025-03-{day:02},Dallas Area of Responsibility");
        let _ = writeln!(csv, "2025-03-{day:02},Washington Area of Responsibility");
    }
    let agg = arrest_scenarios::records::read_csv(
        "fixture.csv",
        csv.as_bytes(),
        &offices,
        &arrest_scenarios::records::Options::default(),
        &mut |_| {},
    )
    .map_err(|e| e.to_string());
    let mut s = Scenario::default();
    assert!(s.set_taking_part("DAL", false, &offices));
    let mut a = App::new(Dataset::bundled().unwrap(), s, None, std::env::temp_dir());
    a.update(Action::RecordsLoaded(Loaded(std::sync::Arc::new(agg))));
    a.update(Action::GoTab(6));
    let screen = text(&a, 200, 60);
    assert!(
        screen.contains(
            "Averaged over the whole file: 2025-03-01 to 2025-03-10, 10 days (a: change)"
        ),
        "{screen}"
    );
    let row = |code: &str| {
        screen
            .lines()
            .find(|l| l.contains(&format!("││{code} ")))
            .map(str::to_string)
            .unwrap_or_default()
    };
    // DAL is left out: no target. WAS, 25th in file order, takes part with 24 offices.
    let cells = |code: &str| {
        row(code)
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let dal = cells("DAL");
    let was = cells("WAS");
    assert!(
        dal.ends_with(&["1.0".into(), "-".into(), "-".into(), "│".into()]),
        "{dal:?}"
    );
    assert!(
        was.ends_with(&["1.0".into(), "75".into(), "75.0x".into(), "│".into()]),
        "{was:?}"
    );
}

/// What the screen's loader hands the App for `csv` (read as `--records FILE` reads it).
fn loaded(csv: &str) -> Action {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.csv");
    std::fs::write(&path, csv).unwrap();
    let offices = Dataset::bundled().unwrap().offices;
    let rx = arrest_scenarios::tui::spawn_loader(
        vec![path],
        arrest_scenarios::records::Options::default(),
        offices,
    );
    rx.iter()
        .find(|a| matches!(a, Action::RecordsLoaded(_)))
        .expect("a result")
}

#[test]
fn the_observed_tab_gives_the_at_large_share_beside_fy2024s() {
    let mut a = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    a.update(loaded(
        "apprehension_date,apprehension_aor,apprehension_method\n\
         2025-01-01,Dallas Area of Responsibility,Located\n\
         2025-01-03,Houston Area of Responsibility,CAP Local Incarceration\n\
         2025-01-03,Dallas Area of Responsibility,Non-Custodial Arrest\n\
         2025-01-04,Dallas Area of Responsibility,\n",
    ));
    a.update(Action::GoTab(6));
    let screen = text(&a, 200, 60);
    assert!(screen.contains("FY2025* 50.0% (2 of 4)"), "{screen}");
    assert!(
        screen.contains("FY2024: 29.3% at large (33,243 of 113,431 arrests; derived"),
        "{screen}"
    );
    // ...and where the two figures were read.
    assert!(screen.contains("figures, ICE FY2024 report)"), "{screen}");
    // A file without a method column still loads, and says why there is no share.
    let mut b = App::new(
        Dataset::bundled().unwrap(),
        Scenario::default(),
        None,
        std::env::temp_dir(),
    );
    b.update(loaded(
        "apprehension_date,apprehension_aor\n2025-01-01,Dallas Area of Responsibility\n",
    ));
    b.update(Action::GoTab(6));
    let screen = text(&b, 200, 60);
    assert!(screen.contains("1 records read, 1 counted"), "{screen}");
    assert!(screen.contains("At-large share: the file has no apprehension method column."));
}
