//! BAT227 set-a-zero-padded-field: `set /a m=%time:~3,2%` reads `08` and `09` as invalid
//! octal numbers, so the arithmetic fails two minutes in every ten.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::OnePerFile;
use crate::rules::{Ctx, Rule};
use crate::source::{Source, Span};
use crate::syntax::ast::{ExpansionKind, SetKind, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT227",
    name: "set-a-zero-padded-field",
    severity: Severity::Warning,
    summary: "`set /a` reads a two-digit `%time%` or `%date%` field (`%time:~3,2%`): `08` and \
              `09` are invalid octal numbers, so the arithmetic fails then",
    what: "Reports a `set /a` in code that runs whose expression uses, as a number of its own, \
           a two-character substring of `%TIME%` at the minutes, seconds or hundredths \
           (`%time:~3,2%`, `~6,2`, `~9,2`) or of `%DATE%` (any offset), or a variable the script \
           set to exactly such a substring (`set mm=%time:~3,2%` … `set /a t=mm*60`). Not \
           reported: the hour (`%time:~0,2%` has a leading blank, not a zero, before 10 \
           o'clock in the default formats), a field written after a digit (`1%time:~3,2%-100`, \
           the usual repair), and fields joined into one longer number. One finding per file; \
           the file's other such expressions are related places.",
    why: "SET /A reads a number that starts with `0` as octal. Minutes, seconds and the \
          fields of the date are written with a leading zero, so at 08 and 09 (and on the \
          8th and 9th, in August and September) the expression holds `08` or `09`: SET /A \
          prints \"Invalid number. Numeric constants are either decimal (17), hexadecimal \
          (0x11), or octal (021).\", sets no value and the script goes on with the old one. \
          A time stamp, a delay or \
          a schedule check then breaks for two minutes in every ten, or on four days a month.",
    example: "set /a minutes=%time:~3,2%\n",
    fix: "rem a 1 in front and 100 taken off: 108 - 100 = 8\nset /a minutes=1%time:~3,2%-100\n",
    sources: &[
        "SET /? (set /a): \"Numeric values are decimal numbers, unless prefixed by 0x for \
         hexadecimal numbers, and 0 for octal numbers. So 0x12 is the same as 18 is the same \
         as 022\"",
        "held-out set 58 (a journal script's `set /a minute2=%TIME:~3,2%` and `set /a \
         dom=%DATE:~8,2%`)",
    ],
    check: Some(check),
    opt_in: None,
};

/// Is `atom` (the bytes of a `%…%` expansion) a zero-padded two-character field of `%TIME%`
/// (minutes, seconds, hundredths) or `%DATE%`?
fn padded_field(atom: &[u8]) -> bool {
    let Some(inner) = atom.strip_prefix(b"%").and_then(|a| a.strip_suffix(b"%")) else {
        return false;
    };
    let Some(colon) = inner.iter().position(|&c| c == b':') else {
        return false;
    };
    let (name, spec) = (&inner[..colon], &inner[colon + 1..]);
    let Some(spec) = spec.strip_prefix(b"~") else {
        return false;
    };
    let Some(comma) = spec.iter().position(|&c| c == b',') else {
        return false;
    };
    let (offset, len) = (&spec[..comma], &spec[comma + 1..]);
    if len != b"2" || offset.is_empty() || !offset.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if name.eq_ignore_ascii_case(b"time") {
        matches!(offset, b"3" | b"6" | b"9")
    } else {
        name.eq_ignore_ascii_case(b"date")
    }
}

