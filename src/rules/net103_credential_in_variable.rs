//! NET103 credential-in-variable.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Diagnostic, Severity, MASK};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{Condition, ExpansionKind, SetKind, StmtKind};

pub static RULE: Rule = Rule {
    code: "NET103",
    name: "credential-in-variable",
    severity: Severity::Error,
    summary: "A variable named like a password is set to a literal that a later command uses",
    what: "Reports `set NAME=VALUE` (plain or quoted form) when NAME reads as a password \
           (it ends in `PASSWORD`, `PASSWD`, `PASSWORT`, `KENNWORT` or `PWD`, or is `PASS` / \
           ends in `_PASS`; also with one or two digits after it: `pass2`, `password_1`), \
           VALUE is a literal (no expansion, not empty, not `\"\"`, not `*`, not a number \
           of at most three digits, which is a count or an index, not one character or a \
           yes/no word (`Y`, `off`), which is a switch, not `Random`, which \
           picks `net user /random`, nor a placeholder to fill in (`DatabasePasswordHere`, \
           `YOUR_PASSWORD`), nor a word for \"no value yet\" (`undetected`, `unknown`, \
           `none`), nor a sentence of three words or more (`set \"report_password=Reads \
           saved browser passwords\"`, a message the script shows), nor a value the script \
           tests the variable against, \
           a mode word: `if /i \"%pw%\"==\"none\"`), and a \
           later statement (not a comment) expands the variable (`%NAME%`, `%NAME:~0,4%`, `!NAME!`) by the \
           name cmd.exe stored (`set pw = x` stores `pw `, with the blank, which `%pw%` does \
           not read). `set /p` \
           (the user types it) is not reported. The value is never printed: every output \
           format shows it masked.",
    why: "Moving the password into a variable does not hide it: the `set` line is in the \
          script, and logon scripts live in NETLOGON, which every domain user can read. The \
          password is given to every user of the domain.",
    example:
        "set ADMINPWD=Winter2001\r\nnet use X: \\\\FILES\\tools %ADMINPWD% /user:CORP\\admin\r\n",
    fix: "rem map with the user's own credentials; the share grants the users' group access\r\n\
          net use X: \\\\FILES\\tools\r\n",
    sources: &[
        "ScriptSentry: plaintext credentials in NETLOGON/SYSVOL logon scripts",
        "MITRE ATT&CK T1552.001 (Unsecured Credentials: Credentials In Files)",
    ],
    check: Some(check),
    opt_in: None,
};

/// A variable name that reads as a password (lower case, no `%`).
fn names_a_password(name: &[u8]) -> bool {
    let n = name.trim_ascii();
    // `pass2`, `password_1`: the second of several passwords.
    let n = match n.iter().rposition(|b| !b.is_ascii_digit()) {
        Some(k) if k + 1 < n.len() && k + 1 + 2 >= n.len() => {
            let stem = &n[..=k];
            stem.strip_suffix(b"_").unwrap_or(stem)
        }
        _ => n,
    };
    // Any case, without a lower-case copy of every SET name.
    let ends = |s: &[u8]| n.len() >= s.len() && n[n.len() - s.len()..].eq_ignore_ascii_case(s);
    if n.eq_ignore_ascii_case(b"pwd") || n.eq_ignore_ascii_case(b"oldpwd") {
        return false; // the Unix working-directory variables of ported scripts
    }
    ["password", "passwd", "passwort", "kennwort", "pwd"]
        .iter()
        .any(|s| ends(s.as_bytes()))
        || n.eq_ignore_ascii_case(b"pass")
        || ends(b"_pass")
        || ends(b"-pass")
}

