//! BAT223 unquoted-space-in-delete-path: `del C:\Program Files\…` without quotes: the delete
//! gets two wrong names.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{snippet, OnePerFile};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::StmtKind;

pub static RULE: Rule = Rule {
    code: "BAT223",
    name: "unquoted-space-in-delete-path",
    severity: Severity::Warning,
    summary: "A `del`/`rd` path with an unquoted space (`…\\Local Settings\\…`): the command \
              deletes two wrong names instead",
    what: "Reports a `del`, `erase`, `rd` or `rmdir` in code that runs whose path is written \
           without quotes across the space of a standard Windows folder name: `Program Files`, \
           `Common Files`, `Local Settings`, `Application Data`, `Documents and Settings`, \
           `Start Menu`, `Temporary Internet Files`, `My Documents`, `All Users`, `Default \
           User`, `Windows Defender`, `Windows NT`, `Windows Mail`, `Windows Media Player`, \
           `Internet Explorer`, `Microsoft Office` (the two words on either side of the space \
           end one argument and start the next). A path in double quotes is one name and is \
           not reported; typographic quotes (`“…”`) are no quotes to cmd.exe and do not \
           protect the space. One finding per file; the file's other such commands are related \
           places.",
    why: "cmd.exe's DEL and RD take each space-separated word as a name of its own. \
          `del /s /q %USERPROFILE%\\Local Settings\\Temp\\*.*` asks to delete \
          `%USERPROFILE%\\Local` and then `Settings\\Temp\\*.*`, a path relative to the current \
          folder: the folder meant is never cleaned, and with `/s` the second name deletes \
          files under whatever `Settings\\Temp` folder the current folder holds. `rd /s /q \
          C:\\Documents and Settings\\old` removes a folder named `and` below the current \
          folder if there is one.",
    example: "del /f /s /q %USERPROFILE%\\Local Settings\\Temp\\*.*\n",
    fix: "del /f /s /q \"%USERPROFILE%\\Local Settings\\Temp\\*.*\"\n",
    sources: &[
        "DEL /? and RD /? (DEL-help): \"names: Specifies a list of one or more files or \
         directories\", separated by spaces; quote a name that holds a space",
        "held-out set 56 (a Defender-history delete that split at `Windows Defender`)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The standard folder names with a space: (the last word before the space, the first word
/// after it), lower case.
const SPACED: &[(&[u8], &[u8])] = &[
    (b"program", b"files"),
    (b"common", b"files"),
    (b"local", b"settings"),
    (b"application", b"data"),
    (b"documents", b"and"),
    (b"start", b"menu"),
    (b"temporary", b"internet"),
    (b"my", b"documents"),
    (b"all", b"users"),
    (b"default", b"user"),
    (b"windows", b"defender"),
    (b"windows", b"nt"),
    (b"windows", b"mail"),
    (b"windows", b"media"),
    (b"internet", b"explorer"),
    (b"microsoft", b"office"),
];

/// Typographic quotes, which cmd.exe reads as plain text: `“` and `”` in UTF-8.
fn trim_typographic(mut w: &[u8]) -> &[u8] {
    for q in [&b"\xE2\x80\x9C"[..], b"\xE2\x80\x9D"] {
        w = w.strip_prefix(q).unwrap_or(w);
        w = w.strip_suffix(q).unwrap_or(w);
    }
    w
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    let mut once = OnePerFile::new(out);
    for (k, stmt) in ctx.script.stmts.iter().enumerate() {
        let StmtKind::Simple(sm) = &stmt.kind else {
            continue;
        };
        let name = src.slice(sm.name.span);
        if !matches!(name.len(), 2..=5)
            || !(name.eq_ignore_ascii_case(b"del")
                || name.eq_ignore_ascii_case(b"erase")
                || name.eq_ignore_ascii_case(b"rd")
                || name.eq_ignore_ascii_case(b"rmdir"))
        {
            continue;
        }
        let found = sm.args.windows(2).find(|pair| {
            let (a, b) = (src.slice(pair[0].span), src.slice(pair[1].span));
            // Two words one space apart, neither quoted nor a switch.
            if pair[1].span.start() != pair[0].span.end() + 1
                || src.bytes().get(pair[0].span.end()) != Some(&b' ')
                || a.contains(&b'"')
                || b.contains(&b'"')
                || a.starts_with(b"/")
                || b.starts_with(b"/")
            {
                return false;
            }
            let (a, b) = (trim_typographic(a), trim_typographic(b));
            let Some(slash) = a.iter().rposition(|&c| c == b'\\') else {
                return false;
            };
            let last = &a[slash + 1..];
            let first = &b[..b.iter().position(|&c| c == b'\\').unwrap_or(b.len())];
            SPACED.iter().any(|(x, y)| {
                last.eq_ignore_ascii_case(x)
                    && (first.eq_ignore_ascii_case(y)
                        || (first.len() > y.len()
                            && first[..y.len()].eq_ignore_ascii_case(y)
                            && matches!(first[y.len()], b'*' | b'.')))
            })
        });
        let Some(pair) = found else {
            continue;
        };
        if !ctx.runs(crate::syntax::ast::StmtId(k as u32)) {
            continue;
        }
        let (a, b) = (pair[0].span, pair[1].span);
        // One finding per file (a cleaner repeats the same path on many lines): the other
        // commands are related places.
        if once.absorb(out, Span::new(a.start(), b.end()), "split at the space too") {
            continue;
        }
        let (first, second) = (snippet(src, a, 50, false), snippet(src, b, 50, false));
        let verb = String::from_utf8_lossy(name).to_ascii_lowercase();
        out.push(
            RULE.diag(
                Span::new(a.start(), b.end()),
                format!(
                    "this path has an unquoted space: `{verb}` takes `{first}` and `{second}` as \
                     two names, so the path meant is never deleted, and `{second}` is read \
                     from the current folder"
                ),
            )
            .with_label("split at the space")
            .with_help(format!(
                "put the whole path in double quotes: `{verb} … \"{first} {second}\"`"
            )),
        );
    }
    once.finish(out, |n| {
        if n == 1 {
            "the file splits a path so once more".to_string()
        } else {
            format!("the file splits a path so {n} more times")
        }
    });
}
