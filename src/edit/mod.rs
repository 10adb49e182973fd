//! Byte-exact edits: the upgrade gate (`smslint gate`, `check --fix`), written atomically.
//!
//! `on` inserts `GOTO END` as a line of its own before the first executable statement (after
//! `@echo off`, leading comments and labels), in the line-ending style of the line it goes
//! before, and appends a marked end label [`END_MARK`] when the script has no `:END`. `off`
//! removes the gate line, and the marked label if there is one: exactly what `on` added, so
//! `off(on(x)) == x` for every script `on` accepts. Every other byte (line endings, encoding,
//! a trailing Ctrl-Z) is kept. `on` checks that round trip before it returns an edit; a
//! script it cannot gate safely is reported, never half-edited.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::source::{LineEnding, Source, Span};
use crate::syntax::labels::{LabelIndex, Profile};

/// The gate `on` inserts.
pub const GATE_LINE: &[u8] = b"GOTO END";
/// The end label `on` appends when the script has none. cmd.exe and COMMAND.COM ignore the
/// words after a label's name; they let `off` tell this label from one the author wrote.
pub const END_MARK: &[u8] = b":END added by smslint gate on";

/// The outcome of [`gate_on`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GateOn {
    /// The new bytes.
    Applied(Vec<u8>),
    /// The script already starts with a gate.
    AlreadyGated,
    /// The script has no executable statement: nothing to gate.
    NothingToGate,
    /// The gate cannot be added safely (why).
    Unsupported(String),
}

/// The outcome of [`gate_off`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GateOff {
    /// The new bytes.
    Removed(Vec<u8>),
    /// The script has no gate.
    NotGated,
    /// The gate cannot be removed safely (why).
    Unsupported(String),
}

/// Where the gate is, for `status`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GateInfo {
    /// 1-based line of the gate.
    pub line: usize,
    /// The gate statement as written.
    pub text: String,
}

fn eol_bytes(e: LineEnding, src: &Source) -> &'static [u8] {
    let e = match e {
        LineEnding::Eof => src.dominant_ending(),
        other => other,
    };
    match e {
        LineEnding::Lf => b"\n",
        _ => b"\r\n",
    }
}

fn only_blanks(bytes: &[u8], extra: &[u8]) -> bool {
    bytes
        .iter()
        .all(|b| matches!(b, b' ' | b'\t') || extra.contains(b))
}

/// Where the trailing Ctrl-Z region starts: the first 0x1A after which only 0x1A, CR and LF
/// follow (the file's length when there is none).
fn tail_start(bytes: &[u8]) -> usize {
    let mut start = bytes.len();
    let mut i = bytes.len();
    while i > 0 && matches!(bytes[i - 1], 0x1A | b'\r' | b'\n') {
        i -= 1;
        if bytes[i] == 0x1A {
            start = i;
        }
    }
    start
}

fn bom_len(src: &Source) -> usize {
    if src.facts().utf8_bom {
        3
    } else {
        0
    }
}

/// The gate of a script's bytes, if it has one.
pub fn gate_status(bytes: &[u8]) -> Option<GateInfo> {
    let src = Source::new(bytes.to_vec());
    let script = crate::syntax::parse(&src);
    let gate = crate::sms::top_gate(&script, &src)?;
    Some(GateInfo {
        line: src.line_of(gate.span.start()),
        text: src.display(gate.span),
    })
}

