//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::Path;

use arrest_scenarios::data::{FILES, bundled_file};

/// A data directory holding the bundled files, with some replaced.
pub fn data_dir(replace: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in FILES {
        let bytes = replace
            .iter()
            .find(|(n, _)| *n == name)
            .map_or_else(|| bundled_file(name).unwrap().to_vec(), |(_, b)| b.to_vec());
        std::fs::write(dir.path().join(name), bytes).expect("write data file");
    }
    dir
}

/// The bundled text of a file.
pub fn bundled(name: &str) -> String {
    String::from_utf8(bundled_file(name).unwrap().to_vec()).unwrap()
}

/// The path shown in messages for `name` in `dir`.
pub fn shown(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// The binary, with `NO_COLOR` cleared so every test sees the same output.
pub fn app() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("arrest-scenarios").expect("the binary");
    c.env_remove("NO_COLOR");
    c
}

/// The binary's standard output for `args`, which must succeed.
pub fn stdout_of(args: &[&str]) -> String {
    let out = app()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 output")
}

/// `app` drawn at `w` x `h` in `theme`.
pub fn draw(
    app: &arrest_scenarios::tui::App,
    theme: arrest_scenarios::tui::Theme,
    w: u16,
    h: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(arrest_scenarios::tui::Screen { app, theme }, f.area()))
        .unwrap();
    t
}

/// The text of `app`'s screen at `w` x `h` in colour, a line per row.
pub fn screen_text(app: &arrest_scenarios::tui::App, w: u16, h: u16) -> String {
    text_of(&draw(app, arrest_scenarios::tui::Theme::COLOR, w, h))
}

/// The text a terminal shows, a line per row.
pub fn text_of(t: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
