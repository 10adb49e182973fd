//! The label index, built from physical lines as cmd.exe's GOTO/CALL scanner sees them.

use crate::source::{Source, Span};

/// Which interpreter's label rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// cmd.exe: the first 127 characters of a name are significant.
    Nt,
    /// COMMAND.COM on Windows 9x: the first 8 characters are significant.
    Win9x,
}

impl Profile {
    pub fn significant_len(self) -> usize {
        match self {
            Profile::Nt => 127,
            Profile::Win9x => 8,
        }
    }
}

/// A label as the GOTO scanner finds it on a physical line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelDef {
    /// 1-based physical line.
    pub line: usize,
    /// The `:` byte.
    pub colon: Span,
    /// The name bytes as written.
    pub name: Span,
    /// The name with carets removed, ASCII-lower-cased, full length (cut per profile by
    /// [`key`]).
    pub folded: Vec<u8>,
}

/// Every label definition in file order.
#[derive(Clone, Debug, Default)]
pub struct LabelIndex {
    pub defs: Vec<LabelDef>,
}

/// The comparison key of a label name under a profile: ASCII case folded, cut to the
/// significant length.
pub fn key(name: &[u8], profile: Profile) -> Vec<u8> {
    let mut k: Vec<u8> = name.iter().map(|b| b.to_ascii_lowercase()).collect();
    k.truncate(profile.significant_len());
    k
}

impl LabelIndex {
    pub fn build(_source: &Source) -> LabelIndex {
        LabelIndex::default()
    }

    /// The label a jump on physical line `from_line` to `name` reaches: the next matching
    /// definition after that line, else wrapping to the first one from the top.
    pub fn resolve(&self, name: &[u8], from_line: usize, profile: Profile) -> Option<&LabelDef> {
        let want = key(name, profile);
        let matches = |d: &&LabelDef| key(&d.folded, profile) == want;
        self.defs
            .iter()
            .filter(|d| d.line > from_line)
            .find(matches)
            .or_else(|| self.defs.iter().find(matches))
    }
}
