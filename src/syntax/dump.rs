//! `smslint dump FILE`: how smslint reads a script.

use crate::source::Source;
use crate::syntax::ast::Script;
use crate::syntax::labels::LabelIndex;

/// Render the reading of a script as text (statements with line:col, kinds, labels and
/// where each goto/call resolves).
pub fn render(_source: &Source, _script: &Script, _labels: &LabelIndex) -> String {
    String::from("(parser not yet implemented)\n")
}

/// `smslint dump FILE`.
pub fn run(_args: &crate::cli::DumpArgs) -> miette::Result<crate::Exit> {
    Err(miette::miette!("`smslint dump` is not implemented yet"))
}
