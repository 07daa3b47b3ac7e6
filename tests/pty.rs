//! The real binary in a pseudo-terminal: it draws the scenario, follows a key press,
//! quits on `q` and leaves the terminal as it found it.

#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Generous: a guard against hanging, not a speed requirement.
const PATIENCE: Duration = Duration::from_secs(60);

struct Session {
    parser: vt100::Parser,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
}

impl Session {
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
}

#[test]
fn runs_reacts_to_keys_and_restores_the_terminal() {
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
    let mut child = pair.slave.spawn_command(cmd).unwrap();
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
    let mut s = Session {
        parser: vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        ),
        rx,
        writer: pair.master.take_writer().unwrap(),
    };

    s.wait_for("the first frame", |sc| {
        sc.contents().contains("1,875 a day")
    });
    assert!(
        s.parser.screen().alternate_screen(),
        "the app draws on the alternate screen"
    );
    assert!(
        s.parser
            .screen()
            .contents()
            .contains("Annual total 684,375 a year")
    );

    // Down to the per-office target, then one step up: 25 x 76 = 1,900 a day.
    s.press(b"j");
    s.press(b"+");
    s.wait_for("the new daily total", |sc| {
        sc.contents().contains("1,900 a day")
    });
    assert!(
        s.parser
            .screen()
            .contents()
            .contains("> Per-office target 76 a day")
    );

    s.press(b"q");
    let status = child.wait().unwrap();
    assert!(status.success(), "exit status: {status:?}");
    // The app leaves the alternate screen, then shows the cursor again: wait for both
    // (the bytes can arrive after the process has exited).
    s.wait_for("the normal screen with a visible cursor", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor()
    });
}
