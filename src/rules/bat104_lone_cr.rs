//! BAT104 lone-cr: a CR not followed by LF joins two lines into one command.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{is_delim, snippet};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "BAT104",
    name: "lone-cr",
    severity: Severity::Error,
    summary: "A bare CR (no LF) inside a line: cmd.exe deletes it and joins the text around it",
    what: "Reports CR (0x0D) bytes that are not part of a CR LF pair and are followed, after any \
           further CRs, by more text on the same physical line, when deleting it changes what \
           runs: it glues two words together, or the text after it starts like a command of \
           its own (`call`, `echo`, `@`, `:`, a `.exe`/`.bat`/`.cmd` name, …). A CR between a \
           delimiter and an argument of the same command joins exactly what was meant and is \
           not reported, nor is one inside a REM or `::` comment unless the text after it starts like a command. A file with CR-only (classic Mac) line endings is reported once. CRs right before an LF or at the end of the file \
           are harmless (cmd.exe deletes them) and are not reported, nor is a CR at the start \
           of a line (after blanks only: a file with LF CR line ends), which joins nothing; \
           the label search skips it too, as it skips any first byte of a line. Nor is a CR \
           after the first NUL byte, where cmd.exe stops reading (BAT103).",
    why: "cmd.exe ends a line only at LF; it deletes every CR before it parses the line. Text \
          that looks like two lines in an editor, `echo a<CR>echo b`, is therefore run as the \
          single command `echo aecho b`, and a whole file with CR-only line endings is one long \
          line: the logon script does nothing useful, and labels in it cannot be found.",
    example: "net use h: \\\\server\\home<CR>call %0\\..\\smsls<CR><LF>",
    fix: "net use h: \\\\server\\home<CR><LF>call %0\\..\\smsls<CR><LF>",
    sources: &[
        "cmd-semantics §1.1 (DT-3587: phase 1.5 removes all CR; SO-parse: a line is read through the first LF)",
        "cmd-semantics T47, T54",
    ],
    check: Some(check),
    opt_in: None,
};

/// Commands that, standing right after a CR, show the author meant a new line.
const COMMANDS: &[&str] = &[
    "call", "set", "goto", "if", "echo", "rem", "for", "exit", "start", "cd", "chdir", "copy",
    "xcopy", "del", "erase", "md", "mkdir", "rd", "rmdir", "move", "ren", "rename", "net", "pushd",
    "popd", "setlocal", "endlocal", "cls", "pause", "title", "type", "shift", "cmd", "reg",
    "regedit", "attrib", "path", "prompt",
];

/// Does deleting the CR at `i` change what cmd.exe runs? It does when it glues two words
/// together (`\\srv\home<CR>call`), or when the text after it starts like a command of its
/// own (`echo a <CR>echo b`). A CR next to a delimiter before an argument of the same command
/// (`sc create svc <CR>binPath= …`) joins exactly what the author wrote.
fn join_changes_meaning(bytes: &[u8], i: usize) -> bool {
    // At the start of a line (after blanks only: LF CR line ends) the CR joins nothing.
    // (Backwards over blanks only, so a long line of CRs stays linear.)
    let first_text = bytes[..i].iter().rposition(|&b| !matches!(b, b' ' | b'\t'));
    if first_text.map_or(true, |p| bytes[p] == b'\n') {
        return false;
    }
    let before = i.checked_sub(1).map(|p| bytes[p]);
    let rest = &bytes[i + 1..];
    let rest = &rest[rest.iter().position(|&b| b != b'\r').unwrap_or(rest.len())..];
    let after = rest.first().copied();
    let word_byte = |b: Option<u8>| b.is_some_and(|b| !is_delim(b) && b != b'\n');
    (word_byte(before) && word_byte(after)) || starts_command(bytes, i)
}

