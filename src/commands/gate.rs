//! `smslint gate on|off|status`: discovery is the engine's, the byte edit is `edit`'s; this
//! command composes them, prints what it did and maps the outcome to an exit status.

use std::io::Write as _;

use smslint::edit::{gate_off, gate_on, gate_status, unified_diff, write_atomic, GateOff, GateOn};
use smslint::engine::discover;
use smslint::Exit;

use super::cli::{GateAction, GateArgs, GateState};

/// `smslint gate`.
pub fn run(args: &GateArgs) -> miette::Result<Exit> {
    let (files, mut errors) = discover::logon_scripts(&args.paths)?;
    let mut differs = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &files {
        let shown = path.display().to_string();
        let bytes = match smslint::source::read_file(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(format!("{shown}: cannot read: {e}"));
                continue;
            }
        };
        let edit = match args.action {
            GateAction::Status => {
                let line = match gate_status(&bytes) {
                    Some(g) => {
                        if args.expect == Some(GateState::Off) {
                            differs = true;
                        }
                        format!("{shown}: gated (line {}: {})", g.line, g.text)
                    }
                    None => {
                        if args.expect == Some(GateState::On) {
                            differs = true;
                        }
                        format!("{shown}: open")
                    }
                };
                writeln!(out, "{line}").map_err(|e| miette::miette!("cannot write: {e}"))?;
                continue;
            }
            GateAction::On => match gate_on(&bytes) {
                GateOn::Applied(b) => Ok((b, "gate added")),
                GateOn::AlreadyGated => Err(Ok("already gated")),
                GateOn::NothingToGate => Err(Ok("nothing to gate (no executable statement)")),
                GateOn::Unsupported(why) => Err(Err(why)),
            },
            GateAction::Off => match gate_off(&bytes) {
                GateOff::Removed(b) => Ok((b, "gate removed")),
                GateOff::NotGated => Err(Ok("not gated")),
                GateOff::Unsupported(why) => Err(Err(why)),
            },
        };
        match edit {
            Ok((new, what)) => {
                if args.dry_run {
                    write!(out, "{}", unified_diff(&shown, &bytes, &new))
                        .map_err(|e| miette::miette!("cannot write: {e}"))?;
                } else {
                    if let Err(e) = write_atomic(path, &new) {
                        errors.push(format!("{shown}: cannot write: {e}"));
                        continue;
                    }
                    writeln!(out, "{shown}: {what}")
                        .map_err(|e| miette::miette!("cannot write: {e}"))?;
                }
            }
            Err(Ok(note)) => {
                if !args.dry_run {
                    writeln!(out, "{shown}: {note}")
                        .map_err(|e| miette::miette!("cannot write: {e}"))?;
                }
            }
            Err(Err(why)) => errors.push(format!("{shown}: {why}")),
        }
    }
    drop(out);
    for e in &errors {
        eprintln!("smslint: error: {e}");
    }
    if !errors.is_empty() {
        return Ok(Exit::Failure);
    }
    Ok(if differs { Exit::Findings } else { Exit::Clean })
}
