//! BAT218 quoted-compare-mismatch: `if %answer%=="y"` compares the quotes too, and the
//! variable never holds them.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::Repeats;
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{ExpansionKind, StmtKind, Word};

pub static RULE: Rule = Rule {
    code: "BAT218",
    name: "quoted-compare-mismatch",
    severity: Severity::Warning,
    summary: "An IF compares a quoted string with an unquoted `%var%` or word: the quotes are \
              compared too, so the test is never true",
    what: "Reports an `if a==b` (with or without `/i` and `not`) in code that runs where one \
           side is only a variable, `%name%` or `!name!` (also with `:~` or `:a=b`), and the \
           other side is in quotes (`\"01\"`, `'y'`, `\"\"`), when every assignment of the \
           variable in the file gives it a value without that quote: a `set /p` answer typed \
           at the console (not one read from a file with `<`), a \
           `set /a` number, or a `set` value of plain text, `%date%`/`%time%` parts, \
           `%random%`, `%errorlevel%`, `%cd%` or a `%~1` argument (tilde forms drop \
           quotes). Not reported: a variable the file never assigns (its value is not \
           known), one any assignment of which holds the quote or another variable, a FOR \
           variable or `%1` (a caller may pass quotes), and two sides quoted alike. Also \
           reported, whatever the value: a quoted side that holds an expansion compared with \
           a plain word that has no quote and no expansion (`if /i \"%%~xf\"==.zip`, \
           `if not \"%backup%\"==0`), which can never be equal.",
    why: "cmd.exe compares the two sides as they are after expansion, quotes included: \
          `if %mm%==\"01\"` compares `01` with `\"01\"`, which is never true, so the branch \
          never runs (with `not`, it always runs). When the variable is empty, the line reads \
          `if ==\"01\"`, a syntax error that stops the script. The script takes the same \
          wrong branch on every client.",
    example: "@echo off\nset /p answer=Delete the old logs (y/n)? \nif /i %answer%==\"y\" del \
              /q %temp%\\*.log\n",
    fix: "@echo off\nset /p answer=Delete the old logs (y/n)? \nif /i \"%answer%\"==\"y\" del \
          /q %temp%\\*.log\n",
    sources: &[
        "cmd-semantics §1.11 (IF: `string1==string2` compares the strings as written after \
         expansion, quotes included)",
        "held-out sets 22, 25 and 26 (`if %mm%==\"01\"` in a backup script's month table, \
         `if %choice%==\"N\"` after `set /p`, `if %answer%=='y'` in a game's save menu)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    // Per variable (lower case): every assignment's value is known to hold no `"` (bit 0)
    // and no `'` (bit 1); built at the first candidate test.
    let mut values: Option<rustc_hash::FxHashMap<Vec<u8>, u8>> = None;
    // One finding a variable (or a quoted side): a month table of twelve such tests is one
    // mistake, shown at its first test with the others as related places.
    let mut repeats: Repeats<Vec<u8>> = Repeats::new();
    for id in ctx.script.ids() {
        let StmtKind::If(ifs) = &ctx.script.stmt(id).kind else {
            continue;
        };
        let Some((lhs, rhs)) = ifs.condition.string_eq() else {
            continue;
        };
        // One side only a variable, the other in quotes.
        let (var, quoted, quote) =
            match (quote_of(src.slice(lhs.span)), quote_of(src.slice(rhs.span))) {
                (None, Some(q)) => (lhs, rhs, q),
                (Some(q), None) => (rhs, lhs, q),
                _ => continue,
            };
        let Some(name) = lone_variable(ctx, var) else {
            // `if /i "%%~xf"==.zip`: a quoted value against a plain word with no quote and no
            // expansion can never be equal, whatever the value.
            if plain_word(src.slice(var.span), quote)
                && !var.dynamic
                && !ctx.script.expansions_in(quoted.span).is_empty()
                && ctx.flow.is_reachable(id)
            {
                plain_word_finding(ctx, var, quoted, &mut repeats, out);
            }
            continue;
        };
        if !ctx.flow.is_reachable(id) {
            continue;
        }
        let values = values.get_or_insert_with(|| assigned_values(src.bytes()));
        let bit = if quote == b'"' { 1 } else { 2 };
        if values
            .get(&name.to_ascii_lowercase())
            .map_or(true, |known| known & bit == 0)
        {
            continue;
        }
        let key = name.to_ascii_lowercase();
        if repeats.again(&key, out, quoted.span, AGAIN).is_some() {
            continue;
        }
        repeats.first(key, out.len());
        let shown = src.display(var.span);
        let empty = src.slice(quoted.span).len() == 2;
        let consequence = if empty {
            "the test is never true, and when the variable is empty the line reads \
             `if ==\"\"`, a syntax error that stops the script"
        } else {
            "the test is never true and the command after it never runs (with `not`, it \
             always runs)"
        };
        out.push(
            RULE.diag(
                quoted.span,
                format!(
                    "`{shown}` is compared with `{}`: cmd.exe compares the quotes too, and no \
                     value this script gives the variable has them, so {consequence}",
                    src.display(quoted.span),
                ),
            )
            .with_label("the quotes are part of the compared text")
            .with_related(var.span, "expands without quotes")
            .with_help(format!(
                "quote both sides alike: `if \"{shown}\"=={}`",
                if quote == b'"' {
                    src.display(quoted.span).to_string()
                } else {
                    format!("\"{}\"", src.display(quoted.span).trim_matches('\''))
                }
            )),
        );
    }
    repeats.finish(out, "the script compares it this way");
}

/// A word with no quote of either kind (so it cannot equal a side that starts with `quote`).
fn plain_word(text: &[u8], quote: u8) -> bool {
    !text.is_empty() && !text.contains(&b'"') && text.first() != Some(&quote)
}

/// The finding for a quoted value compared with a plain word (one a quoted side, its repeats
/// as related places).
fn plain_word_finding(
    ctx: &Ctx<'_>,
    word: &Word,
    quoted: &Word,
    repeats: &mut Repeats<Vec<u8>>,
    out: &mut Vec<Diagnostic>,
) {
    let src = ctx.source;
    // Keyed apart from the variables' names: a NUL byte first.
    let mut key = vec![0u8];
    key.extend(src.slice(quoted.span).iter().map(u8::to_ascii_lowercase));
    if repeats.again(&key, out, word.span, AGAIN).is_some() {
        return;
    }
    repeats.first(key, out.len());
    let (shown, plain) = (src.display(quoted.span), src.display(word.span));
    let q = char::from(src.slice(quoted.span)[0]);
    out.push(
        RULE.diag(
            word.span,
            format!(
                "`{shown}` is compared with `{plain}`: cmd.exe compares the quotes too, and \
                 `{plain}` has none, so the two sides are never equal: the test is never true \
                 and the command after it never runs (with `not`, it always runs)"
            ),
        )
        .with_label("compared without quotes")
        .with_related(quoted.span, "the quotes are part of the compared text")
        .with_help(format!(
            "quote both sides alike: `if {shown}=={q}{plain}{q}`"
        )),
    );
}

/// The label of a repeat's related place.
const AGAIN: &str = "the same comparison again";

/// The quote byte of a side written wholly in one kind of quotes (`"01"`, `'y'`, `""`),
/// with no other quote of that kind inside.
fn quote_of(text: &[u8]) -> Option<u8> {
    let (&first, &last) = (text.first()?, text.last()?);
    if text.len() < 2 || first != last || !matches!(first, b'"' | b'\'') {
        return None;
    }
    let inner = &text[1..text.len() - 1];
    (!inner.contains(&first)).then_some(first)
}

/// The variable's name when `word` is only one `%name%` / `!name!` expansion (with `:~…` or
/// `:a=b`), nothing else and no quote.
fn lone_variable<'a>(ctx: &Ctx<'a>, word: &Word) -> Option<&'a [u8]> {
    if word.quoted {
        return None;
    }
    let [e] = ctx.script.expansions_in(word.span) else {
        return None;
    };
    if e.span != word.span || !matches!(e.kind, ExpansionKind::Var | ExpansionKind::Delayed) {
        return None;
    }
    let text = ctx.source.slice(e.span);
    let inner = text.get(1..text.len().saturating_sub(1))?;
    let name = inner.split(|&b| b == b':').next().unwrap_or(inner);
    (!name.is_empty()).then_some(name)
}

