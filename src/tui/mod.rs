//! The interactive screen (ratatui + crossterm).
//!
//! Keys become [`Action`]s in one pure function ([`keys::action_for`]); [`App::update`]
//! is the only place state changes; [`Screen`] only reads the state. The terminal is
//! restored on quit, on an error, on a panic and on SIGTERM, SIGHUP and SIGINT.

pub mod app;
pub mod keys;
pub mod overlay;
mod term;
pub mod theme;
pub mod ui;

use std::io::{self, IsTerminal, Write};

pub use app::App;
pub use keys::Action;
pub use term::{Exit, run, spawn_loader};
pub use theme::Theme;
pub use ui::Screen;

use crate::cli::{self, Cli, ColorChoice, EXIT_USAGE};

/// The theme for a `--color` choice and the `NO_COLOR` variable's value.
#[must_use]
pub fn theme_for(choice: ColorChoice, no_color: Option<&std::ffi::OsStr>) -> Theme {
    let no_color = no_color.is_some_and(|v| !v.is_empty());
    let mono = choice == ColorChoice::Never || (choice == ColorChoice::Auto && no_color);
    if mono { Theme::MONO } else { Theme::COLOR }
}

/// `arrest-scenarios` with no command: the interactive screen. Returns the exit code.
pub fn interactive(cli: &Cli, err: &mut dyn Write) -> u8 {
    if let Err(e) = cli.check_records_files() {
        let _ = writeln!(err, "error: {e}");
        return EXIT_USAGE;
    }
    if !io::stdout().is_terminal() {
        let _ = writeln!(
            err,
            "error: standard output is not a terminal, so the interactive screen cannot open.\n\
             For text output use: arrest-scenarios summary (see --help for its flags)"
        );
        return EXIT_USAGE;
    }
    let data = match cli::load(cli.data_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            let _ = write!(err, "error: {e}");
            return EXIT_USAGE;
        }
    };
    let presets = crate::model::presets(&data);
    let start = match cli.scenario.scenario(&data, &presets) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return EXIT_USAGE;
        }
    };
    let theme = theme_for(cli.color, std::env::var_os("NO_COLOR").as_deref());
    let export_dir = cli.export_dir();
    let offices = data.offices.clone();
    let mut app = App::new(data, start, crate::saved::default_dir(), export_dir);
    let loader = cli
        .records_request()
        .map(|(files, options)| spawn_loader(files, options, offices));
    match run(&mut app, theme, loader) {
        Ok(term::Exit::Quit) => 0,
        // The conventional code of a process ended by signal N.
        Ok(term::Exit::Signal(n)) => u8::try_from(128 + n).unwrap_or(1),
        Err(e) => {
            let _ = writeln!(err, "error: the terminal failed: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn no_color_and_the_color_flag_choose_the_theme() {
        assert_eq!(theme_for(ColorChoice::Auto, None), Theme::COLOR);
        assert_eq!(
            theme_for(ColorChoice::Auto, Some(OsStr::new("1"))),
            Theme::MONO
        );
        assert_eq!(
            theme_for(ColorChoice::Auto, Some(OsStr::new(""))),
            Theme::COLOR
        );
        assert_eq!(theme_for(ColorChoice::Never, None), Theme::MONO);
        assert_eq!(
            theme_for(ColorChoice::Always, Some(OsStr::new("1"))),
            Theme::COLOR
        );
    }
}
