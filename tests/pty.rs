//! The real binary in a pseudo-terminal: it draws the scenario, follows key presses,
//! survives Esc and a presenter's clicker, quits on `q`, and leaves the terminal as it
//! found it, on `q` and on SIGTERM and SIGHUP.

#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// Generous: a guard against hanging, not a speed requirement.
const PATIENCE: Duration = Duration::from_secs(60);

struct Session {
    parser: vt100::Parser,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open so the child's terminal stays alive until the test ends.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start() -> Self {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_arrest-scenarios"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut s = Self {
            parser: vt100::Parser::new(
                NonZeroU16::new(24).unwrap(),
                NonZeroU16::new(80).unwrap(),
                0,
            ),
            rx,
            writer: pair.master.take_writer().unwrap(),
            child,
            _master: pair.master,
        };
        s.wait_for("the first frame", |sc| {
            sc.contents().contains("1,875 a day")
        });
        assert!(
            s.parser.screen().alternate_screen(),
            "the app draws on the alternate screen"
        );
        s
    }

    /// Feed output to the screen model until `want` holds (or give up).
    fn wait_for(&mut self, what: &str, want: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while !want(self.parser.screen()) {
            assert!(
                start.elapsed() < PATIENCE,
                "gave up waiting for {what}; screen:\n{}",
                self.parser.screen().contents()
            );
            if let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(100)) {
                self.parser.process(&bytes);
            }
        }
    }

    fn press(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Press, then wait for the screen to show `text`.
    fn expect(&mut self, keys: &[u8], text: &str) {
        self.press(keys);
        self.wait_for(text, |sc| sc.contents().contains(text));
    }

    fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    /// The app leaves the alternate screen, then shows the cursor again: wait for both
    /// (the bytes can arrive after the process has exited).
    fn wait_restored(&mut self) {
        self.wait_for("the normal screen with a visible cursor", |sc| {
            !sc.alternate_screen() && !sc.hide_cursor()
        });
    }
}

#[test]
fn runs_reacts_to_keys_and_restores_the_terminal() {
    let mut s = Session::start();
    assert!(s.contents().contains("Annual total 684,375 a year"));

    // Down to the per-office target, then one step up: 25 x 76 = 1,900 a day.
    s.press(b"j");
    s.expect(b"+", "1,900 a day");
    assert!(s.contents().contains("> Per-office target 76 a day"));

    s.press(b"q");
    let status = s.child.wait().unwrap();
    assert!(status.success(), "exit status: {status:?}");
    s.wait_restored();
}

const ESC: &[u8] = b"\x1b";
const PAGE_DOWN: &[u8] = b"\x1b[6~";
const PAGE_UP: &[u8] = b"\x1b[5~";
const F5: &[u8] = b"\x1b[15~";

#[test]
fn esc_and_a_presenters_clicker_never_quit_or_change_a_value() {
    let mut s = Session::start();
    // Esc on the main screen: a note, the program runs on.
    s.expect(ESC, "Esc: nothing to leave here (q quits)");
    // F5 presents; Esc leaves presentation mode (and the program runs on).
    s.expect(F5, "arrests a day");
    s.wait_for("presentation mode", |sc| {
        !sc.contents().contains("Sources:")
    });
    s.press(ESC);
    s.wait_for("the main screen again", |sc| {
        sc.contents().contains("Sources:")
    });
    // On Explain, PgDn reveals the first step, a second PgDn the next; PgUp steps
    // back; no parameter changes.
    s.expect(b"3", "The arithmetic");
    s.expect(PAGE_DOWN, "step 1 of 18");
    s.expect(PAGE_DOWN, "step 2 of 18");
    s.expect(PAGE_UP, "step 1 of 18");
    assert!(
        s.contents().contains("Per-office target 75 a day"),
        "{}",
        s.contents()
    );
    // Esc leaves the step-through, not the program.
    s.press(ESC);
    s.wait_for("every step shown", |sc| {
        !sc.contents().contains("step 1 of 18")
    });
    // In presentation mode the clicker steps too, and b blanks the screen.
    s.expect(b"P", "arrests a day");
    s.expect(PAGE_DOWN, "Step 1 of 18");
    s.press(b"b");
    s.wait_for("a blank screen", |sc| {
        !sc.contents().contains("arrests a day")
    });
    s.expect(b"b", "arrests a day");
    s.press(ESC);
    s.wait_for("the main screen again", |sc| {
        sc.contents().contains("Sources:")
    });
    assert!(s.contents().contains("Per-office target 75 a day"));
    s.press(b"q");
    assert!(s.child.wait().unwrap().success());
    s.wait_restored();
}

fn ended_by(signal: &str, code: u32) {
    let mut s = Session::start();
    let pid = s.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(killed.success());
    let status = s.child.wait().unwrap();
    assert_eq!(status.exit_code(), code, "{signal}: {status:?}");
    s.wait_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    ended_by("TERM", 128 + 15);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    ended_by("HUP", 128 + 1);
}
