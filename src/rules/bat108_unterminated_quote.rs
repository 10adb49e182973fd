//! BAT108 unterminated-quote: a quote left open changes how the rest of the line is read.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat217_for_variable_single_percent::single_percent_fors;
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{ExpansionKind, SetKind, Stmt, StmtKind, SyntaxErrorKind};

pub static RULE: Rule = Rule {
    code: "BAT108",
    name: "unterminated-quote",
    severity: Severity::Warning,
    summary: "A `\"` never closed on its line turns the special characters after it into text",
    what: "Reports a double quote that is not closed before the end of its line, when a special \
           character that would have acted without it follows on the line: `&`, `|`, `<`, `>`, \
           `^`, a `)` inside a block, or a `(` that ends the line (a block opener). A `(` or `)` \
           that is plain text in an argument anyway (`echo \"see (x)`) is no reason to report, \
           nor an `echo` whose only specials after the quote are arrows (`echo \"Renamed a.bck \
           -> a`: the quote keeps `->` from redirecting, as meant), placeholders of usage \
           text (`echo \"Usage: setup <msi path>`) or the carets of ASCII art before a letter \
           or blank (the quote prints them), nor an `echo` whose specials after the quote are \
           all meant to print (ASCII art and banners: `echo \" | (___ | |`), with no `>` before \
           a file name (`>> %LOG%`, `> out.txt`, `>nul`), no `&` or `|` before a command \
           word (`& pause`) and no `)` that should close a block, nor a `set` value whose open quote keeps HTML tags as text (`set dlg=\"about:<input \
           type=file id=F><script>…`, built over several lines for `mshta`), nor the command \
           text of a \
           `powershell -command \"…` that runs to the end of the line with only PowerShell's \
           specials in it (`| & ; { }`: PowerShell gets them, as meant), nor a URL whose query \
           runs to the end of the line (`start \"\" \"https://…/?q=%q%&v=1`: the `&`s join \
           `name=` parameters, which the open quote keeps in the URL), nor a quote swallowed by a \
           FOR variable written with one `%` (`for %a in (\"…`), which BAT217 reports.",
    why: "Inside quotes cmd.exe treats `& | < > ( )` and `^` as plain text. With an odd quote, \
          `echo \"done & call %0\\..\\smsls` echoes the text instead of running the second \
          command, a `>nul` is passed as an argument instead of redirecting, and a `)` meant to \
          close a block does not close it. Quotes never continue onto the next line, so the \
          damage is limited to this line, but the commands on it do not run as written.",
    example: "net use h: \"\\\\srv\\home & call %0\\..\\smsls\n",
    fix: "net use h: \"\\\\srv\\home\" & call %0\\..\\smsls\n",
    sources: &[
        "cmd-semantics §1.2 (DT-3587: \"A quote toggles a quote flag … special characters are ignored\"), §1.4 (quotes do not span lines)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // BAT217's `for %a in (` statements and variables, by start (built at the first
    // swallowed quote).
    let mut single_percent: Option<Vec<(Span, Span)>> = None;
    for err in &ctx.script.errors {
        if err.kind != SyntaxErrorKind::UnterminatedQuote {
            continue;
        }
        if set_value_to_line_end(ctx, err.span)
            || set_value_of_markup(ctx, err.span)
            || echo_of_arrows(ctx, err.span)
            || echo_prints_specials(ctx, err.span)
            || powershell_command_to_line_end(ctx, err.span)
            || url_query_to_line_end(ctx, err.span)
        {
            continue;
        }
        let swallowed = swallowed_quote(ctx, err.span);
        // `for %a in ("%P%\x.txt") do …`: the quote is swallowed by `%a in ("%`, or by
        // another `%…%` pair the FOR variable written with one `%` throws off. BAT217
        // reports that statement, which stops the script; one finding is enough.
        if let Some(atom) = swallowed {
            let fors = single_percent.get_or_insert_with(|| single_percent_fors(ctx).collect());
            // The statements nearest before the quote (nested FORs share a start region):
            // the quote is in one, or the swallowing pair starts at its variable.
            let at = err.span.start();
            let k = fors.partition_point(|(f, _)| f.start() <= at);
            if fors[..k]
                .iter()
                .rev()
                .take(4)
                .any(|(f, var)| f.end() > at || var.start() == atom.start())
            {
                continue;
            }
        }
        let d = match swallowed {
            // The quote that looks like this one's partner is inside a `%…%` reference:
            // typically a FOR variable written with one `%` in a batch file.
            Some(atom) => {
                let (_, col) = ctx.source.line_col(atom.start());
                RULE.diag(
                    err.span,
                    format!(
                        "this quote is never closed on its line: cmd.exe reads `{}` (from column \
                         {col}) as one variable reference and expands it to nothing, with the \
                         quote inside it, so the `&`, `|`, `<`, `>`, `(`, `)` or `^` after this \
                         quote are plain text to cmd.exe",
                        shown(ctx.source.slice(atom)),
                    ),
                )
                .with_label("never closed on this line")
                .with_related(atom, "one `%…%` reference to cmd.exe".to_string())
                .with_help(
                    "in a batch file write a FOR variable or a literal percent sign with two \
                     percent signs (`%%s`, `100%%`)",
                )
            }
            None => RULE
                .diag(err.span, err.message.clone())
                .with_label("never closed on this line")
                .with_help("close the quote where the quoted text ends"),
        };
        out.push(d);
    }
}

/// Where `quote` stands: the statement that holds it (the last one starting at or before it;
/// an ECHO or a SET is a leaf, so when that one is either it holds the quote), the rest of its
/// line after the quote, and whether a `)` there would close a block.
struct AtQuote<'a> {
    stmt: &'a Stmt,
    rest: &'a [u8],
    in_block: bool,
}

