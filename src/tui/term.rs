//! The terminal: set up, one event queue (keys, pastes, resizes, signals, a records
//! loader), drawing, and giving the terminal back on every path.
//!
//! Input is read on its own thread into one channel, so a burst (a paste, a held key)
//! is drained and applied in order before the next frame is drawn. SIGTERM, SIGHUP and
//! SIGINT arrive on the same channel: the terminal is restored, then the process exits
//! with 128 + the signal's number. Bracketed paste is on while the screen runs (a
//! paste is text for the field being typed, never keys) and off again on every exit,
//! a panic included.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::keys::{self, Action, Loaded};
use super::{App, Screen, Theme};

/// How the screen ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal (its number) ended it.
    Signal(i32),
}

/// Everything the event loop waits for.
enum Message {
    /// A key, a paste or a resize.
    Input(Event),
    /// Reading the terminal failed.
    InputFailed(io::Error),
    /// From the records loader.
    Action(Action),
    /// A signal.
    Signal(i32),
}

/// Read the records files (counted together) on another thread; progress and the result arrive as actions.
#[must_use]
pub fn spawn_loader(
    files: Vec<PathBuf>,
    options: crate::records::Options,
    offices: Vec<crate::data::FieldOffice>,
) -> Receiver<Action> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut last = std::time::Instant::now();
        let progress_tx = tx.clone();
        let mut progress = |_: usize, n: u64, total: u64| {
            if last.elapsed() > std::time::Duration::from_millis(100) {
                last = std::time::Instant::now();
                let _ = progress_tx.send(Action::RecordsProgress(n, total));
            }
        };
        let mut read = |options: &crate::records::Options| {
            crate::records::read_files(&files, &offices, options, &mut progress)
        };
        // With no --group, the screen splits by DDP's at-large rule when the file has a
        // method column (for the at-large share), and reads it plainly when it has none.
        let result = if options.group.is_none() {
            let at_large = crate::records::Options {
                group: Some(crate::records::group::Group::AtLarge),
                ..options.clone()
            };
            match read(&at_large) {
                Err(crate::records::RecordsError::NoMethodColumn { .. }) => read(&options),
                other => other,
            }
        } else {
            read(&options)
        }
        .map_err(|e| e.to_string());
        let _ = tx.send(Action::RecordsLoaded(Loaded(Arc::new(result))));
    });
    rx
}

/// Pass a loader's actions on; if it goes away without a result (it panicked), say so
/// as a failed read, so the Observed tab shows an error instead of a stuck gauge.
fn forward_loader(rx: Receiver<Action>, tx: Sender<Message>) {
    std::thread::spawn(move || {
        while let Ok(action) = rx.recv() {
            let done = matches!(action, Action::RecordsLoaded(_));
            if tx.send(Message::Action(action)).is_err() || done {
                return;
            }
        }
        let failed = Err(
            "the reader stopped before it finished (an internal error); \
                          try `arrest-scenarios records FILE` for details"
                .to_string(),
        );
        let _ = tx.send(Message::Action(Action::RecordsLoaded(Loaded(Arc::new(
            failed,
        )))));
    });
}

/// Take over the terminal, run until the user quits or a signal comes, and give it
/// back.
///
/// # Errors
/// A terminal that cannot be set up, read or drawn to.
pub fn run(app: &mut App, theme: Theme, loader: Option<Receiver<Action>>) -> io::Result<Exit> {
    let (tx, rx) = mpsc::channel();
    // Signals first, so one that comes while the screen is set up is not lost.
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    let signal_tx = tx.clone();
    std::thread::spawn(move || {
        if let Some(n) = signals.forever().next() {
            let _ = signal_tx.send(Message::Signal(n));
        }
    });
    install_paste_hook();
    // try_init can fail after raw mode is on: restore on that path too.
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            ratatui::restore();
            handle.close();
            return Err(e);
        }
    };
    let _ = crossterm::execute!(io::stdout(), EnableBracketedPaste);
    let input_tx = tx.clone();
    std::thread::spawn(move || {
        loop {
            let m = match event::read() {
                Ok(e) => Message::Input(e),
                Err(e) => Message::InputFailed(e),
            };
            let failed = matches!(m, Message::InputFailed(_));
            if input_tx.send(m).is_err() || failed {
                return;
            }
        }
    });
    if let Some(l) = loader {
        app.update(Action::RecordsProgress(0, 0));
        forward_loader(l, tx.clone());
    }
    drop(tx);
    let result = event_loop(&mut terminal, app, theme, &rx);
    restore();
    handle.close();
    result
}

/// Bracketed paste off, then ratatui's restore (raw mode off, main screen, cursor).
fn restore() {
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// On a panic, turn bracketed paste off too (ratatui's own hook restores the rest).
fn install_paste_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
}

/// Draw, wait for the next message, then apply every message already waiting before
/// drawing again: the app is idle until something happens, and a burst of keys is
/// applied in order without a frame between each.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: Theme,
    rx: &Receiver<Message>,
) -> io::Result<Exit> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| frame.render_widget(Screen { app, theme }, frame.area()))?;
        let Ok(first) = rx.recv() else {
            return Ok(Exit::Quit);
        };
        let mut next = Some(first);
        while let Some(m) = next {
            match m {
                Message::Signal(n) => return Ok(Exit::Signal(n)),
                Message::InputFailed(e) => return Err(e),
                Message::Action(a) => app.update(a),
                Message::Input(e) => apply(app, &e),
            }
            if app.should_quit() {
                return Ok(Exit::Quit);
            }
            next = rx.try_recv().ok();
        }
    }
}

/// A terminal event as an action.
fn apply(app: &mut App, e: &Event) {
    match e {
        Event::Key(key) => {
            if let Some(action) = keys::action_for(*key, app.context()) {
                app.update(action);
            }
        }
        Event::Paste(text) => app.update(Action::Paste(text.clone())),
        Event::Resize(w, h) => app.update(Action::Resize(*w, *h)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loader_that_dies_is_reported_as_a_failed_read() {
        let (tx, rx) = mpsc::channel::<Action>();
        // A loader thread that panics after one progress tick, before any result.
        let worker = std::thread::spawn(move || {
            let _ = tx.send(Action::RecordsProgress(1, 10));
            panic!("the reader fell over");
        });
        assert!(worker.join().is_err());
        let (mtx, mrx) = mpsc::channel();
        forward_loader(rx, mtx);
        let got: Vec<Action> = mrx
            .iter()
            .filter_map(|m| match m {
                Message::Action(a) => Some(a),
                _ => None,
            })
            .collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], Action::RecordsProgress(1, 10));
        let Action::RecordsLoaded(Loaded(result)) = &got[1] else {
            panic!("{:?}", got[1]);
        };
        let e = result.as_ref().as_ref().unwrap_err();
        assert!(
            e.starts_with("the reader stopped before it finished"),
            "{e}"
        );
        // On the Observed tab: an error, not a stuck gauge.
        let mut app = App::new(
            crate::data::Dataset::bundled().unwrap(),
            crate::model::Scenario::default(),
            None,
            std::env::temp_dir(),
        );
        for a in got {
            app.update(a);
        }
        assert!(matches!(
            app.records_status(),
            super::super::app::RecordsStatus::Failed(_)
        ));
    }
}
