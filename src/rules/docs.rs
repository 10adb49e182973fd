//! `smslint rules`, `smslint rule CODE` and the generated `docs/rules.md`.

/// `smslint rules`.
pub fn run_rules(_args: &crate::cli::RulesArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint rules` is not implemented yet"))
}

/// `smslint rule CODE`.
pub fn run_rule(_args: &crate::cli::RuleArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint rule` is not implemented yet"))
}
