//! The interactive screen (ratatui + crossterm).
//!
//! Keys become [`Action`]s in one pure function ([`keys::action_for`]); [`App::update`]
//! is the only place state changes; [`Screen`] only reads the state. The terminal is
//! restored on quit, on an error and on a panic (ratatui's hook).

pub mod app;
pub mod keys;
pub mod theme;
pub mod ui;

use std::io::{self, IsTerminal, Write};

use crossterm::event::{self, Event};

pub use app::App;
pub use keys::Action;
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
    let export_dir = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
    let offices = data.offices.clone();
    let mut app = App::new(data, start, crate::saved::default_dir(), export_dir);
    let loader = cli.records.clone().map(|path| spawn_loader(path, offices));
    match run(&mut app, theme, loader) {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "error: the terminal failed: {e}");
            1
        }
    }
}

/// Read a records file on another thread; progress and the result arrive as actions.
#[must_use]
pub fn spawn_loader(
    path: std::path::PathBuf,
    offices: Vec<crate::data::FieldOffice>,
) -> std::sync::mpsc::Receiver<Action> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut last = std::time::Instant::now();
        let progress_tx = tx.clone();
        let result = crate::records::read_file(
            &path,
            &offices,
            &crate::records::Options::default(),
            &mut |n, total| {
                if last.elapsed() > std::time::Duration::from_millis(100) {
                    last = std::time::Instant::now();
                    let _ = progress_tx.send(Action::RecordsProgress(n, total));
                }
            },
        )
        .map_err(|e| e.to_string());
        let _ = tx.send(Action::RecordsLoaded(keys::Loaded(std::sync::Arc::new(
            result,
        ))));
    });
    rx
}

/// Take over the terminal, run until the user quits, and give it back.
///
/// # Errors
/// A terminal that cannot be set up, read or drawn to.
pub fn run(
    app: &mut App,
    theme: Theme,
    loader: Option<std::sync::mpsc::Receiver<Action>>,
) -> io::Result<()> {
    // try_init can fail after raw mode is on: restore on that path too.
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            ratatui::restore();
            return Err(e);
        }
    };
    let result = event_loop(&mut terminal, app, theme, loader);
    ratatui::restore();
    result
}

/// Draw, then wait for the next event: the app is idle until something happens. While
/// a records file loads, the loop also wakes for its progress.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: Theme,
    mut loader: Option<std::sync::mpsc::Receiver<Action>>,
) -> io::Result<()> {
    if loader.is_some() {
        app.update(Action::RecordsProgress(0, 0));
    }
    loop {
        terminal.draw(|frame| frame.render_widget(Screen { app, theme }, frame.area()))?;
        loop {
            if let Some(rx) = &loader {
                let mut woke = false;
                let mut finished = false;
                while let Ok(action) = rx.try_recv() {
                    finished = matches!(action, Action::RecordsLoaded(_));
                    app.update(action);
                    woke = true;
                    if finished {
                        break;
                    }
                }
                if finished {
                    loader = None;
                }
                if woke {
                    break;
                }
                if !event::poll(std::time::Duration::from_millis(50))? {
                    continue;
                }
            }
            match event::read()? {
                Event::Key(key) => {
                    if let Some(action) = keys::action_for(key, app.mode()) {
                        app.update(action);
                    }
                    break;
                }
                Event::Resize(..) => break,
                _ => {}
            }
        }
        if app.should_quit() {
            return Ok(());
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
