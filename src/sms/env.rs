//! The client environment a script sets up, as the SMS client sees it: network drives mapped
//! with `net use`, PATH settings and their entries, `reg add` writes to the environment keys.
//! Read from the parsed [`Script`]; source order, no flow.

use crate::source::{Source, Span};
use crate::syntax::ast::{Script, Simple, StmtId, StmtKind, Word};

use super::program_name_is;

/// A drive letter mapped to a network share by `net use X: \\server\share` (or the glued
/// `net use X:\\server\share`), and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MappedDrive {
    pub stmt: StmtId,
    /// Upper-case drive letter.
    pub letter: u8,
    /// The `X:` bytes.
    pub span: Span,
}

fn text<'a>(source: &'a Source, w: &Word) -> &'a [u8] {
    source.slice(w.span)
}

/// `X:` (a letter and a colon) at the start of `b`: the upper-case letter.
fn drive_prefix(b: &[u8]) -> Option<u8> {
    match b {
        [l, b':', ..] if l.is_ascii_alphabetic() => Some(l.to_ascii_uppercase()),
        _ => None,
    }
}

/// The plain commands of `script` that run `program` (`net`, `reg`), in source order.
fn commands_of<'a>(
    script: &'a Script,
    source: &'a Source,
    program: &'a str,
) -> impl Iterator<Item = (StmtId, &'a Simple)> + 'a {
    script
        .ids()
        .filter_map(move |id| match &script.stmt(id).kind {
            StmtKind::Simple(s) if program_name_is(text(source, &s.name), program) => Some((id, s)),
            _ => None,
        })
}

/// Every `net use X: …` that maps a drive letter to a share (not `/delete`), in source order.
pub fn mapped_drives(script: &Script, source: &Source) -> Vec<MappedDrive> {
    let mut out = Vec::new();
    for (id, s) in commands_of(script, source, "net") {
        let Some((first, rest)) = s.args.split_first() else {
            continue;
        };
        if !text(source, first).eq_ignore_ascii_case(b"use") {
            continue;
        }
        let Some(dw) = rest.first() else {
            continue;
        };
        let d = text(source, dw);
        let Some(letter) = drive_prefix(d) else {
            continue;
        };
        // `X:` alone, then a share; or `X:\\server\share` glued.
        let glued_share = d.len() > 2 && d[2..].starts_with(b"\\\\");
        let share_next = d.len() == 2
            && rest.get(1).is_some_and(|w| {
                text(source, w).trim_ascii_start().starts_with(b"\\\\")
                    || text(source, w).starts_with(b"\"\\\\")
            });
        let deletes = rest.iter().any(|w| {
            let t = text(source, w);
            t.len() >= 2 && t[0] == b'/' && (t[1] | 0x20) == b'd'
        });
        if (glued_share || share_next) && !deletes {
            out.push(MappedDrive {
                stmt: id,
                letter,
                span: Span::new(dw.span.start(), dw.span.start() + 2),
            });
        }
    }
    out
}

/// A statement that sets PATH: `path …` / `path=…` or `set PATH=…`, with the span of the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathSetting {
    pub stmt: StmtId,
    pub value: Span,
}

/// Every PATH setting, in source order. `path` alone (which prints PATH) is not one.
pub fn path_settings(script: &Script, source: &Source) -> Vec<PathSetting> {
    let mut out = Vec::new();
    for id in script.ids() {
        match &script.stmt(id).kind {
            StmtKind::Simple(s) => {
                if !text(source, &s.name).eq_ignore_ascii_case(b"path") {
                    continue;
                }
                let (Some(first), Some(last)) = (s.args.first(), s.args.last()) else {
                    continue;
                };
                // `path ;` clears PATH: not a list of entries.
                out.push(PathSetting {
                    stmt: id,
                    value: Span::new(first.span.start(), last.span.end()),
                });
            }
            StmtKind::Set(set) => {
                if set.kind != crate::syntax::ast::SetKind::Assign {
                    continue;
                }
                let (Some(name), Some(value)) = (set.name, set.value) else {
                    continue;
                };
                if source.slice(name).eq_ignore_ascii_case(b"path") {
                    out.push(PathSetting { stmt: id, value });
                }
            }
            _ => {}
        }
    }
    out
}