/// The text after the CR at `i` (and any CRs after it) starts like a command of its own:
/// `@`, `:`, a command word or a program file name.
fn starts_command(bytes: &[u8], i: usize) -> bool {
    let rest = &bytes[i + 1..];
    let rest = &rest[rest.iter().position(|&b| b != b'\r').unwrap_or(rest.len())..];
    let s = &rest[rest
        .iter()
        .position(|&b| !is_delim(b))
        .unwrap_or(rest.len())..];
    if matches!(s.first(), Some(b'@' | b':')) {
        return true;
    }
    let end = s
        .iter()
        .position(|&b| is_delim(b) || matches!(b, b'\r' | b'\n' | b'&' | b'|' | b'<' | b'>'))
        .unwrap_or(s.len());
    let word = s[..end].to_ascii_lowercase();
    COMMANDS.iter().any(|c| c.as_bytes() == word.as_slice())
        || [".exe", ".bat", ".cmd", ".com"]
            .iter()
            .any(|x| word.len() > x.len() && word.ends_with(x.as_bytes()))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let bytes = src.bytes();
    let facts = src.facts();
    // cmd.exe stops reading at the first NUL (BAT103): nothing after it runs.
    let nul = facts.nul.first().copied().unwrap_or(usize::MAX);
    // A CR joins text when the next byte that is not a CR exists and is not an LF (nor the
    // first NUL, where reading stops: `FF FE 0D 00` in a UTF-16 file). A run of CRs shares
    // one answer, so the scan is linear.
    let mut memo: (usize, bool) = (0, false);
    let mut harmful = |i: usize| {
        if i < memo.0 {
            return memo.1;
        }
        let end = bytes[i..]
            .iter()
            .position(|&b| b != b'\r')
            .map_or(bytes.len(), |p| i + p);
        memo = (end, end < bytes.len().min(nul) && bytes[end] != b'\n');
        memo.1
    };
    if facts.crlf_lines + facts.lf_lines == 0 {
        if let Some(&first) = facts
            .lone_cr
            .iter()
            .take_while(|&&i| i < nul)
            .find(|&&i| harmful(i))
        {
            let n = facts.lone_cr.len();
            out.push(
                RULE.diag(
                    Span::new(first, first + 1),
                    format!(
                        "the file uses CR-only line endings ({n} CRs, no LF): cmd.exe deletes \
                         every CR and reads the whole file as one single command line"
                    ),
                )
                .with_label("CR without LF")
                .with_help("convert the file to CR LF line endings"),
            );
        }
        return;
    }
    // One judgement per run of CRs (at its first CR), so a run costs its length once.
    let mut last_line = 0;
    for &i in facts.lone_cr.iter().take_while(|&&i| i < nul) {
        if i > 0 && bytes[i - 1] == b'\r' {
            continue;
        }
        let line = src.line_of(i);
        if line == last_line
            || !harmful(i)
            || !join_changes_meaning(bytes, i)
            || (in_comment(ctx, i) && !starts_command(bytes, i))
        {
            continue;
        }
        last_line = line;
        let ls = src.line_span(line);
        let before = snippet(src, Span::new(ls.start(), i), 40, true);
        let after_end = bytes[i + 1..ls.end().max(i + 1)]
            .iter()
            .position(|&b| b == b'\r')
            .map_or(ls.end(), |p| i + 1 + p);
        let after = snippet(src, Span::new(i + 1, after_end.max(i + 1)), 40, false);
        out.push(
            RULE.diag(
                Span::new(i, i + 1),
                if in_comment(ctx, i) {
                    format!(
                        "bare CR on line {line}: cmd.exe does not end the line here but deletes \
                         the CR, so `{after}` is part of the comment `{}` and never runs",
                        before.trim_start(),
                    )
                } else {
                    format!(
                        "bare CR on line {line}: cmd.exe does not end the line here but deletes \
                         the CR, so `{}` and `{after}` run as one command",
                        before.trim_start(),
                    )
                },
            )
            .with_label("CR without LF")
            .with_help("put a real line break (CR LF) here, or remove the CR"),
        );
    }
}

/// Offset `i` lies inside a REM or `::` comment (or a label's ignored text): glued words
/// there change nothing; only a command the author may have meant as a line of its own is
/// lost.
fn in_comment(ctx: &Ctx<'_>, i: usize) -> bool {
    let stmts = &ctx.script.stmts;
    let k = stmts.partition_point(|s| s.span.start() <= i);
    k > 0
        && matches!(stmts[k - 1].kind, StmtKind::Comment(_) | StmtKind::Label(_))
        && i < stmts[k - 1].span.end()
}
