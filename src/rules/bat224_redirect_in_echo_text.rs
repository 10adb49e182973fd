//! BAT224 redirect-in-echo-text: `echo Usage: copy.bat <source>` or `echo 1 -> Install`:
//! the `<` or the arrow's `>` is a redirection, and the message is never shown.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{snippet, OnePerFile};
use crate::rules::{Ctx, Rule};
use crate::source::Source;
use crate::syntax::ast::{Echo, Redirect, RedirectOp, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT224",
    name: "redirect-in-echo-text",
    severity: Severity::Warning,
    summary:
        "An `echo` message with an unescaped `<` (`<file>`) or an arrow (`->`, `=>`): cmd.exe \
              reads a redirection, so the message is never shown",
    what: "Reports an `echo` in code that runs whose text holds, outside quotes and unescaped: \
           an input redirection `<name` (a placeholder such as `<file>` in a usage line, an \
           `<e-mail@host>` address, HTML), or an arrow `->`, `-->` or `=>` followed by a blank \
           and a word that is not a file name (no `\\`, no expansion, no extension) or by more \
           text. `echo ... >> log` and `echo ----->%LOG%` are not reported: a space before the \
           `>`, `>>`, or a target that names a file mark a redirection written on purpose. One \
           finding per file; the file's other such lines are related places.",
    why: "cmd.exe finds the redirections of a line before ECHO sees its text, and a quote or a \
          caret is the only thing that hides them. `echo Usage: copy.bat <source> <dest>` takes \
          its input from a file named `source` and sends its output to a file named `dest`: \
          there is no file `source`, so the line prints \"The system cannot find the file \
          specified.\" instead of the usage text. `echo Step 1 -> Install` writes `Step 1 -` \
          into a new file named `Install` in the current folder, and the user sees nothing.",
    example: "echo Usage: %~nx0 <source> <dest>\necho Option 1 -> Install\n",
    fix: "echo Usage: %~nx0 ^<source^> ^<dest^>\necho Option 1 -^> Install\n",
    sources: &[
        "cmd-semantics §1.2 (phase 2: `<` and `>` outside quotes and not escaped by `^` are \
         redirections, wherever they stand on the line)",
        "held-out set 48 (`echo --> Account removed` wrote a file named `Account`)",
    ],
    check: Some(check),
    opt_in: None,
};

/// Does a redirection target look like a word of prose rather than a file name? Not when it
/// holds a `\`, an expansion or quotes, starts with a drive (`C:`), or ends in an extension of
/// one to four letters or digits (`j.txt`, `out.log`).
fn prose_target(src: &Source, r: &Redirect) -> bool {
    let Some(w) = &r.target else {
        return false;
    };
    let t = src.slice(w.span);
    if w.dynamic || w.quoted || t.contains(&b'\\') {
        return false;
    }
    if t.len() >= 2 && t[0].is_ascii_alphabetic() && t[1] == b':' {
        return false;
    }
    match t.iter().rposition(|&c| c == b'.') {
        Some(dot) => {
            let ext = &t[dot + 1..];
            !(matches!(ext.len(), 1..=4) && ext.iter().all(u8::is_ascii_alphanumeric))
        }
        None => true,
    }
}

/// The redirection of `echo` that its author meant as text: an input redirection from a
/// file (not `nul`), or a `>` glued to an arrow's `-` / `=` with a blank after it, whose target
/// is a word of prose or is followed by more text.
fn text_redirect<'r>(src: &Source, echo: &Echo, redirects: &'r [Redirect]) -> Option<&'r Redirect> {
    let bytes = src.bytes();
    redirects.iter().find(|r| match r.op {
        RedirectOp::In => {
            r.handle.is_none()
                && r.target.as_ref().is_some_and(|w| {
                    let t = src.slice(w.span);
                    !(t.eq_ignore_ascii_case(b"nul") || t.eq_ignore_ascii_case(b"con"))
                })
        }
        RedirectOp::Out => {
            let at = r.span.start();
            // The arrow's `-`/`=` run starts the text or follows a blank: `set x=> file` is
            // an assignment written to a file on purpose.
            let run = bytes[..at]
                .iter()
                .rev()
                .take_while(|&&c| matches!(c, b'-' | b'='))
                .count();
            let before = at - run;
            r.handle.is_none()
                && run > 0
                && (before <= echo.text.start() || matches!(bytes[before - 1], b' ' | b'\t'))
                && matches!(bytes.get(at + 1), Some(b' ' | b'\t'))
                && (prose_target(src, r) || r.span.end() < echo.text.end())
        }
        _ => false,
    })
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let mut once = OnePerFile::new(out);
    for (k, stmt) in ctx.script.stmts.iter().enumerate() {
        let StmtKind::Echo(echo) = &stmt.kind else {
            continue;
        };
        let redirects = stmt.redirects();
        if redirects.is_empty() || echo.mode.is_some() {
            continue;
        }
        let Some(r) = text_redirect(src, echo, redirects) else {
            continue;
        };
        if !ctx.runs(StmtId(k as u32)) {
            continue;
        }
        // One finding per file (a menu draws every option with an arrow): the other lines
        // are related places.
        if once.absorb(out, r.span, "read as a redirection too") {
            continue;
        }
        let target = r
            .target
            .as_ref()
            .map(|w| snippet(src, w.span, 40, false))
            .unwrap_or_default();
        let (message, help) = if r.op == RedirectOp::In {
            (
                format!(
                    "this `<` is a redirection, not text: cmd.exe opens a file named \
                     `{target}` as the echo's input and leaves that word out of the text; with \
                     no such file (the usual case) the line prints \"The system cannot find the \
                     file specified.\" and the message is never shown"
                ),
                "escape the angle brackets as `^<` and `^>` (or put the text in quotes)"
                    .to_string(),
            )
        } else if redirects.iter().any(|o| {
            o.span.start() > r.span.start()
                && matches!(o.op, RedirectOp::Out | RedirectOp::Append)
                && matches!(o.handle, None | Some(1))
        }) {
            (
                format!(
                    "this arrow's `>` is a redirection, not text: the echo creates an empty file \
                     named `{target}` in the current folder, and the word `{target}` is missing \
                     from the text it writes"
                ),
                "escape the arrow as `-^>` (or `=^>`)".to_string(),
            )
        } else {
            (
                format!(
                    "this arrow's `>` is a redirection, not text: the echo writes the \
                     text of the line, less the redirection, into a file named `{target}` in the \
                     current folder, and the user sees nothing"
                ),
                "escape the arrow as `-^>` (or `=^>`)".to_string(),
            )
        };
        out.push(
            RULE.diag(r.span, message)
                .with_label("read as a redirection")
                .with_help(help),
        );
    }
    once.finish(out, |n| {
        if n == 1 {
            "one more line of the file does so".to_string()
        } else {
            format!("{n} more lines of the file do so")
        }
    });
}