/// Add the gate. See the module docs.
pub fn gate_on(bytes: &[u8]) -> GateOn {
    let src = Source::new(bytes.to_vec());
    if src.facts().utf16_bom {
        return GateOn::Unsupported(
            "the file is UTF-16; cmd.exe does not run it as a batch file".into(),
        );
    }
    let script = crate::syntax::parse(&src);
    if crate::sms::top_gate(&script, &src).is_some() {
        return GateOn::AlreadyGated;
    }
    let Some(first) = crate::sms::first_executable(&script, &src) else {
        return GateOn::NothingToGate;
    };
    // The first statement of the logical line holding `first`.
    let mut lead = first;
    if let Some(pos) = script.top.iter().position(|&s| s == first) {
        let mut i = pos;
        while i > 0 && script.stmt(script.top[i]).connector != crate::syntax::ast::Connector::None {
            i -= 1;
        }
        lead = script.top[i];
    }
    let start = script.stmt(lead).span.start();
    let line = src.line_of(start);
    let mut at = src.line_full_span(line).start();
    if line == 1 {
        at = at.max(bom_len(&src));
        if bom_len(&src) > 0 {
            return GateOn::Unsupported(
                "the first statement is on the line that starts with a UTF-8 byte-order mark; \
                 cmd.exe would read the mark as part of `GOTO` (remove the BOM first, BAT102)"
                    .into(),
            );
        }
    }
    if at > start || !only_blanks(&bytes[at..start], b"@,;=") {
        return GateOn::Unsupported(format!(
            "the first executable statement (line {line}) does not start its line; add `GOTO END` by hand"
        ));
    }
    let eol = eol_bytes(src.line_ending(line), &src);
    let mut out = Vec::with_capacity(bytes.len() + 48);
    out.extend_from_slice(&bytes[..at]);
    out.extend_from_slice(GATE_LINE);
    out.extend_from_slice(eol);
    out.extend_from_slice(&bytes[at..]);

    let labels = LabelIndex::build(&src);
    // Only an `:END` below the gate counts: GOTO searches forward from the gate first, so an
    // `:END` among the leading labels would send the gate back to itself (an endless loop).
    let has_end = labels.defs.iter().any(|d| {
        // Windows 9x clients must find it too (COMMAND.COM skips `x:END` lines).
        d.line >= line
            && d.found_by(Profile::Win9x)
            && crate::syntax::labels::key(&d.folded, Profile::Nt) == b"end"
    });
    if !has_end {
        let body_end = tail_start(&out);
        let mut add = Vec::new();
        let file_eol = eol_bytes(LineEnding::Eof, &src);
        if body_end == 0 || out[body_end - 1] == b'\n' {
            add.extend_from_slice(END_MARK);
            add.extend_from_slice(file_eol);
        } else {
            // No newline at the end: keep it that way, the label becomes the last line.
            let eol: &[u8] = if out[body_end - 1] == b'\r' {
                b"\r\n"
            } else {
                file_eol
            };
            add.extend_from_slice(eol);
            add.extend_from_slice(END_MARK);
        }
        out.splice(body_end..body_end, add);
    }

    // Check the edit: the script must now be gated, and `off` must give the input back.
    match gate_off(&out) {
        GateOff::Removed(back) if back == bytes => GateOn::Applied(out),
        _ => GateOn::Unsupported(
            "smslint could not add the gate so that `smslint gate off` restores the file exactly; add it by hand".into(),
        ),
    }
}

/// Add the gate (for `check --fix`): `Some(new bytes)` when an edit was made.
pub fn gate_on_bytes(bytes: &[u8]) -> Option<Vec<u8>> {
    match gate_on(bytes) {
        GateOn::Applied(b) => Some(b),
        _ => None,
    }
}

/// Remove the gate. See the module docs.
pub fn gate_off(bytes: &[u8]) -> GateOff {
    let src = Source::new(bytes.to_vec());
    let script = crate::syntax::parse(&src);
    let Some(gate) = crate::sms::top_gate(&script, &src) else {
        return GateOff::NotGated;
    };
    let line = src.line_of(gate.span.start());
    let full = src.line_full_span(line);
    let content = src.line_span(line);
    let from = if line == 1 {
        full.start().max(bom_len(&src))
    } else {
        full.start()
    };
    let gate_end = gate.span.end().min(content.end()).max(gate.span.start());
    if from > gate.span.start()
        || !only_blanks(&bytes[from..gate.span.start()], b"@")
        || !only_blanks(&bytes[gate_end..content.end()], b"")
    {
        return GateOff::Unsupported(format!(
            "the gate on line {line} shares its line with other commands; remove it by hand"
        ));
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..from]);
    out.extend_from_slice(&bytes[full.end()..]);

    // The end label `on` appended, if any: the last line that reads exactly END_MARK.
    let after = Source::new(out.clone());
    let mut marker = None;
    for l in (1..=after.line_count()).rev() {
        let span = after.line_span(l);
        let text = after.slice(span);
        let trimmed_len = text.iter().rposition(|&b| b != 0x1A).map_or(0, |i| i + 1);
        if &text[..trimmed_len] == END_MARK {
            marker = Some((l, span));
            break;
        }
    }
    if let Some((l, span)) = marker {
        let full = after.line_full_span(l);
        let cut = match after.line_ending(l) {
            LineEnding::Eof => {
                let mut s = full.start();
                if s > 0 && out[s - 1] == b'\n' {
                    s -= 1;
                    if s > 0 && out[s - 1] == b'\r' {
                        s -= 1;
                    }
                }
                Span::new(s, span.start() + END_MARK.len())
            }
            _ => full,
        };
        out.drain(cut.range());
    }
    GateOff::Removed(out)
}

