//! Control flow over a parsed script: label resolution as cmd.exe does it, edges for
//! `goto`, `call :x`, `if`, `exit` and `goto :eof`, reachability, NT-only regions and the
//! RAS-state data flow that the SMS rules share.

use crate::source::Source;
use crate::syntax::ast::Script;
use crate::syntax::labels::LabelIndex;

/// The analyses rules share. Built once per file.
#[derive(Clone, Debug, Default)]
pub struct Flow {
    /// `reachable[i]`: statement `StmtId(i)` can be reached from the top of the script.
    pub reachable: Vec<bool>,
}

impl Flow {
    pub fn build(_source: &Source, script: &Script, _labels: &LabelIndex) -> Flow {
        // Placeholder until the flow analysis lands: everything counts as reachable.
        Flow {
            reachable: vec![true; script.stmts.len()],
        }
    }
}
