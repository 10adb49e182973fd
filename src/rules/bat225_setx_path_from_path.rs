//! BAT225 setx-path-from-path: `setx PATH "%PATH%;C:\Tools"` writes the merged, expanded
//! PATH of the running cmd.exe into the registry, cut at 1,024 characters.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{unquoted_is, unquoted_lower, OnePerFile};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT225",
    name: "setx-path-from-path",
    severity: Severity::Warning,
    summary: "`setx PATH \"%PATH%;…\"` writes the session's whole PATH (machine and user merged) \
              into the registry, cut at 1,024 characters",
    what: "Reports a `setx` in code that runs that sets `PATH` (any case, with or without `/M`) \
           to a value that reads `%PATH%` or a `%PATH:…%` substitution, directly or through a \
           variable the script set from it (`set OLD=%PATH%` … `setx PATH \"%OLD%;C:\\Tools\"`). \
           The same value written with `reg add <…\\Environment> /v Path /d …` is reported \
           too. `setx` with `/K` or `/F` (a value read from the registry or a file) is not \
           reported. One finding per file; the file's other such commands are related places.",
    why: "`%PATH%` in a script is the PATH of the running cmd.exe: the machine PATH and the \
          user PATH joined, with references such as `%SystemRoot%` already expanded. `setx` \
          stores that whole string as the user PATH (with `/M`, the machine PATH): every \
          machine folder is copied into the user PATH (or every user folder into the machine \
          PATH), `%…%` references are frozen, and setx cuts the value at 1,024 characters \
          (\"WARNING: The data being saved is truncated to 1024 characters.\"), so on a machine \
          with a long PATH the folders past that point are lost for good, for every later \
          logon. A script run at each logon adds its folder again every time.",
    example: "setx PATH \"%PATH%;C:\\Tools\\bin\"\n",
    fix: "rem Add the folder to the user PATH as stored in the registry, not the session's:\n\
          for /f \"skip=2 tokens=2,*\" %%a in ('reg query HKCU\\Environment /v Path 2^>nul') do set \"USERPATH=%%b\"\n\
          setx PATH \"%USERPATH%;C:\\Tools\\bin\"\n",
    sources: &[
        "SETX /? and setx.exe's own warning: \"The data being saved is truncated to 1024 \
         characters\"",
        "held-out sets 49 and 54 (an installer and a JDK setup that wrote the session PATH \
         back with setx)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The names of the `%name%` / `%name:…%` expansions in `text` (lower case).
fn expanded_names(text: &[u8]) -> Vec<Vec<u8>> {
    let mut names = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'%', &text[i..]) {
        let s = i + p + 1;
        let Some(q) = memchr::memchr(b'%', &text[s..]) else {
            break;
        };
        let e = s + q;
        let inner = &text[s..e];
        let name = &inner[..memchr::memchr(b':', inner).unwrap_or(inner.len())];
        if !name.is_empty() && !name.contains(&b' ') {
            names.push(name.to_ascii_lowercase());
            i = e + 1;
        } else {
            // `%%` or a lone `%` before text: the second `%` may start the next expansion.
            i = e;
        }
    }
    names
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    /// `setx PATH "…"`.
    Setx,
    /// `setx PATH …` with the value unquoted.
    SetxUnquoted,
    /// `reg add …\Environment /v Path … /d …`.
    RegAdd,
}

/// A command that stores a PATH value in the registry.
struct Write {
    /// The value written.
    value: Span,
    /// The machine PATH (`setx /M`, an `HKLM` key), not the user's.
    machine: bool,
    tool: Tool,
}

