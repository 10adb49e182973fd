//! BAT102 utf8-bom: the file starts with a UTF-8 byte order mark.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;

pub static RULE: Rule = Rule {
    code: "BAT102",
    name: "utf8-bom",
    severity: Severity::Error,
    summary: "The file starts with a UTF-8 byte order mark",
    what: "Reports a file whose first three bytes are EF BB BF (a UTF-8 BOM, as written by \
           Notepad's \"UTF-8\" and many editors). Reported on line 1. Not reported when the \
           first line is blank, a comment (`::`, `rem`, `REM:`) or `cls`: the BOM then costs one \
           error line and nothing the script says is lost; nor when the first line's output \
           and errors go to NUL and the second line runs the same command again (`chcp 1258 \
           >nul 2>&1` then `chcp 65001 >nul 2>&1`: a throw-away first line, whose error is not \
           shown and whose loss changes nothing).",
    why: "cmd.exe reads batch files in the console's OEM code page and does not skip a BOM: \
          the three bytes become part of the first command. `<BOM>@echo off` is run as the \
          command `∩╗┐@echo`, which fails with \"'∩╗┐@echo' is not recognized as an internal or \
          external command\", and ECHO stays on for the whole script, so every command is \
          shown in the user's logon window. A BOM before a `:label` on line 1 means that label \
          does not exist. COMMAND.COM on Windows 9x behaves the same way.",
    example: "<EF BB BF>@echo off\ncall %0\\..\\smsls\n",
    fix: "@echo off\ncall %0\\..\\smsls\n\n(save the file as ANSI/OEM text, \"UTF-8 without BOM\" only if it is pure ASCII)",
    sources: &[
        "cmd-semantics §1.1 (BuildXL-376, msbuild-4271: \"cmd.exe emits an error when trying to execute a file that starts with a BOM\")",
        "cmd-semantics T57",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.source.facts().utf8_bom || harmless_first_line(ctx.source.bytes()) {
        return;
    }
    out.push(
        RULE.diag(Span::new(0, 3), message(ctx.source.bytes()))
            .with_label("UTF-8 byte order mark (EF BB BF)")
            .with_help("save the file without a BOM (ANSI / OEM code page text)")
            .about_whole_file(),
    );
}

/// The first line after the BOM is blank, a comment (`::`, `rem`) or `cls`: cmd.exe prints
/// one "not recognized" line for it and then runs the script as written, so nothing the
/// author wrote is lost (ECHO OFF, a label and every command still work).
fn harmless_first_line(bytes: &[u8]) -> bool {
    let rest = bytes.get(3..).unwrap_or_default();
    let line = &rest[..memchr::memchr2(b'\r', b'\n', rest).unwrap_or(rest.len())];
    let line = line.trim_ascii();
    let line = line.strip_prefix(b"@").unwrap_or(line);
    let word_end = line
        .iter()
        .position(|&b| crate::syntax::parse::is_delim(b) || matches!(b, b'&' | b'|' | b'<' | b'>'))
        .unwrap_or(line.len());
    let (word, after) = line.split_at(word_end);
    let joined = after.iter().any(|&b| matches!(b, b'&' | b'|'));
    // `rem`, or `REM:` / `rem.` / `rem/` with the note glued on: a comment either way.
    let rem = word.len() >= 3
        && word[..3].eq_ignore_ascii_case(b"rem")
        && word.get(3).map_or(true, |b| {
            matches!(b, b'.' | b':' | b'/' | b'\\' | b'+' | b'[')
        });
    line.is_empty()
        || line.starts_with(b"::")
        || (rem && !joined && !after.contains(&b'>'))
        || (word.eq_ignore_ascii_case(b"cls") && after.trim_ascii().is_empty())
        || (silenced(after) && !chained(after) && next_line_runs(rest, word))
}

/// Another command joined on the line (`&`, `|`, but not the `>&` of `2>&1`).
fn chained(after: &[u8]) -> bool {
    after
        .iter()
        .enumerate()
        .any(|(k, &b)| b == b'|' || (b == b'&' && (k == 0 || after[k - 1] != b'>')))
}

/// `>nul 2>&1` (or `2>nul`) on the line: the "not recognized" error is not shown.
fn silenced(after: &[u8]) -> bool {
    let a = after.to_ascii_lowercase();
    let has = |w: &[u8]| a.windows(w.len()).any(|x| x == w);
    (has(b">nul") || has(b"> nul")) && (has(b"2>&1") || has(b"2>nul") || has(b"2> nul"))
}

/// The second line runs the first line's command again (`<BOM>chcp 1258 >nul 2>&1` then
/// `chcp 65001 >nul 2>&1`): the author's throw-away first line, whose loss changes nothing.
fn next_line_runs(rest: &[u8], word: &[u8]) -> bool {
    let Some(end) = memchr::memchr(b'\n', rest) else {
        return false;
    };
    let next = &rest[end + 1..];
    let next = &next[..memchr::memchr2(b'\r', b'\n', next).unwrap_or(next.len())];
    let next = next.trim_ascii();
    let next = next.strip_prefix(b"@").unwrap_or(next);
    !word.is_empty()
        && next.len() > word.len()
        && next[..word.len()].eq_ignore_ascii_case(word)
        && crate::syntax::parse::is_delim(next[word.len()])
}

/// What the BOM does to the first line: cmd.exe reads its three bytes (`∩╗┐` in the OEM code
/// page) glued to the first word of the line.
fn message(bytes: &[u8]) -> String {
    let rest = bytes.get(3..).unwrap_or_default();
    let line = &rest[..memchr::memchr2(b'\r', b'\n', rest).unwrap_or(rest.len())];
    let word_end = line
        .iter()
        .position(|&b| crate::syntax::parse::is_delim(b) || matches!(b, b'&' | b'|' | b'<' | b'>'))
        .unwrap_or(line.len());
    let word = &line[..word_end];
    let after = line[word_end..]
        .iter()
        .position(|&b| !crate::syntax::parse::is_delim(b))
        .map_or(&[][..], |i| &line[word_end + i..]);
    if word.is_empty() {
        // A line that starts with a blank (a blank line is not reported).
        return "the file starts with a UTF-8 BOM: cmd.exe reads it as the command of the \
                first line and the rest of the line as its arguments (\"'∩╗┐' is not \
                recognized as an internal or external command\"), so the first line does not \
                run"
        .to_string();
    }
    let echo_off = (word.eq_ignore_ascii_case(b"@echo") || word.eq_ignore_ascii_case(b"echo"))
        && after.len() >= 3
        && after[..3].eq_ignore_ascii_case(b"off");
    let shown: String = String::from_utf8_lossy(&word[..word.len().min(24)]).into_owned();
    if echo_off {
        format!(
            "the file starts with a UTF-8 BOM: cmd.exe runs it as part of the first command \
             (\"'∩╗┐{shown}' is not recognized as an internal or external command\") and \
             `{shown} off` never takes effect"
        )
    } else if word.starts_with(b":") && !word.starts_with(b"::") {
        format!(
            "the file starts with a UTF-8 BOM: cmd.exe reads the first line as a command \
             (\"'∩╗┐{shown}' is not recognized as an internal or external command\"), and \
             `{shown}` on it is no label a GOTO or CALL can find"
        )
    } else {
        format!(
            "the file starts with a UTF-8 BOM: cmd.exe runs it as part of the first command \
             (\"'∩╗┐{shown}' is not recognized as an internal or external command\"), so the \
             first line does not run as written"
        )
    }
}
