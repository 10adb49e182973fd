//! Every command-line flag, in one place. The value enums the layers below own (`Format`,
//! `FailOn`, `Significance`) derive `ValueEnum` where they are defined; the rest are here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use smslint::engine::FailOn;
use smslint::report::Format;
use smslint::versions::version::Significance;

#[derive(Parser, Debug)]
#[command(
    name = "smslint",
    version,
    about = "Lint Windows logon scripts and SMS 2.0 Clicore client versions",
    long_about = "smslint reads batch scripts as cmd.exe (and COMMAND.COM on Windows 9x) does, \
                  and flags SMS logon-script hazards: missing upgrade gates, RAS exposure, \
                  significant Clicore version mismatches, mixed-release logon points, \
                  SMS 1.2 leftovers and ordinary batch bugs."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check batch scripts (and the site manifest in smslint.toml).
    Check(CheckArgs),
    /// Print how smslint reads a script: statements, labels, jump targets.
    Dump(DumpArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Print one rule's documentation.
    Rule(RuleArgs),
    /// Explain a Clicore version, or compare versions for significance.
    Version(VersionArgs),
    /// Audit a fleet inventory (CSV) against the site manifest.
    Audit(AuditArgs),
    /// Add, remove or report the `GOTO END` upgrade gate in logon scripts.
    Gate(GateArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Nt,
    Win9x,
}

/// Flags shared by `check` and `audit`: output and exit status.
#[derive(Args, Debug, Clone)]
pub struct OutputArgs {
    /// Output format (default: full on a terminal, concise otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Lowest severity that makes the exit code 1 (info never fails).
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Exit 0 even when there are findings (still 2 when smslint itself fails).
    #[arg(long)]
    pub exit_zero: bool,
    /// When to use colour.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Use this smslint.toml instead of discovering one.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// No progress bar (one is shown on a terminal's standard error when a run takes more
    /// than about a second).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Args, Debug, Clone)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// File name used for standard input in messages and config matching.
    #[arg(long)]
    pub stdin_filename: Option<PathBuf>,
    /// Apply the config's `exclude` even to files named on the command line.
    #[arg(long)]
    pub force_exclude: bool,
    /// Only these rule codes or prefixes (comma separated); overrides the config.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Rule codes or prefixes to add to the selection.
    #[arg(long, value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Rule codes or prefixes to skip.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Client interpreters the scripts must run on (overrides the config's `targets`).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub target: Vec<Target>,
    /// An SMS upgrade window is open (overrides the config's `upgrade_window`).
    #[arg(long)]
    pub upgrade_window: bool,
    /// Apply automatic fixes (the SMS101 upgrade gate) to the files, atomically.
    #[arg(long)]
    pub fix: bool,
    /// Print the resolved settings and exit.
    #[arg(long)]
    pub show_config: bool,
    /// Report only findings not recorded in this baseline file (also `baseline = "…"` in
    /// smslint.toml); recorded ones do not fail the run.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in the baseline file (dropping fixed ones) and report none.
    #[arg(long)]
    pub update_baseline: bool,
}

#[derive(Args, Debug, Clone)]
pub struct DumpArgs {
    /// The script to read (`-` for standard input); with `--calls`, a file or directory of
    /// the tree to show.
    pub file: PathBuf,
    /// Print the resolved call graph of the tree the path belongs to (all `.bat`/`.cmd`
    /// under its project root): each file's Windows 9x role and RAS entry state, and where
    /// each call goes (a file of the tree, a program, missing, or dynamic and not followed).
    #[arg(long)]
    pub calls: bool,
    /// Label rules to resolve jumps with.
    #[arg(long, value_enum, default_value = "nt")]
    pub target: Target,
}

#[derive(Args, Debug, Clone)]
pub struct RulesArgs {
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug, Clone)]
pub struct RuleArgs {
    /// A rule code (BAT201) or name (undefined-label).
    pub rule: String,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionFormat {
    Text,
    Json,
}

#[derive(Args, Debug, Clone)]
pub struct VersionArgs {
    /// One version to explain, or several: the first is compared with each other one.
    #[arg(required = true)]
    pub versions: Vec<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: VersionFormat,
    /// Significance policy.
    #[arg(long, value_enum, default_value = "release")]
    pub significance: Significance,
}

#[derive(Args, Debug, Clone)]
pub struct AuditArgs {
    /// The inventory CSV (columns client, site, clicore; optional os, link).
    #[arg(long)]
    pub inventory: PathBuf,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateAction {
    On,
    Off,
    Status,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GateState {
    On,
    Off,
}

#[derive(Args, Debug, Clone)]
pub struct GateArgs {
    /// on: insert the gate; off: remove it; status: report gated/open per file.
    #[arg(value_enum)]
    pub action: GateAction,
    /// Logon scripts (files or directories).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print a unified diff instead of writing.
    #[arg(long)]
    pub dry_run: bool,
    /// With `status`: exit 1 if any file's gate state differs.
    #[arg(long, value_enum)]
    pub expect: Option<GateState>,
}
