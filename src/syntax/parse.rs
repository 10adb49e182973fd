//! The parser (nom over `&[u8]`). Never fails, never panics.

use crate::source::Source;
use crate::syntax::ast::Script;

/// Parse a script. Any byte sequence gives a `Script` plus syntax errors.
pub fn parse(_source: &Source) -> Script {
    Script::default()
}
