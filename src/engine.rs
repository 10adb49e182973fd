//! The lint engine: discovery, per-file analysis in parallel, rule selection, suppressions,
//! severity, sorting.

/// `smslint check`.
pub fn run_check(_args: &crate::cli::CheckArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint check` is not implemented yet"))
}