fn at_quote<'a>(ctx: &Ctx<'a>, quote: Span) -> Option<AtQuote<'a>> {
    let script = ctx.script;
    let at = quote.start();
    let i = script.stmts.partition_point(|s| s.span.start() <= at);
    let stmt = script.stmts[..i].last()?;
    let line_end = ctx.source.line_span(ctx.source.line_of(at)).end();
    Some(AtQuote {
        stmt,
        rest: &ctx.source.bytes()[at + 1..line_end.max(at + 1)],
        in_block: crate::rules::bat_util::in_block(script, stmt),
    })
}

/// [`at_quote`] when the statement holding the quote is an `echo`.
fn echo_at_quote<'a>(ctx: &Ctx<'a>, quote: Span) -> Option<AtQuote<'a>> {
    at_quote(ctx, quote).filter(|q| matches!(q.stmt.kind, StmtKind::Echo(_)))
}

/// `quote` is in an `echo` whose only special characters after it are arrows (`echo "[INFO]
/// Rename a.bck -> a`, `=>`, `<-`), placeholders of usage text (`<msi path>`) or carets of
/// ASCII art: the open quote is what keeps `->` from redirecting and the caret printed, and
/// the line prints what its author wrote.
fn echo_of_arrows(ctx: &Ctx<'_>, quote: Span) -> bool {
    let Some(q) = echo_at_quote(ctx, quote) else {
        return false;
    };
    let rest = q.rest;
    let mut harmless = 0;
    // The `>` that closes a placeholder (`<msi path>`) already counted.
    let mut closes = usize::MAX;
    for (k, &b) in rest.iter().enumerate() {
        let before = k.checked_sub(1).map(|p| rest[p]);
        let after = rest.get(k + 1).copied();
        if k == closes {
            continue;
        }
        match b {
            // A placeholder of usage text (`echo "Usage: setup <msi path> <log dir>`): the
            // open quote keeps the brackets from redirecting, and they print.
            b'<' if after.is_some_and(|a| a.is_ascii_alphanumeric()) => {
                let Some(len) = rest[k + 1..].iter().position(|&c| c == b'>') else {
                    return false;
                };
                let inner = &rest[k + 1..k + 1 + len];
                if !inner
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || b" _-./:".contains(c))
                {
                    return false;
                }
                closes = k + 1 + len;
                harmless += 1;
            }
            b'>' if matches!(before, Some(b'-' | b'=')) => harmless += 1,
            b'<' if matches!(after, Some(b'-' | b'=')) => harmless += 1,
            // A caret of ASCII art before a letter, digit, blank or plain punctuation
            // (`Moo9^Yo`): the open quote prints it, as the drawing needs. A caret before
            // a special (`^&`) or at the end of the line (a continuation) still counts.
            b'^' if after.is_some_and(|a| {
                !matches!(
                    a,
                    b'&' | b'|' | b'<' | b'>' | b'^' | b'(' | b')' | b'\r' | b'\n'
                )
            }) =>
            {
                harmless += 1
            }
            b'&' | b'|' | b'<' | b'>' | b'^' => return false,
            b')' if q.in_block => return false,
            _ => {}
        }
    }
    harmless > 0
}

