//! The `arrest-scenarios` binary: parse arguments, dispatch, exit.

use std::process::ExitCode;

use clap::Parser;

use arrest_scenarios::cli::{self, Cli, Command, SummaryArgs};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.clone().unwrap_or(Command::Summary(SummaryArgs {
        scenario: cli::ScenarioArgs::default(),
        format: arrest_scenarios::report::Format::Text,
    }));
    let code = cli::run(
        &cli,
        &command,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