/// The entries of a PATH value: split at `;`, surrounding spaces and quotes dropped, empty
/// entries skipped.
pub fn path_entries(source: &Source, value: Span) -> Vec<Span> {
    let b = source.slice(value);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=b.len() {
        if i == b.len() || b[i] == b';' {
            let mut s = start;
            let mut e = i;
            while s < e && matches!(b[s], b' ' | b'\t' | b'"') {
                s += 1;
            }
            while e > s && matches!(b[e - 1], b' ' | b'\t' | b'"' | b'\r') {
                e -= 1;
            }
            if e > s {
                out.push(Span::new(value.start() + s, value.start() + e));
            }
            start = i + 1;
        }
    }
    out
}

/// What makes a PATH entry a network location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkEntry {
    /// `\\server\share…`
    Unc,
    /// `X:…` on a drive the script mapped with `net use` earlier.
    MappedDrive(u8),
}

/// Whether the PATH entry `entry` (bytes) is on the network: a literal UNC path, or a drive in
/// `mapped` (letters mapped before the PATH setting).
pub fn network_entry(entry: &[u8], mapped: &[u8]) -> Option<NetworkEntry> {
    if entry.starts_with(b"\\\\") && entry.len() > 2 && entry[2] != b'?' && entry[2] != b'.' {
        return Some(NetworkEntry::Unc);
    }
    let l = drive_prefix(entry)?;
    mapped.contains(&l).then_some(NetworkEntry::MappedDrive(l))
}

/// The drive letters mapped by `net use` before byte `offset`.
pub fn mapped_before(drives: &[MappedDrive], offset: usize) -> Vec<u8> {
    drives
        .iter()
        .filter(|d| d.span.start() < offset)
        .map(|d| d.letter)
        .collect()
}

/// A `reg add` (REG.EXE) writing a TEMP or TMP value: the statement, the data word, and whether
/// the type is REG_SZ (given, or the default when `/t` is absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegTempWrite {
    pub stmt: StmtId,
    pub data: Span,
    pub reg_sz: bool,
}