/// For each variable the text assigns (`set name=…`, `set "name=…"`, `set /p`, `set /a`,
/// also after `call` or in a FOR body: the text is read, not the statements), lower case:
/// bit 0 set when no value it gets can hold `"`, bit 1 when none can hold `'`. One pass.
fn assigned_values(bytes: &[u8]) -> rustc_hash::FxHashMap<Vec<u8>, u8> {
    let mut out: rustc_hash::FxHashMap<Vec<u8>, u8> = Default::default();
    let finder = memchr::memmem::Finder::new(b"set");
    let mut lower = Vec::new();
    // Case-insensitive: search a lower-case copy, line by line (no line is copied twice).
    for line in bytes.split(|&b| b == b'\n') {
        lower.clear();
        lower.extend(line.iter().map(u8::to_ascii_lowercase));
        for at in finder.find_iter(&lower) {
            // `set` as a word: after a blank, `(`, `&`, `|`, `@` or at the start.
            if at > 0 && !matches!(lower[at - 1], b' ' | b'\t' | b'(' | b'&' | b'|' | b'@') {
                continue;
            }
            // `set /p v=<file.txt`: the answer is the file's first line, which may hold
            // anything.
            let redirected = lower.contains(&b'<');
            if let Some((name, known)) = assignment(&lower[at + 3..], redirected) {
                let e = out.entry(name.to_vec()).or_insert(3);
                *e &= known;
            }
        }
    }
    out
}

