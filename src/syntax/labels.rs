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

/// A label-name stop byte on the GOTO scanner's side.
fn is_label_stop(b: u8) -> bool {
    crate::syntax::parse::is_delim(b)
        || matches!(b, b':' | b'+' | b'&' | b'|' | b'<' | b'>' | b'\r' | b'\n')
}

fn scan_label(bytes: &[u8], start: usize, end: usize, line: usize) -> Option<LabelDef> {
    let mut p = start;
    while p < end && crate::syntax::parse::is_delim(bytes[p]) {
        p += 1;
    }
    if p >= end || bytes[p] != b':' {
        return None;
    }
    let colon = p;
    p += 1;
    while p < end && crate::syntax::parse::is_delim(bytes[p]) {
        p += 1;
    }
    let name_start = p;
    let mut folded = Vec::new();
    while p < end {
        let b = bytes[p];
        if is_label_stop(b) {
            break;
        }
        if b == b'^' {
            if p + 1 < end && bytes[p + 1] != b'\r' {
                folded.push(bytes[p + 1].to_ascii_lowercase());
                p += 2;
            } else {
                p += 1;
            }
            continue;
        }
        folded.push(b.to_ascii_lowercase());
        p += 1;
    }
    if folded.is_empty() {
        return None;
    }
    Some(LabelDef {
        line,
        colon: Span::new(colon, colon + 1),
        name: Span::new(name_start, p),
        folded,
    })
}

impl LabelIndex {
    /// Scan the physical lines as cmd.exe's GOTO/CALL label search reads them: a line whose
    /// first non-delimiter byte is `:` defines the name after it (delimiters after the colon
    /// skipped; the name ends at a delimiter, `:`, `+`, `&`, `|`, `<`, `>`, CR or LF; `^x`
    /// contributes `x`). Ctrl-Z is an ordinary byte here; reading stops at the first NUL.
    /// `::x` and `:` followed by a stop byte define nothing.
    pub fn build(source: &Source) -> LabelIndex {
        let bytes = source.bytes();
        let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        let mut defs = Vec::new();
        for (i, &start) in source.line_starts().iter().enumerate() {
            if start >= end {
                break;
            }
            let line_end = bytes[start..end]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(end, |p| start + p);
            if let Some(def) = scan_label(bytes, start, line_end, i + 1) {
                defs.push(def);
            }
        }
        LabelIndex { defs }
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
