//! Reading batch scripts as cmd.exe does: physical lines → logical lines → statements.
//!
//! `syntax` knows nothing of rules or SMS. See `grammar/batch.ebnf` for the grammar the
//! parser implements.

pub mod ast;
pub mod dump;
pub mod labels;
pub mod names;
pub mod parse;
mod vars;

pub use ast::Script;
pub use parse::parse;