/// `quote` opens the text of an `echo` whose hidden specials are all meant to print: no `>`
/// before a file name (`>> "%LOG%"`, `> out.txt`, `>nul`) and no `&`, `&&`, `||` or `|`
/// before a command word (`& pause`, `| find`), and no `)` that should close a block. The
/// open quote is then the author's way of printing `|`, `<`, `>` and `&` in ASCII art or a
/// banner (`echo " | (___ | |`): the quote prints too, nothing else changes.
fn echo_prints_specials(ctx: &Ctx<'_>, quote: Span) -> bool {
    echo_at_quote(ctx, quote).is_some_and(|q| specials_are_text(q.rest, q.in_block))
}

/// The text after an open quote has no `>` before a file name, no `&`, `&&`, `||` or `|`
/// before a command word and (in a block) no `)`: its specials are text, not syntax.
fn specials_are_text(rest: &[u8], in_block: bool) -> bool {
    // The word after position `k` (blanks skipped), lower case.
    let word_after = |k: usize| -> Vec<u8> {
        let s = rest[k..]
            .iter()
            .position(|c| !matches!(c, b' ' | b'\t'))
            .map_or(rest.len(), |p| k + p);
        let e = rest[s..]
            .iter()
            .position(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
            .map_or(rest.len(), |p| s + p);
        rest[s..e].to_ascii_lowercase()
    };
    const COMMANDS: &[&[u8]] = &[
        b"pause",
        b"goto",
        b"exit",
        b"call",
        b"set",
        b"echo",
        b"echo.",
        b"if",
        b"for",
        b"cls",
        b"del",
        b"copy",
        b"move",
        b"start",
        b"find",
        b"findstr",
        b"more",
        b"sort",
        b"type",
        b"timeout",
        b"rem",
        b"cd",
        b"md",
        b"rd",
        b"ren",
        b"xcopy",
        b"robocopy",
        b"net",
        b"shutdown",
        b"clip",
        b"choice",
    ];
    let mut k = 0;
    while k < rest.len() {
        match rest[k] {
            b'>' => {
                let mut e = k + 1;
                while rest.get(e).is_some_and(|&c| c == b'>' || c == b'&') {
                    e += 1;
                }
                let target = word_after(e);
                // A variable: `%name%` or `!name!` (`%%` alone is a percent sign, `!%%` in
                // a list of special characters no reference).
                let var = |c: u8| {
                    target.len() >= 3
                        && target[0] == c
                        && target[1] != c
                        && target[2..].contains(&c)
                };
                let file = target.first() == Some(&b'"')
                    || var(b'%')
                    // `%1`, `%~dp0log.txt`: an argument or a path built from one.
                    || (target.first() == Some(&b'%')
                        && target.get(1).is_some_and(|c| c.is_ascii_digit() || *c == b'~'))
                    || var(b'!')
                    || target.contains(&b'\\')
                    || target.starts_with(b"nul")
                    || target.iter().rposition(|&c| c == b'.').is_some_and(|d| {
                        d + 1 < target.len()
                            && target[d + 1..].iter().all(u8::is_ascii_alphanumeric)
                    });
                if file {
                    return false;
                }
                k = e;
            }
            b'&' | b'|' => {
                let mut e = k + 1;
                while rest.get(e).is_some_and(|&c| c == b'&' || c == b'|') {
                    e += 1;
                }
                let w = word_after(e);
                let w = w.strip_prefix(b"@").unwrap_or(&w);
                if COMMANDS.contains(&w) {
                    return false;
                }
                k = e;
            }
            b')' if in_block => return false,
            _ => k += 1,
        }
    }
    true
}

/// `quote` opens the command text of a `powershell -command "…` (or `pwsh`) that runs to the
/// end of the line, and the specials after it are PowerShell's (`|`, `&`, `;`, braces): cmd.exe
/// passes them to PowerShell, which runs the pipeline as written. Not when a redirection
/// (`>nul`, meant for cmd.exe) follows, or the line ends in `{`, `(` or `^` (a script block
/// written over several lines, whose next lines cmd.exe runs as commands).
fn powershell_command_to_line_end(ctx: &Ctx<'_>, quote: Span) -> bool {
    let Some(q) = at_quote(ctx, quote) else {
        return false;
    };
    let StmtKind::Simple(sm) = &q.stmt.kind else {
        return false;
    };
    let mut buf = Vec::new();
    let is_ps = crate::syntax::names::program_stem_into(ctx.source.slice(sm.name.span), &mut buf)
        .is_some_and(|st| {
            st.eq_ignore_ascii_case(b"powershell") || st.eq_ignore_ascii_case(b"pwsh")
        });
    if !is_ps {
        return false;
    }
    let rest = q.rest.trim_ascii_end();
    let redirects = rest.iter().any(|&b| matches!(b, b'<' | b'>'));
    let closes_block = q.in_block && rest.contains(&b')');
    let continues = matches!(rest.last(), Some(b'{' | b'(' | b'^'));
    !(redirects || closes_block || continues)
}

/// `quote` opens a URL with a query that runs to the end of the line (`start "" "https://…/?q=
/// %q%&version=%v%`): it has `://` or `?` before its first special character, and its only
/// specials are `&`s that each join a `name=` parameter. The open quote keeps them in the URL,
/// as meant; without it cmd.exe would cut the URL and run `version=…` as a command.
fn url_query_to_line_end(ctx: &Ctx<'_>, quote: Span) -> bool {
    let Some(q) = at_quote(ctx, quote) else {
        return false;
    };
    let rest = q.rest.trim_ascii_end();
    let special = |b: u8| matches!(b, b'&' | b'|' | b'<' | b'>' | b'^' | b'(' | b')');
    let Some(first) = rest.iter().position(|&b| special(b)) else {
        return false;
    };
    let head = &rest[..first];
    let url = head.windows(3).any(|w| w == b"://") || head.contains(&b'?');
    url && rest.iter().enumerate().all(|(k, &b)| {
        if !special(b) {
            return true;
        }
        if b != b'&' {
            return false;
        }
        // `&name=`: letters, digits, `_`, `-`, `.` or a `%var%`'s bytes, then `=`.
        let after = &rest[k + 1..];
        let n = after
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'%'))
            .count();
        n > 0 && after.get(n) == Some(&b'=')
    })
}