/// Write `bytes` to `path` atomically: a temporary file in the same directory, the original
/// file's permissions, then a rename over the original.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let perms = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut tmp = tempfile::Builder::new()
        .prefix(".smslint-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(p) = perms {
        std::fs::set_permissions(tmp.path(), p)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff of two versions of a file, for `--dry-run`.
pub fn unified_diff(path: &str, old: &[u8], new: &[u8]) -> String {
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(x: &[u8]) -> Vec<u8> {
        match gate_on(x) {
            GateOn::Applied(y) => y,
            other => panic!("gate_on({:?}) = {other:?}", String::from_utf8_lossy(x)),
        }
    }

    fn off(y: &[u8]) -> Vec<u8> {
        match gate_off(y) {
            GateOff::Removed(x) => x,
            other => panic!("gate_off({:?}) = {other:?}", String::from_utf8_lossy(y)),
        }
    }

    #[test]
    fn on_inserts_after_echo_off_and_comments_in_the_line_style() {
        let x = b"@echo off\r\nREM logon\r\n:: more\r\nnet use h: \\\\fs\\h\r\n:END\r\n";
        let y = on(x);
        assert_eq!(
            y,
            b"@echo off\r\nREM logon\r\n:: more\r\nGOTO END\r\nnet use h: \\\\fs\\h\r\n:END\r\n"
        );
        assert_eq!(gate_status(&y).map(|g| g.line), Some(4));
        assert_eq!(off(&y), x);
    }

    #[test]
    fn on_appends_a_marked_end_label_when_there_is_none() {
        let x = b"@echo off\ncall %0\\..\\smsls\n";
        let y = on(x);
        assert_eq!(
            y,
            b"@echo off\nGOTO END\ncall %0\\..\\smsls\n:END added by smslint gate on\n"
        );
        assert_eq!(off(&y), x);
    }

    #[test]
    fn no_final_newline_and_trailing_ctrl_z_are_kept() {
        let x = b"@echo off\r\ncall smsls\x1a";
        let y = on(x);
        assert_eq!(
            y,
            b"@echo off\r\nGOTO END\r\ncall smsls\r\n:END added by smslint gate on\x1a"
        );
        assert_eq!(off(&y), x);
        let x = b"call smsls\r\n\x1a";
        let y = on(x);
        assert_eq!(
            y,
            b"GOTO END\r\ncall smsls\r\n:END added by smslint gate on\r\n\x1a"
        );
        assert_eq!(off(&y), x);
    }

    #[test]
    fn an_existing_end_label_is_reused() {
        let x = b"call smsls\r\n:end\r\n";
        assert_eq!(on(x), b"GOTO END\r\ncall smsls\r\n:end\r\n");
    }

    #[test]
    fn an_end_label_above_the_gate_is_not_reused() {
        // Reusing it would make `GOTO END` jump back above itself and loop forever.
        let x = b"@echo off\r\n:END\r\necho x\r\n";
        assert_eq!(
            on(x),
            b"@echo off\r\n:END\r\nGOTO END\r\necho x\r\n:END added by smslint gate on\r\n"
        );
        assert_eq!(off(&on(x)), x);
    }

    #[test]
    fn a_gated_script_is_left_alone_and_off_removes_a_hand_written_gate() {
        let x = b"@echo off\r\ngoto:End\r\ncall smsls\r\n:End\r\n";
        assert_eq!(gate_on(x), GateOn::AlreadyGated);
        assert_eq!(off(x), b"@echo off\r\ncall smsls\r\n:End\r\n");
        assert_eq!(gate_off(b"call smsls\r\n"), GateOff::NotGated);
    }

    #[test]
    fn unsafe_edits_are_refused() {
        assert!(matches!(
            gate_off(b"@echo off & goto end\r\ncall smsls\r\n:end\r\n"),
            GateOff::Unsupported(_) | GateOff::NotGated
        ));
        assert!(matches!(
            gate_on(b"\xff\xfe@\x00e\x00"),
            GateOn::Unsupported(_)
        ));
        assert!(matches!(
            gate_on(b"\xEF\xBB\xBFcall smsls\r\n"),
            GateOn::Unsupported(_)
        ));
        assert_eq!(gate_on(b"REM nothing\r\n\r\n"), GateOn::NothingToGate);
        assert_eq!(gate_on(b""), GateOn::NothingToGate);
    }

    #[test]
    fn a_bom_glued_to_the_first_line_is_refused_with_a_reason() {
        // cmd.exe reads `\xEF\xBB\xBF@echo off` as one unknown command, so the first
        // executable statement is on the BOM line and a GOTO there would not be read either.
        match gate_on(b"\xEF\xBB\xBF@echo off\r\ncall smsls\r\n") {
            GateOn::Unsupported(why) => assert!(why.contains("byte-order mark"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn diff_shows_the_inserted_lines() {
        let d = unified_diff("SMSLS.BAT", b"a\nb\n", b"a\nGOTO END\nb\n");
        assert!(d.contains("--- a/SMSLS.BAT"), "{d}");
        assert!(d.contains("+GOTO END"), "{d}");
    }

    #[test]
    fn atomic_write_keeps_permissions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("SMSLS.BAT");
        std::fs::write(&p, b"old").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        write_atomic(&p, b"new\r\n").expect("atomic write");
        assert_eq!(std::fs::read(&p).expect("read"), b"new\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".smslint-"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
