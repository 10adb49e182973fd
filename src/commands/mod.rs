//! The command layer: the only code that sees clap types. Each subcommand turns its flags into
//! the plain option structs of the library below (`engine::CheckOptions`, `report::Format`,
//! `edit`'s byte edits, …), runs it, and maps the outcome to an exit status. `main.rs` parses
//! and calls [`run`].

pub mod cli;

mod audit;
mod check;
mod dump;
mod gate;
mod progress;
mod rules;
mod version;

use std::io::IsTerminal;
use std::path::Path;

use smslint::engine::config;
use smslint::report::{Format, RenderOptions};
use smslint::Exit;

use cli::{ColorChoice, Command, OutputArgs};

/// Run a parsed command line. Errors are tool failures (exit 2).
pub fn run(cli: cli::Cli) -> miette::Result<Exit> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Dump(args) => dump::run(&args),
        Command::Rules(args) => rules::run_rules(&args),
        Command::Rule(args) => rules::run_rule(&args),
        Command::Version(args) => version::run(&args),
        Command::Audit(args) => audit::run(&args),
        Command::Gate(args) => gate::run(&args),
    }
}

/// Resolve the output options (`--format`, `--color`, `NO_COLOR`, `-o`) for this process.
pub(crate) fn render_options(out: &OutputArgs) -> RenderOptions {
    let stdout_tty = out.output.is_none() && std::io::stdout().is_terminal();
    let format = out.format.unwrap_or(if stdout_tty {
        Format::Full
    } else {
        Format::Concise
    });
    let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let color = match out.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout_tty && !no_color_env && !dumb,
    };
    RenderOptions {
        format,
        color,
        links: color && stdout_tty,
        statistics: out.statistics,
        cwd: config::absolute(Path::new(".")),
        docs: smslint::rules::default_docs_base(),
    }
}