/// `quote` opens a `set "name=value` whose value runs to the end of the line with nothing
/// after it that would act outside quotes (`&`, `|`, `<`, `>`, or a `)` inside a block): SET
/// takes the rest of the line as the value, which is what the author wrote (a macro
/// definition's `^!` and parentheses are meant to stay in it).
fn set_value_to_line_end(ctx: &Ctx<'_>, quote: Span) -> bool {
    let Some(q) = at_quote(ctx, quote) else {
        return false;
    };
    let StmtKind::Set(set) = &q.stmt.kind else {
        return false;
    };
    // The opening quote: the first byte after the keyword and its blanks.
    let first = ctx
        .source
        .bytes()
        .get(set.keyword.end()..quote.start())
        .is_some_and(|gap| {
            let gap = gap.trim_ascii();
            // `set /p "name=prompt`: the switch stands before the quote.
            let gap = match gap.get(..2) {
                Some(p) if set.kind == SetKind::Prompt && p.eq_ignore_ascii_case(b"/p") => {
                    gap[2..].trim_ascii()
                }
                _ => gap,
            };
            gap.is_empty()
        });
    // `set /p "ans= Delete it? [Y/N] >`: the open quote keeps the prompt's closing `>` as
    // text, which is what the author wrote (without it, `>` would redirect to no file).
    let rest = match q.rest.trim_ascii_end() {
        [head @ .., b'>'] if set.kind == SetKind::Prompt && !head.ends_with(b">") => head,
        r => r,
    };
    // `set "expr=%expr%v^=-m&(v^(x+1)),` (a `set /a` macro built over several lines): the
    // `&` and `^` are the expression's, and nothing after them is a command or a file.
    set.quoted
        && first
        && (!rest
            .iter()
            .any(|&b| matches!(b, b'&' | b'|' | b'<' | b'>') || (q.in_block && b == b')'))
            || (set.kind == SetKind::Assign && specials_are_text(rest, q.in_block)))
}