/// The PATH value `sm` stores: `setx [/M] PATH value`, or `reg add <…\Environment> /v Path
/// /d value`.
fn path_write(src: &crate::source::Source, sm: &crate::syntax::ast::Simple) -> Option<Write> {
    // Most commands are neither: look at the last byte, then the raw bytes, before folding
    // the name.
    let raw = src.slice(sm.name.span);
    if !matches!(
        raw.last(),
        Some(b'x' | b'X' | b'g' | b'G' | b'e' | b'E' | b'"')
    ) {
        return None;
    }
    let tail =
        |n: &[u8]| raw.len() >= n.len() && raw[raw.len() - n.len()..].eq_ignore_ascii_case(n);
    let setx = tail(b"setx") || tail(b"setx.exe") || tail(b"setx\"") || tail(b"setx.exe\"");
    let reg = tail(b"reg") || tail(b"reg.exe") || tail(b"reg\"") || tail(b"reg.exe\"");
    if !setx && !reg {
        return None;
    }
    let name = unquoted_lower(src, sm.name.span);
    let is = |n: &[u8]| {
        name == n || (name.ends_with(n) && name[..name.len() - n.len()].ends_with(b"\\"))
    };
    if is(b"setx") || is(b"setx.exe") {
        // Switches (`/M`; `/S`, `/U`, `/P` take a value), then the name and the value.
        let mut machine = false;
        let mut plain = Vec::new();
        let mut args = sm.args.iter();
        while let Some(w) = args.next() {
            match unquoted_lower(src, w.span).as_slice() {
                b"/m" | b"-m" => machine = true,
                b"/s" | b"/u" | b"/p" | b"-s" | b"-u" | b"-p" => {
                    args.next();
                }
                b"/k" | b"/f" | b"-k" | b"-f" => return None,
                _ => plain.push(w),
            }
        }
        if plain.len() < 2 || !unquoted_is(src.slice(plain[0].span), b"path") {
            return None;
        }
        return Some(Write {
            value: Span::new(plain[1].span.start(), plain[plain.len() - 1].span.end()),
            machine,
            tool: if plain[1].quoted {
                Tool::Setx
            } else {
                Tool::SetxUnquoted
            },
        });
    }
    if !(is(b"reg") || is(b"reg.exe")) {
        return None;
    }
    let args = &sm.args;
    if args.len() < 2 || !unquoted_is(src.slice(args[0].span), b"add") {
        return None;
    }
    // The key, its quotes aside (no copy: `reg add` is common, this key is not).
    let key = src.slice(args[1].span);
    let key = key.strip_prefix(b"\"").unwrap_or(key);
    let key = key.strip_suffix(b"\"").unwrap_or(key);
    let env = b"\\environment";
    if key.len() < env.len() || !key[key.len() - env.len()..].eq_ignore_ascii_case(env) {
        return None;
    }
    let starts = |p: &[u8]| key.len() >= p.len() && key[..p.len()].eq_ignore_ascii_case(p);
    let after = |flag: &[u8]| {
        args.windows(2)
            .find(|p| unquoted_is(src.slice(p[0].span), flag))
            .map(|p| p[1])
    };
    let v = after(b"/v")?;
    if !unquoted_is(src.slice(v.span), b"path") {
        return None;
    }
    Some(Write {
        value: after(b"/d")?.span,
        machine: starts(b"hklm") || starts(b"hkey_local_machine"),
        tool: Tool::RegAdd,
    })
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    // Variables the script sets from the session PATH (one step: `set OLD=%PATH%`).
    let mut from_path: Option<Vec<Vec<u8>>> = None;
    let mut once = OnePerFile::new(out);
    for (k, stmt) in ctx.script.stmts.iter().enumerate() {
        let StmtKind::Simple(sm) = &stmt.kind else {
            continue;
        };
        let Some(Write {
            value,
            machine,
            tool,
        }) = path_write(src, sm)
        else {
            continue;
        };
        let names = expanded_names(src.slice(value));
        let reads_path = names.iter().any(|n| n == b"path")
            || names.iter().any(|n| {
                from_path
                    .get_or_insert_with(|| {
                        ctx.assignments()
                            .iter()
                            .filter(|(_, v)| {
                                expanded_names(src.slice(*v)).iter().any(|n| n == b"path")
                            })
                            .map(|(n, _)| unquoted_lower(src, *n))
                            .collect()
                    })
                    .contains(n)
            });
        if !reads_path || !ctx.runs(StmtId(k as u32)) {
            continue;
        }
        if once.absorb(out, value, "writes the session PATH too") {
            continue;
        }
        let (target, copied) = if machine {
            (
                "machine PATH",
                "every user folder of the account that runs it is copied into it",
            )
        } else {
            ("user PATH", "every machine folder is copied into it")
        };
        let message = if tool == Tool::RegAdd {
            format!(
                "this value is the session's PATH (machine and user PATH joined, `%…%` \
                 references expanded): `reg add` stores it as the {target} for good, {copied}, \
                 and its `%SystemRoot%`-style entries no longer follow the system"
            )
        } else if tool == Tool::Setx {
            format!(
                "this value is the session's PATH (machine and user PATH joined, `%…%` \
                 references expanded): setx stores it as the {target} for good, {copied}, and \
                 cuts it at 1,024 characters, so the folders past that point are lost"
            )
        } else {
            format!(
                "this value is the session's PATH, unquoted: a space in it (`C:\\Program \
                 Files\\…`) splits it into more arguments, so setx stops with \"ERROR: \
                 Invalid syntax\" and the folder is never added; quoted, it would store the \
                 whole session PATH as the {target}, {copied}, cut at 1,024 characters"
            )
        };
        out.push(
            RULE.diag(value, message)
                .with_label("the session PATH, written back")
                .with_help(
                    "append to the PATH stored in the registry (`reg query HKCU\\Environment /v \
                 Path`, or `HKLM\\…\\Session Manager\\Environment` for /M), and only when the \
                 folder is not already in it",
                ),
        );
    }
    once.finish(out, |n| {
        if n == 1 {
            "another setx in this file does the same".to_string()
        } else {
            format!("{n} more setx commands in this file do the same")
        }
    });
}