/// Every `reg add <key> /v temp|tmp … /d <data>` whose key names an `Environment` key.
pub fn reg_temp_writes(script: &Script, source: &Source) -> Vec<RegTempWrite> {
    let mut out = Vec::new();
    for (id, s) in commands_of(script, source, "reg") {
        let args = &s.args;
        if !args
            .first()
            .is_some_and(|w| text(source, w).eq_ignore_ascii_case(b"add"))
        {
            continue;
        }
        let key_is_env = args.get(1).is_some_and(|w| {
            let t = text(source, w).to_ascii_lowercase();
            t.windows(11).any(|x| x == b"environment")
        });
        if !key_is_env {
            continue;
        }
        let after = |flag: &[u8]| -> Option<&Word> {
            let i = args
                .iter()
                .position(|w| text(source, w).eq_ignore_ascii_case(flag))?;
            args.get(i + 1)
        };
        let Some(v) = after(b"/v") else {
            continue;
        };
        let name: Vec<u8> = text(source, v)
            .iter()
            .filter(|&&b| b != b'"')
            .map(u8::to_ascii_lowercase)
            .collect();
        if name != b"temp" && name != b"tmp" {
            continue;
        }
        let Some(d) = after(b"/d") else {
            continue;
        };
        let reg_sz = match after(b"/t") {
            None => true,
            Some(t) => text(source, t).eq_ignore_ascii_case(b"reg_sz"),
        };
        out.push(RegTempWrite {
            stmt: id,
            data: d.span,
            reg_sz,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> (Script, Source) {
        let source = Source::new(text.to_vec());
        (crate::syntax::parse(&source), source)
    }

    #[test]
    fn net_use_maps_drives() {
        let (s, src) = parse(
            b"net use g:\\\\srv\\share\r\nnet use P: \\\\fs\\apps\r\nnet use q: /delete\r\nnet use * \\\\x\\y\r\nNET USE h: /home\r\n",
        );
        let got: Vec<u8> = mapped_drives(&s, &src).iter().map(|d| d.letter).collect();
        assert_eq!(got, b"GP");
    }

    #[test]
    fn path_entries_split_and_classify() {
        let (s, src) = parse(b"path %PATH%;P:\\BIN; \"\\\\srv\\tools\" \r\nset PATH=c:\\x\r\n");
        let settings = path_settings(&s, &src);
        assert_eq!(settings.len(), 2);
        let entries: Vec<Vec<u8>> = path_entries(&src, settings[0].value)
            .iter()
            .map(|e| src.slice(*e).to_vec())
            .collect();
        assert_eq!(entries, [&b"%PATH%"[..], b"P:\\BIN", b"\\\\srv\\tools"]);
        assert_eq!(
            network_entry(b"P:\\BIN", b"P"),
            Some(NetworkEntry::MappedDrive(b'P'))
        );
        assert_eq!(network_entry(b"P:\\BIN", b"Q"), None);
        assert_eq!(
            network_entry(b"\\\\srv\\tools", b""),
            Some(NetworkEntry::Unc)
        );
        assert_eq!(network_entry(b"%0\\..", b""), None);
    }

    #[test]
    fn reg_add_temp_writes() {
        let (s, src) = parse(
            b"reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment\" /v temp /t REG_SZ /d %%SystemDrive%%\\temp /f\r\nreg add HKCU\\Environment /v TMP /t REG_EXPAND_SZ /d %%SystemDrive%%\\temp\r\nreg add HKCU\\Software\\x /v temp /d y\r\n",
        );
        let w = reg_temp_writes(&s, &src);
        assert_eq!(w.len(), 2);
        assert!(w[0].reg_sz);
        assert!(!w[1].reg_sz);
    }
}

/// `%%Name%%` in batch-file text: a doubled `%` around a variable name (two or more name
/// characters, so `%%i` for-variables are not it), which the batch parser turns into a
/// literal, unexpanded `%Name%`.
pub fn literal_percent_name(b: &[u8]) -> bool {
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'%' && b[i + 1] == b'%' {
            let start = i + 2;
            let mut j = start;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
            if j - start >= 2 && b[j..].starts_with(b"%%") {
                return true;
            }
            i = j.max(i + 2);
        } else {
            i += 1;
        }
    }
    false
}

#[test]
fn literal_percent_names() {
    assert!(literal_percent_name(b"%%SystemDrive%%\\temp"));
    assert!(!literal_percent_name(b"%%i"));
    assert!(!literal_percent_name(b"%SystemDrive%\\temp"));
    assert!(!literal_percent_name(b"%%a%%b"));
}

/// A `/NAME=VALUE` parameter of CLITRAVL (`/TRAVEL=ON`, `/PROMPT=OFF`), by spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwitchParam {
    /// From the `/` to the end of the value.
    pub span: Span,
    /// The name after `/`.
    pub name: Span,
    /// The value after `=` (empty when there is none).
    pub value: Span,
}

/// The `/NAME=VALUE` parameters of an invocation's arguments (cmd splits them at `=`, so they
/// are read from the bytes of the arguments).
pub fn switch_params(source: &Source, args: &[Word]) -> Vec<SwitchParam> {
    let (Some(first), Some(last)) = (args.first(), args.last()) else {
        return Vec::new();
    };
    let base = first.span.start();
    let b = source.slice(Span::new(base, last.span.end()));
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'/' {
            i += 1;
            continue;
        }
        let ns = i + 1;
        let mut j = ns;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        let name = Span::new(base + ns, base + j);
        let mut k = j;
        while k < b.len() && matches!(b[k], b' ' | b'\t') {
            k += 1;
        }
        let mut value = Span::empty(base + j);
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && matches!(b[k], b' ' | b'\t') {
                k += 1;
            }
            let vs = k;
            while k < b.len() && b[k].is_ascii_alphanumeric() {
                k += 1;
            }
            value = Span::new(base + vs, base + k);
            j = k;
        }
        if !name.is_empty() {
            out.push(SwitchParam {
                span: Span::new(base + i, value.end().max(name.end())),
                name,
                value,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// The `/NAME=VALUE` switches of every CLITRAVL run, with the invocation (Q199114, Q276531,
/// Q324721).
pub fn clitravl_switches<'a>(
    script: &'a crate::syntax::ast::Script,
    source: &'a Source,
    invocations: &'a [super::Invocation],
) -> impl Iterator<Item = (&'a super::Invocation, SwitchParam)> + 'a {
    invocations
        .iter()
        .filter(|i| i.name == "clitravl")
        .flat_map(move |i| {
            switch_params(source, i.args(script))
                .into_iter()
                .map(move |p| (i, p))
        })
}