/// Does the number at `a..b` of the text stand alone: no digit (nor another expansion)
/// glued before or after it?
fn stands_alone(src: &Source, a: usize, b: usize) -> bool {
    let bytes = src.bytes();
    let glued = |c: Option<&u8>| c.is_some_and(|&c| c.is_ascii_digit() || c == b'%' || c == b'!');
    !glued(a.checked_sub(1).and_then(|i| bytes.get(i))) && !glued(bytes.get(b))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let src = ctx.source;
    // Variables set to exactly one such field (`set mm=%time:~3,2%`), lower case.
    let mut copies: Option<Vec<Vec<u8>>> = None;
    let mut once = OnePerFile::new(out);
    for (k, stmt) in script.stmts.iter().enumerate() {
        let StmtKind::Set(set) = &stmt.kind else {
            continue;
        };
        if set.kind != SetKind::Arith {
            continue;
        }
        let Some(expr) = set.expr else { continue };
        // Only names that every plain assignment of the file sets so: a name whose zero is
        // stripped later (`if "%m:~0,1%"=="0" set m=%m:~1%`) is left alone.
        let copies = copies.get_or_insert_with(|| {
            let is_field = |v: Span| {
                let t = src.slice(v);
                let t = t
                    .strip_prefix(b"\"")
                    .and_then(|t| t.strip_suffix(b"\""))
                    .unwrap_or(t);
                padded_field(t.trim_ascii())
            };
            let name_of = |n: Span| src.slice(n).trim_ascii().to_ascii_lowercase();
            let mut names: Vec<Vec<u8>> = ctx
                .assignments()
                .iter()
                .filter(|(_, v)| is_field(*v))
                .map(|(n, _)| name_of(*n))
                .collect();
            names.retain(|want| {
                ctx.assignments()
                    .iter()
                    .all(|(n, v)| name_of(*n) != *want || is_field(*v))
            });
            names
        });
        let mut found: Option<(Span, String)> = None;
        for e in script.expansions_in(expr) {
            if e.kind != ExpansionKind::Var || !stands_alone(src, e.span.start(), e.span.end()) {
                continue;
            }
            let atom = src.slice(e.span);
            if padded_field(atom) {
                found = Some((e.span, String::from_utf8_lossy(atom).into_owned()));
                break;
            }
            let name = &atom[1..atom.len() - 1];
            if !name.contains(&b':') && copies.iter().any(|c| c.eq_ignore_ascii_case(name)) {
                found = Some((e.span, String::from_utf8_lossy(atom).into_owned()));
                break;
            }
        }
        // A bare variable name in the expression (`set /a t=mm*60`).
        if found.is_none() && !copies.is_empty() {
            let text = src.slice(expr);
            let mut i = 0;
            while i < text.len() {
                let c = text[i];
                if c.is_ascii_alphabetic() || c == b'_' {
                    let s = i;
                    while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == b'_') {
                        i += 1;
                    }
                    let before = s.checked_sub(1).map(|p| text[p]);
                    let word = &text[s..i];
                    let assigned = text[i..].trim_ascii_start().first() == Some(&b'=')
                        && text[i..].trim_ascii_start().get(1) != Some(&b'=');
                    if !assigned
                        && !matches!(before, Some(b'%' | b'!'))
                        && copies.iter().any(|c| c.eq_ignore_ascii_case(word))
                    {
                        let at = expr.start() + s;
                        found = Some((
                            Span::new(at, at + word.len()),
                            String::from_utf8_lossy(word).into_owned(),
                        ));
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        }
        let Some((span, shown)) = found else { continue };
        if !ctx.runs(StmtId(k as u32)) {
            continue;
        }
        if once.absorb(out, span, "a zero-padded field too") {
            continue;
        }
        out.push(
            RULE.diag(
                span,
                format!(
                    "`{shown}` is a zero-padded field: at 08 and 09 SET /A reads an invalid \
                     octal number, prints \"Invalid number\" and sets nothing"
                ),
            )
            .with_label("08 and 09 are not numbers to SET /A")
            .with_help(
                "put a 1 in front and take 100 off (`1%time:~3,2%-100`), or strip the zero \
                 first",
            ),
        );
    }
    once.finish(out, |n| {
        if n == 1 {
            "one more SET /A of the file does so".to_string()
        } else {
            format!("{n} more SET /A commands of the file do so")
        }
    });
}