/// A value no one keeps secret: a word for "no value yet" (`undetected`, `unknown`, `none`,
/// …), a file name (`set PASS=test_passed.log`), or a sentence of three words or more (`set
/// "report_password=Reads saved browser passwords"`, a message the script shows).
fn not_a_secret(value: &[u8]) -> bool {
    let lower = value.to_ascii_lowercase();
    if matches!(
        lower.as_slice(),
        b"undetected"
            | b"unknown"
            | b"none"
            | b"null"
            | b"nul"
            | b"unset"
            | b"undefined"
            | b"notset"
            | b"empty"
            | b"nothing"
            | b"n/a"
    ) {
        return true;
    }
    // A file name (`set PASS=test_passed.log`: a pass/fail result file).
    if let Some(dot) = lower.iter().rposition(|&b| b == b'.') {
        let ext = &lower[dot + 1..];
        if matches!(
            ext,
            b"log"
                | b"txt"
                | b"xml"
                | b"tmp"
                | b"csv"
                | b"json"
                | b"ini"
                | b"dat"
                | b"out"
                | b"bat"
                | b"cmd"
                | b"exe"
                | b"flg"
                | b"html"
        ) && dot > 0
        {
            return true;
        }
    }
    let words = value
        .split(|&b| b == b' ')
        .filter(|w| w.iter().any(u8::is_ascii_alphabetic))
        .count();
    words >= 3
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (script, src) = (ctx.script, ctx.source);
    // Candidate assignments: (name lower case, name span, value span, end of the set).
    let mut sets: Vec<(Vec<u8>, Span, Span)> = Vec::new();
    for id in script.ids() {
        let StmtKind::Set(set) = &script.stmt(id).kind else {
            continue;
        };
        if set.kind != SetKind::Assign {
            continue;
        }
        let (Some(name), Some(value)) = (set.name, set.value) else {
            continue;
        };
        let n = src.slice(name);
        if !names_a_password(n) {
            continue;
        }
        let v = src.slice(value);
        let inner = v.trim_ascii();
        // A number of one to three digits is a count or an index (`set get_password=3`
        // for a `skip=`), not a secret.
        // `set Password=""`: an empty password in quotes (an open game server), no secret.
        if inner.is_empty()
            || inner == b"\"\""
            || inner == b"''"
            || inner == b"*"
            || (inner.len() <= 3 && inner.iter().all(u8::is_ascii_digit))
            || is_switch(strip_quotes(inner))
            || crate::rules::bat_util::is_placeholder_password(inner)
            || !script.expansions_in(value).is_empty()
            || not_a_secret(strip_quotes(inner))
        {
            continue;
        }
        let lead = v.len() - v.trim_ascii_start().len();
        let trail = v.len() - v.trim_ascii_end().len();
        let value = Span::new(value.start() + lead, value.end() - trail);
        // The name as cmd.exe stores it: `set pw = x` names `pw ` (trailing blank), which
        // `%pw%` does not read (BAT205 reports that).
        sets.push((n.trim_ascii_start().to_ascii_lowercase(), name, value));
    }
    if sets.is_empty() {
        return;
    }
    // `if "%password%"=="Random" …`: a value the script tests the variable against is a
    // mode word (a sentinel), not a secret. (variable, other side), lower case, quotes off.
    let tested = sentinels(ctx);
    sets.retain(|(n, _, value)| {
        let v = strip_quotes(src.slice(*value)).to_ascii_lowercase();
        // `net user NAME /random`: `Random` chooses the option, it is no password.
        v != b"random" && !tested.contains(&(n.trim_ascii_end().to_vec(), v))
    });
    // Uses of those names, in source order: one pass over the expansions.
    let wanted: HashMap<&[u8], ()> = sets.iter().map(|(n, _, _)| (n.as_slice(), ())).collect();
    let mut uses: HashMap<Vec<u8>, Vec<Span>> = HashMap::default();
    // A `%name%` in a comment or label line uses nothing: the spans of those lines, in
    // source order.
    let quiet: Vec<Span> = script
        .stmts
        .iter()
        .filter(|s| matches!(s.kind, StmtKind::Comment(_) | StmtKind::Label(_)))
        .map(|s| s.span)
        .collect();
    let in_quiet = |at: usize| inside(&quiet, at);
    // The spans of the ECHO commands, in source order.
    let echoes: Vec<Span> = script
        .stmts
        .iter()
        .filter(|s| matches!(s.kind, StmtKind::Echo(_)))
        .map(|s| s.span)
        .collect();
    let in_echo = |at: usize| inside(&echoes, at);
    for e in &script.expansions {
        if !matches!(e.kind, ExpansionKind::Var | ExpansionKind::Delayed) {
            continue;
        }
        let t = src.slice(e.span);
        if t.len() < 3 {
            continue;
        }
        let inner = &t[1..t.len() - 1];
        let name = match inner.iter().position(|&b| b == b':') {
            Some(i) => &inner[..i],
            None => inner,
        };
        let name = name.to_ascii_lowercase();
        if wanted.contains_key(name.as_slice()) && !in_quiet(e.span.start()) {
            uses.entry(name).or_default().push(e.span);
        }
    }
    for (n, name, value) in sets {
        let Some(list) = uses.get(&n) else {
            continue;
        };
        // The first use after this assignment (the list is in source order), and of those
        // the first outside an ECHO (the command that takes the password, not a message
        // showing it) when there is one.
        let i = list.partition_point(|s| s.start() < value.end());
        let Some(used) = list[i.min(list.len())..]
            .iter()
            .find(|u| !in_echo(u.start()))
            .or_else(|| list.get(i))
        else {
            continue;
        };
        let var = src.display(name).trim().to_string();
        out.push(
            RULE.diag(
                value,
                format!(
                    "`{var}` holds the password `{MASK}` in clear text and line {} uses it: \
                     anyone who can read this script can read the password{}",
                    src.line_of(used.start()),
                    crate::rules::bat_util::netlogon_readers(ctx)
                ),
            )
            .with_label("password in clear text")
            .with_related(*used, "used here")
            .with_help(
                "take the password out of the script (let the command prompt for it, or use \
                 the user's own credentials), then change it: old copies and backups of the \
                 script still hold it",
            )
            .with_secret(value),
        );
    }
}

