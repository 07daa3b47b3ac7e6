//! The `arrest-scenarios` binary: parse arguments, dispatch, exit.

use std::process::ExitCode;

use clap::Parser;

use arrest_scenarios::cli;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let mut err = std::io::stderr().lock();
    let code = match &args.command {
        Some(command) => cli::run(&args, command, &mut std::io::stdout().lock(), &mut err),
        #[cfg(feature = "tui")]
        None => arrest_scenarios::tui::interactive(&args, &mut err),
        #[cfg(not(feature = "tui"))]
        None => cli::no_screen(&args, &mut std::io::stdout().lock(), &mut err),
    };
    ExitCode::from(code)
}