/// The name and the known-quote bits (see [`assigned_values`]) of the assignment that
/// `rest` (the lower-case text after `set`) starts, if it is one. `redirected`: the line
/// has an input redirection, so a `set /p` reads a file.
fn assignment(rest: &[u8], redirected: bool) -> Option<(&[u8], u8)> {
    let blanks = |t: &[u8]| t.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
    let n = blanks(rest);
    if n == 0 {
        return None;
    }
    let mut t = &rest[n..];
    // A typed answer or a number: never a quote (`Some(3)`); an answer read from a file may
    // hold anything (`Some(0)`).
    let mut fixed = None;
    if t.starts_with(b"/p") || t.starts_with(b"/a") {
        fixed = Some(if t.starts_with(b"/p") && redirected {
            0
        } else {
            3
        });
        t = &t[2..];
        t = &t[blanks(t)..];
    }
    let in_quotes = t.first() == Some(&b'"');
    if in_quotes {
        t = &t[1..];
    }
    let eq = t.iter().position(|&b| b == b'=')?;
    let name = &t[..eq];
    if name.is_empty()
        || name
            .iter()
            .any(|&b| matches!(b, b' ' | b'\t' | b'"' | b'%' | b'!'))
    {
        return None;
    }
    if let Some(known) = fixed {
        return Some((name, known));
    }
    let mut value = &t[eq + 1..];
    if let Some(end) = value.iter().position(|&b| b == b'\r') {
        value = &value[..end];
    }
    if in_quotes {
        if let Some(end) = value.iter().rposition(|&b| b == b'"') {
            value = &value[..end];
        }
    }
    let mut known = 3;
    if value.contains(&b'"') {
        known &= !1;
    }
    if value.contains(&b'\'') {
        known &= !2;
    }
    if !expansions_known(value) {
        known = 0;
    }
    Some((name, known))
}

/// Every expansion in `value` gives text without quotes: `%~…` argument forms and a few
/// system variables (`%date%` and `%time%` with their substrings, `%random%`,
/// `%errorlevel%`, `%cd%`, `%username%`, `%computername%`). Another variable, `%1` or a FOR
/// variable may hold anything.
fn expansions_known(value: &[u8]) -> bool {
    const SYSTEM: &[&[u8]] = &[
        b"date",
        b"time",
        b"random",
        b"errorlevel",
        b"cd",
        b"username",
        b"computername",
    ];
    if value.contains(&b'!') {
        return false;
    }
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'%', &value[i..]) {
        let at = i + p;
        let rest = &value[at + 1..];
        if rest.first() == Some(&b'~') {
            // `%~1`, `%~nx1`, `%~dp0`: modifier letters, then the digit.
            let digit = rest.iter().position(|b| b.is_ascii_digit());
            match digit {
                Some(d) if rest[1..d].iter().all(u8::is_ascii_alphabetic) => {
                    i = at + 2 + d;
                    continue;
                }
                _ => return false,
            }
        }
        let Some(close) = memchr::memchr(b'%', rest) else {
            return false;
        };
        let inner = &rest[..close];
        let name = inner.split(|&b| b == b':').next().unwrap_or(inner);
        if !SYSTEM.contains(&name) {
            return false;
        }
        i = at + close + 2;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_are_read_from_the_text() {
        let v = assigned_values(
            b"set /p Answer=Go? \r\nset mm=%date:~3,2%\r\ncall set \"q=%%a\"\r\n\
              set s=\"x\"\r\nfor %%a in (1) do set t=%~1\r\nset u=it's\r\nset w=%other%\r\n\
              set /p line=<\"%temp%\\v.txt\"\r\nset /p first=<list.txt\r\n",
        );
        assert_eq!(v.get(&b"answer"[..]), Some(&3));
        assert_eq!(v.get(&b"mm"[..]), Some(&3));
        assert_eq!(v.get(&b"q"[..]), Some(&0));
        assert_eq!(v.get(&b"s"[..]), Some(&2));
        assert_eq!(v.get(&b"t"[..]), Some(&3));
        assert_eq!(v.get(&b"u"[..]), Some(&1));
        assert_eq!(v.get(&b"w"[..]), Some(&0));
        assert_eq!(v.get(&b"line"[..]), Some(&0));
        assert_eq!(v.get(&b"first"[..]), Some(&0));
        assert_eq!(v.get(&b"offset"[..]), None);
    }

    #[test]
    fn sides_in_quotes() {
        assert_eq!(quote_of(b"\"01\""), Some(b'"'));
        assert_eq!(quote_of(b"''"), Some(b'\''));
        assert_eq!(quote_of(b"\"a\"b\""), None);
        assert_eq!(quote_of(b"\""), None);
        assert_eq!(quote_of(b"y"), None);
    }
}
