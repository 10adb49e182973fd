//! smslint: a linter for Windows logon scripts and SMS 2.0 Clicore client versions.
//!
//! The pipeline runs one way: `source` → `syntax` → `flow` → `rules` → `engine` → `report`.
//! See `docs/ARCHITECTURE.md`.

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod edit;
pub mod engine;
pub mod flow;
pub mod inventory;
pub mod report;
pub mod rules;
pub mod sites;
pub mod sms;
pub mod source;
pub mod syntax;
pub mod tree;
pub mod version;

/// The process outcome of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Nothing at or above the failure threshold.
    Clean,
    /// Findings at or above the threshold (or a significant version difference, a gate
    /// state other than expected).
    Findings,
    /// smslint could not do its job: bad flag, bad config, unreadable input.
    Failure,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Failure => 2,
        }
    }
}

/// Run a parsed command line. Errors are tool failures (exit 2).
pub fn run(cli: cli::Cli) -> miette::Result<Exit> {
    use cli::Command;
    match cli.command {
        Command::Check(args) => engine::run_check(&args),
        Command::Dump(args) => syntax::dump::run(&args),
        Command::Rules(args) => rules::docs::run_rules(&args),
        Command::Rule(args) => rules::docs::run_rule(&args),
        Command::Version(args) => version::run(&args),
        Command::Audit(args) => inventory::run_audit(&args),
        Command::Gate(args) => edit::run_gate(&args),
    }
}
