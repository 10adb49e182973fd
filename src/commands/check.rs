//! `smslint check`: the flags become an `engine::CheckOptions`; the engine runs the check.

use smslint::engine::config::{Overrides, Selector};
use smslint::engine::{self, CheckOptions, OutputOptions};
use smslint::rules::Targets;
use smslint::Exit;

use super::cli::{CheckArgs, Target};

/// `smslint check`.
pub fn run(args: &CheckArgs) -> miette::Result<Exit> {
    let overrides = overrides(args)?;
    let out = &args.output;
    let (progress, bar) = super::progress::counter(super::progress::Unit::Files, out.quiet);
    let opts = CheckOptions {
        paths: args.paths.clone(),
        stdin_filename: args.stdin_filename.clone(),
        force_exclude: args.force_exclude,
        overrides,
        fix: args.fix,
        show_config: args.show_config,
        config: out.config.clone(),
        baseline: args.baseline.clone(),
        update_baseline: args.update_baseline,
        output: OutputOptions {
            render: super::render_options(out),
            fail_on: out.fail_on,
            exit_zero: out.exit_zero,
            output: out.output.clone(),
        },
        progress: Some(progress),
    };
    let exit = engine::run_check(&opts);
    if let Some(bar) = bar {
        bar.stop();
    }
    exit
}

/// Read the overrides from `smslint check` flags. Unknown selectors are tool failures.
fn overrides(args: &CheckArgs) -> miette::Result<Overrides> {
    fn sels(list: &[String], flag: &str) -> miette::Result<Vec<Selector>> {
        list.iter()
            .map(|s| Selector::parse(s).map_err(|e| miette::miette!("--{flag}: {e}")))
            .collect()
    }
    let targets = if args.target.is_empty() {
        None
    } else {
        Some(Targets {
            nt: args.target.contains(&Target::Nt),
            win9x: args.target.contains(&Target::Win9x),
        })
    };
    Ok(Overrides {
        select: if args.select.is_empty() {
            None
        } else {
            Some(sels(&args.select, "select")?)
        },
        extend_select: sels(&args.extend_select, "extend-select")?,
        ignore: sels(&args.ignore, "ignore")?,
        targets,
        upgrade_window: args.upgrade_window,
    })
}