/// `set dlg="about:<input type=file id=F><script>…`: a `set` whose open quote keeps HTML
/// tags as text, the only specials after it (every `<` starts a tag name or `</`, every `>`
/// ends a tag; no `&`, `|` or block-closing `)`). The value is built over several lines for
/// `mshta`, and the quote is what stops cmd.exe from reading the tags as redirections.
fn set_value_of_markup(ctx: &Ctx<'_>, quote: Span) -> bool {
    let Some(q) = at_quote(ctx, quote) else {
        return false;
    };
    let StmtKind::Set(set) = &q.stmt.kind else {
        return false;
    };
    if set.kind != SetKind::Assign {
        return false;
    }
    let rest = q.rest;
    let (mut in_tag, mut tags) = (false, 0);
    for (i, &b) in rest.iter().enumerate() {
        match b {
            b'<' if !in_tag => {
                let next = rest.get(i + 1).copied().unwrap_or(b' ');
                if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
                    return false;
                }
                in_tag = true;
            }
            b'>' if in_tag => {
                in_tag = false;
                tags += 1;
            }
            b'<' | b'>' | b'&' | b'|' => return false,
            b')' if q.in_block => return false,
            _ => {}
        }
    }
    tags > 0
}

/// The `%…%` reference before `quote` on its line that holds a `"`: cmd.exe's phase 1
/// replaces it, quote and all, before the quotes are paired.
fn swallowed_quote(ctx: &Ctx<'_>, quote: Span) -> Option<Span> {
    let line = ctx.source.line_of(quote.start());
    let start = ctx.source.line_span(line).start();
    ctx.script
        .expansions_in(Span::new(start, quote.start()))
        .iter()
        .filter(|e| e.kind == ExpansionKind::Var && e.span.end() <= quote.start())
        .map(|e| e.span)
        .find(|&sp| ctx.source.slice(sp).contains(&b'"'))
}

/// Up to 40 bytes of `b` for a message, the middle left out of longer text.
fn shown(b: &[u8]) -> String {
    if b.len() <= 40 {
        String::from_utf8_lossy(b).into_owned()
    } else {
        format!(
            "{}…{}",
            String::from_utf8_lossy(&b[..24]),
            String::from_utf8_lossy(&b[b.len() - 12..])
        )
    }
}