/// One of `spans` (in source order, none inside another) holds offset `at`.
fn inside(spans: &[Span], at: usize) -> bool {
    let k = spans.partition_point(|s| s.end() <= at);
    spans.get(k).is_some_and(|s| s.start() <= at)
}

/// `"x"`, `[x]` or `x`: the text inside one pair of quotes or brackets.
/// `set "copy_pass=Y"`: one character or a yes/no word is a switch (copy the generated
/// password or not), no secret.
fn is_switch(v: &[u8]) -> bool {
    v.len() == 1
        || [&b"yes"[..], b"no", b"true", b"false", b"on", b"off"]
            .iter()
            .any(|w| v.eq_ignore_ascii_case(w))
}

fn strip_quotes(w: &[u8]) -> &[u8] {
    let w = w.trim_ascii();
    match (w.first(), w.last()) {
        (Some(b'"'), Some(b'"')) | (Some(b'['), Some(b']')) | (Some(b'\''), Some(b'\''))
            if w.len() >= 2 =>
        {
            &w[1..w.len() - 1]
        }
        _ => w,
    }
}

/// The (variable, value) pairs of the file's IF comparisons of one variable with a fixed
/// text (`if /i "%pw%"=="random"`), lower case, quotes off.
fn sentinels(ctx: &Ctx<'_>) -> rustc_hash::FxHashSet<(Vec<u8>, Vec<u8>)> {
    let src = ctx.source;
    let mut found = rustc_hash::FxHashSet::default();
    for stmt in &ctx.script.stmts {
        let StmtKind::If(ifs) = &stmt.kind else {
            continue;
        };
        let Condition::Compare { lhs, rhs, .. } = &ifs.condition else {
            continue;
        };
        let (l, r) = (
            strip_quotes(src.slice(lhs.span)),
            strip_quotes(src.slice(rhs.span)),
        );
        let var = |w: &[u8]| -> Option<Vec<u8>> {
            let inner = match w {
                [b'%', inner @ .., b'%'] | [b'!', inner @ .., b'!'] => inner,
                _ => return None,
            };
            (!inner.is_empty() && !inner.iter().any(|b| matches!(b, b'%' | b'!' | b':')))
                .then(|| inner.to_ascii_lowercase())
        };
        let fixed = |w: &[u8]| !w.is_empty() && !w.iter().any(|b| matches!(b, b'%' | b'!'));
        for (a, b) in [(l, r), (r, l)] {
            if let Some(name) = var(a) {
                if fixed(b) {
                    found.insert((name, b.to_ascii_lowercase()));
                }
            }
        }
    }
    found
}
