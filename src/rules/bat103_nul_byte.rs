//! BAT103 nul-byte: NUL bytes (UTF-16 text or binary data).

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Ctx, Rule};
use crate::source::Span;

pub static RULE: Rule = Rule {
    code: "BAT103",
    name: "nul-byte",
    severity: Severity::Error,
    summary: "The file contains NUL bytes (UTF-16 or binary); cmd.exe stops reading at the first one",
    what: "Reports the first NUL (0x00) byte of a file, with the number of NUL bytes, and says \
           when the file starts with a UTF-16 byte order mark (FF FE or FE FF). NULs with \
           nothing after them but more NULs, Ctrl-Z, blanks and line ends (an old editor's \
           padding of the last record) are not reported: nothing is left to run; nor NULs that \
           all stand alone after an `echo` (`echo <NUL>`, the MS-DOS idiom for an empty line: \
           COMMAND.COM reads NUL as an ordinary byte, and the file was written for it); nor a \
           UTF-16 file written for another program that reads UTF-16 (comment lines starting \
           with `;` and none with `rem` or `::`, or a note that it must stay UTF-16).",
    why: "cmd.exe reads a batch file as 8-bit text and treats a NUL byte as the end of the \
          file: everything after the first NUL is never run. A script saved as \"Unicode\" \
          (UTF-16) has a NUL after almost every character, so cmd.exe reads only the byte \
          order mark and the first character, and prints a garbage-character error; the rest of the logon script, \
          including any SMS client installation, silently does not happen.",
    example: "FF FE 40 00 65 00 63 00 68 00 6F 00 … (\"@echo off\" saved as Unicode)",
    fix: "40 65 63 68 6F 20 6F 66 66 0D 0A … (the same text saved as ANSI / OEM)",
    sources: &[
        "cmd-semantics §1.1 (Chen-UTF16: Raymond Chen, \"Diagnosing why your batch file prints a garbage character\")",
        "cmd-semantics T58",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let facts = ctx.source.facts();
    let Some(&first) = facts.nul.first() else {
        return;
    };
    // Padding after the last line (old editors filled the last record with NULs and Ctrl-Z):
    // cmd.exe stops there, but nothing is left to run.
    let padding = ctx.source.bytes()[first..]
        .iter()
        .all(|&b| matches!(b, 0 | 0x1a | b'\r' | b'\n' | b' ' | b'\t'));
    if padding && !facts.utf16_bom {
        return;
    }
    if !facts.utf16_bom && all_dos_blank_echoes(ctx.source.bytes(), &facts.nul) {
        return;
    }
    if facts.utf16_bom && other_programs_script(ctx.source.bytes()) {
        return;
    }
    let n = facts.nul.len();
    let line = ctx.source.line_of(first);
    let (message, help) = if facts.utf16_bom {
        (
            format!(
                "the file is UTF-16 encoded ({n} NUL bytes): cmd.exe stops reading at the first \
                 NUL, on line {line}: it sees only the byte order mark and the script's first \
                 character, so none of the script runs"
            ),
            "save the file as ANSI / OEM text, not as \"Unicode\" (UTF-16)",
        )
    } else {
        (
            format!(
                "NUL byte on line {line} ({n} in the file): cmd.exe treats it as the end of the \
                 file and never runs anything after it"
            ),
            "remove the NUL bytes; a batch file must be plain 8-bit text",
        )
    };
    out.push(
        RULE.diag(Span::new(first, first + 1), message)
            .with_label("cmd.exe stops reading here")
            .with_help(help),
    );
}

/// A UTF-16 file written for another program's interpreter that reads UTF-16 (a native
/// boot-time shell's script): its comment lines start with `;` (which cmd.exe would run as
/// commands) and none with `rem` or `::`, or its text says it must stay Unicode.
fn other_programs_script(bytes: &[u8]) -> bool {
    // The ASCII characters of the text: every byte beside a NUL of its UTF-16 pair (the BOM
    // tells the order).
    let le = bytes.starts_with(&[0xFF, 0xFE]);
    let text: Vec<u8> = bytes[2..]
        .chunks_exact(2)
        .filter_map(|c| {
            let (lo, hi) = if le { (c[0], c[1]) } else { (c[1], c[0]) };
            (hi == 0 && lo < 0x80).then_some(lo.to_ascii_lowercase())
        })
        .collect();
    let (mut semicolon, mut batch) = (0, 0);
    for line in text.split(|&b| b == b'\n') {
        let line = line.trim_ascii_start();
        if line.starts_with(b";") {
            semicolon += 1;
        } else if line.starts_with(b"::") || line.starts_with(b"rem ") || line == b"rem" {
            batch += 1;
        }
    }
    let says_unicode = |w: &[u8]| text.windows(w.len()).any(|x| x == w);
    (semicolon >= 2 && batch == 0) || says_unicode(b"utf-16")
}

/// Every NUL (at `nul`, in order) stands on a line of the DOS idiom for an empty line:
/// `echo` and a blank, then only NULs up to the line end (`echo <NUL>`, in installers of the
/// MS-DOS era). COMMAND.COM reads a NUL as an ordinary byte (only Ctrl-Z ends a batch file
/// there), so the line prints an empty line and the file goes on; a file of that idiom was
/// written for DOS. Each line is read once, however many NULs it holds.
fn all_dos_blank_echoes(bytes: &[u8], nul: &[usize]) -> bool {
    let mut line_end = 0;
    nul.iter().all(|&at| {
        if at < line_end {
            return true;
        }
        line_end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |p| at + p);
        dos_blank_echo(bytes, at, line_end)
    })
}

/// The line holding the NUL at `at` (and ending at `end`) is `echo`, blanks, then NULs.
fn dos_blank_echo(bytes: &[u8], at: usize, end: usize) -> bool {
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |p| p + 1);
    let line = &bytes[start..end];
    let text = line.trim_ascii_start();
    let text = text.strip_prefix(b"@").unwrap_or(text);
    let Some(rest) = text
        .get(..4)
        .filter(|w| w.eq_ignore_ascii_case(b"echo"))
        .map(|_| &text[4..])
    else {
        return false;
    };
    let rest = rest.trim_ascii_start();
    !rest.is_empty() && rest.iter().all(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::all_dos_blank_echoes;

    fn nuls(b: &[u8]) -> Vec<usize> {
        b.iter()
            .enumerate()
            .filter(|&(_, &c)| c == 0)
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn the_blank_line_idiom_is_every_nul_after_an_echo() {
        let ok = b"echo off\r\necho \0\0\0\r\n@ECHO\0\r\necho done\r\n";
        assert!(all_dos_blank_echoes(ok, &nuls(ok)));
        // A NUL inside a command, or text after the NULs, is no such line.
        for bad in [
            &b"echo \0\r\ncopy a\0 b\r\n"[..],
            b"echo \0x\r\n",
            b"\0echo\r\n",
            b"echos \0\r\n",
        ] {
            assert!(!all_dos_blank_echoes(bad, &nuls(bad)), "{bad:?}");
        }
    }
}
