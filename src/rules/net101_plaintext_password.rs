//! NET101 plaintext-password.

use crate::diagnostic::{Diagnostic, Severity, MASK};
use crate::rules::bat_util::{argv, Arg, Repeats, Siblings};
use crate::rules::{Ctx, Rule};
use crate::source::{Source, Span};
use crate::syntax::ast::{Connector, StmtKind};

pub static RULE: Rule = Rule {
    code: "NET101",
    name: "plaintext-password",
    severity: Severity::Error,
    summary: "A password is written in clear text on a command line",
    what: "Reports a literal password given to a command: `net use … PASSWORD` (before or \
           after `/user:`), `net user NAME PASSWORD`, `psexec -p`, `cpau -p`, `echo PASSWORD| \
           runas`, `cmdkey /pass:`, `schtasks /rp` and `/p`, `sc … password= …`, \
           `wmic /password:`, `mysql`/`mysqldump`/`mysqladmin` `-pPASSWORD` or \
           `--password=PASSWORD`, and `reg add …\\Winlogon /v DefaultPassword /d …`. A value \
           that is \
           itself an expansion (`%PASS%`, `%1`, `%%p`) or `*` (prompt for it) is not a literal \
           and is not reported; neither is an empty `\"\"`, a placeholder word, nor a `$name` \
           that the file assigns (`$pw = Read-Host …`: PowerShell saved as `.bat`), nor a \
           start password of `net user NAME …` that a later `net user NAME *` replaces with \
           one typed at the console (unless the file also writes that password on a line of its \
           own, as an answer meant for the prompt). A \
           password the file gives several times is reported once, at its first place, with \
           the others as related places. The password is never printed: the message and \
           every output format show it masked.",
    why: "Logon scripts live in NETLOGON (SYSVOL on Windows 2000 and later), which every \
          domain user can read: a password in a logon script is given to every user of the \
          domain, and to anyone who gets one user's session. Audits of NETLOGON \
          (ScriptSentry) report exactly this first. The password stays in old copies, backups \
          and version history after it is removed, so it must also be changed.",
    example: "net use S: \\\\FILES\\apps Summer2001 /user:CORP\\svc_apps\r\n",
    fix: "rem map with the user's own credentials; the share grants the users' group access\r\n\
          net use S: \\\\FILES\\apps\r\n",
    sources: &[
        "ScriptSentry: plaintext credentials in NETLOGON/SYSVOL logon scripts",
        "MITRE ATT&CK T1552.001 (Unsecured Credentials: Credentials In Files)",
        "Windows command reference: net use, net user, cmdkey, schtasks, sc config, runas, wmic",
        "MySQL reference manual, command options for connecting: -p/--password (\"Specifying a password on the command line should be considered insecure\")",
    ],
    check: Some(check),
    opt_in: None,
};

/// One password on a command line: the command that receives it and the value's bytes.
struct Secret {
    what: &'static str,
    value: Span,
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let src = ctx.source;
    // Each password once: where it was first reported (index into `out`) and how many more
    // times the file gives it (a script creating twenty accounts with one password is one
    // leak, shown at its first place with the others as related places).
    let mut repeats: Repeats<&[u8]> = Repeats::new();
    let mut siblings: Option<Siblings> = None;
    let mut shell_vars: Option<rustc_hash::FxHashSet<Vec<u8>>> = None;
    let mut prompted: Option<Vec<(&[u8], usize)>> = None;
    for inv in &ctx.sms().invocations {
        // Compared as bytes first: most commands are none of these.
        if !matches!(
            inv.name.as_bytes(),
            b"net"
                | b"psexec"
                | b"psexec64"
                | b"paexec"
                | b"cpau"
                | b"cmdkey"
                | b"schtasks"
                | b"sc"
                | b"wmic"
                | b"reg"
                | b"runas"
                | b"mysql"
                | b"mysqldump"
                | b"mysqladmin"
        ) {
            continue;
        }
        let args = argv(src, inv.args(ctx.script));
        let mut found: Vec<Secret> = Vec::new();
        match inv.name.as_str() {
            "net" => {
                // `net user NAME temp /add`, then `net user NAME *`: a throw-away password the
                // script replaces at once with one the admin types.
                if let Some(account) = net(src, &args, &mut found) {
                    let reset = prompted.get_or_insert_with(|| prompted_accounts(ctx));
                    let name = src.slice(account);
                    // Unless the script also writes the password on a line of its own (meant
                    // as the answer to the prompt, which reads the console, not the script).
                    let once = |s: &Secret| !on_own_line(src.bytes(), src.slice(s.value));
                    if reset
                        .iter()
                        .any(|(n, at)| *at > inv.stmt.index() && n.eq_ignore_ascii_case(name))
                        && found.iter().all(once)
                    {
                        found.clear();
                    }
                }
            }
            "psexec" | "psexec64" | "paexec" => psexec(src, &args, &mut found),
            "cpau" => {
                if let Some(v) = value_after(src, &args, &["-p"]) {
                    found.push(Secret {
                        what: "cpau -p",
                        value: v,
                    });
                }
            }
            "cmdkey" => {
                if let Some(v) = glued_value(src, &args, "/pass:") {
                    found.push(Secret {
                        what: "cmdkey /pass:",
                        value: v,
                    });
                }
            }
            "schtasks" => {
                for (flag, what) in [("/rp", "schtasks /rp"), ("/p", "schtasks /p")] {
                    if let Some(v) = value_after(src, &args, &[flag]) {
                        found.push(Secret { what, value: v });
                    }
                }
            }
            "sc" => {
                let v = glued_value(src, &args, "password=")
                    .or_else(|| value_after(src, &args, &["password="]));
                if let Some(v) = v {
                    found.push(Secret {
                        what: "sc password=",
                        value: v,
                    });
                }
            }
            "wmic" => {
                if let Some(v) = glued_value(src, &args, "/password:") {
                    found.push(Secret {
                        what: "wmic /password:",
                        value: v,
                    });
                }
            }
            "reg" => reg_default_password(src, &args, &mut found),
            program @ ("mysql" | "mysqldump" | "mysqladmin") => {
                if let Some((v, long)) = mysql_password(src, &args) {
                    // The message names the program and the option the line uses.
                    let what = match (program, long) {
                        ("mysqldump", false) => "mysqldump -p",
                        ("mysqldump", true) => "mysqldump --password=",
                        ("mysqladmin", false) => "mysqladmin -p",
                        ("mysqladmin", true) => "mysqladmin --password=",
                        (_, false) => "mysql -p",
                        (_, true) => "mysql --password=",
                    };
                    found.push(Secret { what, value: v });
                }
            }
            "runas" => {
                let sib = siblings.get_or_insert_with(|| Siblings::build(ctx.script));
                if let Some(v) = echo_into(ctx, sib, inv.stmt) {
                    found.push(Secret {
                        what: "echo … | runas",
                        value: v,
                    });
                }
            }
            _ => {}
        }
        for s in found {
            // `net user x $pw` where the file assigns `$pw = …`: PowerShell, not a password.
            let text = src.slice(s.value);
            if text.first() == Some(&b'$')
                && shell_vars
                    .get_or_insert_with(|| assigned_shell_variables(src.bytes()))
                    .contains(&text.to_ascii_lowercase())
            {
                continue;
            }
            if let Some(d) = repeats.again(text, out, s.value, "the same password again") {
                d.secrets.push(s.value);
                continue;
            }
            repeats.first(text, out.len());
            out.push(
                RULE.diag(
                    s.value,
                    format!(
                        "`{}` is given the password `{MASK}` in clear text: anyone who can \
                         read this script can read the password{}",
                        s.what,
                        crate::rules::bat_util::netlogon_readers(ctx)
                    ),
                )
                .with_label("password in clear text")
                .with_help(
                    "take the password out of the script (let the command prompt for it with \
                     `*`, or use the user's own credentials), then change it: old copies and \
                     backups of the script still hold it",
                )
                .with_secret(s.value),
            );
        }
    }
    repeats.finish(out, "the script gives the same password");
}

/// MySQL's client password: `-pSECRET` (glued: a lone `-p` prompts; `-P` is the port) or
/// `--password=SECRET` (`true`: the long option).
fn mysql_password(src: &Source, args: &[Arg]) -> Option<(Span, bool)> {
    args.iter().find_map(|a| {
        let t = src.slice(a.span);
        if t.starts_with(b"--password=") {
            literal_from(src, a, 11).map(|v| (v, true))
        } else if t.len() > 2 && t.starts_with(b"-p") {
            literal_from(src, a, 2).map(|v| (v, false))
        } else {
            None
        }
    })
}

/// [`literal`] of argument `a` from its byte `skip` on (the value glued to an option).
fn literal_from(src: &Source, a: &Arg, skip: usize) -> Option<Span> {
    let rest = Arg {
        span: Span::new(a.span.start() + skip, a.span.end()),
        dynamic: a.dynamic,
    };
    literal(src, &rest)
}

/// The bytes of an argument without its quotes, when it is a literal password: no
/// expansion, not `*` (prompt), not empty.
fn literal(src: &Source, a: &Arg) -> Option<Span> {
    if a.dynamic {
        return None;
    }
    let inner = unquoted(src, a.span);
    let text = src.slice(inner);
    if text.is_empty()
        || text == b"*"
        || text.iter().all(|&b| b == b'"')
        || crate::rules::bat_util::is_placeholder_password(text)
    {
        return None;
    }
    Some(inner)
}

/// The `$name`s the file assigns (`$pw = Read-Host …`, lower case): PowerShell variables in
/// a PowerShell script saved as `.bat`. One pass over the file.
fn assigned_shell_variables(all: &[u8]) -> rustc_hash::FxHashSet<Vec<u8>> {
    memchr::memchr_iter(b'$', all)
        .filter_map(|at| {
            let rest = &all[at + 1..];
            let len = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            let after = rest[len..].trim_ascii_start();
            (len > 0
                && !rest[0].is_ascii_digit()
                && after.first() == Some(&b'=')
                && after.get(1) != Some(&b'='))
            .then(|| all[at..at + 1 + len].to_ascii_lowercase())
        })
        .collect()
}

/// A span without one pair of surrounding quotes (or a lone leading quote).
fn unquoted(src: &Source, span: Span) -> Span {
    let b = src.slice(span);
    let mut s = span;
    if b.first() == Some(&b'"') {
        s.set_start(s.start() + 1);
        if b.len() > 1 && b.last() == Some(&b'"') {
            s.set_end(s.end() - 1);
        }
    }
    s
}

fn text_is(src: &Source, a: &Arg, want: &str) -> bool {
    src.slice(a.span).eq_ignore_ascii_case(want.as_bytes())
}

fn is_switch(src: &Source, a: &Arg) -> bool {
    matches!(src.slice(a.span).first(), Some(b'/'))
}

/// The literal value of the argument after the first `flag` (any case).
fn value_after(src: &Source, args: &[Arg], flags: &[&str]) -> Option<Span> {
    let i = args
        .iter()
        .position(|a| flags.iter().any(|f| text_is(src, a, f)))?;
    let next = args.get(i + 1)?;
    // `schtasks … /rp /f`: the flag has no value (schtasks then prompts for the password),
    // and the next word is the command's next switch.
    if is_flag_word(src.slice(next.span)) {
        return None;
    }
    literal(src, next)
}

/// A command-line switch (`/f`, `/sc`, `-h`): a `/` or `-` and up to twelve letters or digits
/// (a `-` switch: letters only).
fn is_flag_word(word: &[u8]) -> bool {
    match word {
        [b'/', rest @ ..] => {
            (1..=12).contains(&rest.len()) && rest.iter().all(u8::is_ascii_alphanumeric)
        }
        [b'-', rest @ ..] => {
            (1..=12).contains(&rest.len()) && rest.iter().all(u8::is_ascii_alphabetic)
        }
        _ => false,
    }
}

/// The literal value glued to `prefix` in one argument (`/pass:secret`), quotes removed.
fn glued_value(src: &Source, args: &[Arg], prefix: &str) -> Option<Span> {
    let p = prefix.as_bytes();
    args.iter().find_map(|a| {
        let t = src.slice(a.span);
        if t.len() <= p.len() || !t[..p.len()].eq_ignore_ascii_case(p) {
            return None;
        }
        literal_from(src, a, p.len())
    })
}

/// `pw` stands alone on a line of `text` (blanks around it allowed). At most 64 places are
/// looked at, so the question stays cheap however often a short password occurs.
fn on_own_line(text: &[u8], pw: &[u8]) -> bool {
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r');
    memchr::memmem::find_iter(text, pw).take(64).any(|at| {
        let before = &text[..at];
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let after = &text[at + pw.len()..];
        let end = after
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(after.len());
        before[start..].iter().all(blank) && after[..end].iter().all(blank)
    })
}

/// The accounts whose password the script asks for at the console (`net user NAME *`), with
/// the index of that statement.
fn prompted_accounts<'a>(ctx: &Ctx<'a>) -> Vec<(&'a [u8], usize)> {
    let src = ctx.source;
    let mut out = Vec::new();
    for inv in &ctx.sms().invocations {
        if inv.name.as_bytes() != b"net" {
            continue;
        }
        let args = argv(src, inv.args(ctx.script));
        let words: Vec<&[u8]> = args.iter().map(|a| src.slice(a.span)).collect();
        if let [sub, name, b"*", ..] = words.as_slice() {
            if sub.eq_ignore_ascii_case(b"user") && !name.starts_with(b"/") {
                out.push((*name, inv.stmt.index()));
            }
        }
    }
    out
}

/// `net use [device] \\server\share PASSWORD [/user:…]` and `net user NAME PASSWORD`.
/// Returns the account name of a `net user` password it found.
fn net(src: &Source, args: &[Arg], found: &mut Vec<Secret>) -> Option<Span> {
    let sub = args.first()?;
    let sub = src.slice(sub.span).to_ascii_lowercase();
    // Positional words: not switches. `/user:` with its value in the next word takes that
    // word as the user name.
    let mut positional: Vec<&Arg> = Vec::new();
    let mut own_account = false;
    let mut skip_next = false;
    for a in &args[1..] {
        if skip_next {
            skip_next = false;
            continue;
        }
        if is_switch(src, a) {
            let t = src.slice(a.span).to_ascii_lowercase();
            skip_next = t == b"/user:" || t == b"/u:";
            own_account |= (t.starts_with(b"/user:") || t.starts_with(b"/u:"))
                && t.windows(10).any(|w| w == b"%username%");
            continue;
        }
        positional.push(a);
    }
    let starts_unc = |a: &Arg| src.slice(unquoted(src, a.span)).starts_with(b"\\\\");
    match sub.as_slice() {
        b"use" => {
            // `/user:%USERNAME%` is each user's own account: no literal can be every user's
            // password (a word there is a path with an unquoted space).
            if own_account {
                return None;
            }
            // The share: the first positional word, or the second after a device (a dynamic
            // device `%DRV%` counts when a `\\server` word follows it).
            let share = match positional.as_slice() {
                [first, ..] if starts_unc(first) => 0,
                [first, second, ..]
                    if (is_device(src.slice(first.span)) || first.dynamic)
                        && (starts_unc(second) || (second.dynamic && !first.dynamic)) =>
                {
                    1
                }
                _ => return None,
            };
            // `net use` takes no word after the password: more words mean a path with an
            // unquoted space, not a password.
            if positional.len() != share + 2 {
                return None;
            }
            // `net use x: \\computer name\sharename`: a bare `\\server` and a word with a
            // backslash after it are one path cut in two by an unquoted space.
            let unc = src.slice(unquoted(src, positional[share].span));
            if unc.starts_with(b"\\\\")
                && !unc[2..].contains(&b'\\')
                && src.slice(positional[share + 1].span).contains(&b'\\')
            {
                return None;
            }
            if let Some(v) = literal(src, positional[share + 1]) {
                found.push(Secret {
                    what: "net use",
                    value: v,
                });
            }
            None
        }
        b"user" | b"users" => {
            if positional.len() != 2 {
                return None;
            }
            // `net user K: \\server\share`: a `net use` mistyped (a drive, then a share), no
            // account and no password.
            let drive = |t: &[u8]| t.len() == 2 && t[0].is_ascii_alphabetic() && t[1] == b':';
            if drive(src.slice(positional[0].span)) || starts_unc(positional[1]) {
                return None;
            }
            let v = literal(src, positional[1])?;
            found.push(Secret {
                what: "net user",
                value: v,
            });
            Some(positional[0].span)
        }
        _ => None,
    }
}

/// A `net use` device: `X:`, `*`, `LPT1:`, `COM2:` (the colon optional for ports).
fn is_device(t: &[u8]) -> bool {
    if t == b"*" || (t.len() == 2 && t[0].is_ascii_alphabetic() && t[1] == b':') {
        return true;
    }
    let lower = t.to_ascii_lowercase();
    let port = lower.strip_suffix(b":").unwrap_or(&lower);
    (port.starts_with(b"lpt") || port.starts_with(b"com"))
        && port.len() > 3
        && port[3..].iter().all(u8::is_ascii_digit)
}

/// psexec's options up to the command it runs: `-p PASSWORD` is reported; arguments of the
/// remote command (after the first word that is not an option) are not psexec's.
fn psexec(src: &Source, args: &[Arg], found: &mut Vec<Secret>) {
    let mut i = 0;
    while i < args.len() {
        let t = src.slice(args[i].span).to_ascii_lowercase();
        if t.starts_with(b"\\\\") || t.starts_with(b"@") {
            i += 1;
            continue;
        }
        if t.first() != Some(&b'-') {
            return; // the command psexec runs
        }
        match t.as_slice() {
            b"-p" => {
                if let Some(v) = args.get(i + 1).and_then(|a| literal(src, a)) {
                    found.push(Secret {
                        what: "psexec -p",
                        value: v,
                    });
                }
                i += 2;
            }
            b"-u" | b"-n" | b"-r" | b"-w" | b"-a" | b"-g" => i += 2,
            b"-i" => {
                let numeric = args.get(i + 1).is_some_and(|a| {
                    let n = src.slice(a.span);
                    !n.is_empty() && n.iter().all(u8::is_ascii_digit)
                });
                i += if numeric { 2 } else { 1 };
            }
            _ => i += 1,
        }
    }
}

/// `reg add …\Winlogon /v DefaultPassword /d VALUE`.
fn reg_default_password(src: &Source, args: &[Arg], found: &mut Vec<Secret>) {
    if !args.first().is_some_and(|a| text_is(src, a, "add")) {
        return;
    }
    let winlogon = args.get(1).is_some_and(|k| {
        src.slice(k.span)
            .to_ascii_lowercase()
            .windows(8)
            .any(|w| w == b"winlogon")
    });
    let value_name = args
        .iter()
        .position(|a| text_is(src, a, "/v"))
        .and_then(|i| args.get(i + 1))
        .is_some_and(|v| {
            src.slice(unquoted(src, v.span))
                .eq_ignore_ascii_case(b"defaultpassword")
        });
    if winlogon && value_name {
        if let Some(v) = value_after(src, args, &["/d"]) {
            found.push(Secret {
                what: "reg add …\\Winlogon /v DefaultPassword /d",
                value: v,
            });
        }
    }
}

/// `echo PASSWORD| runas …`: the echoed literal piped into the runas statement `id`.
fn echo_into(ctx: &Ctx<'_>, sib: &Siblings, id: crate::syntax::ast::StmtId) -> Option<Span> {
    let stmt = ctx.script.stmt(id);
    if stmt.connector != Connector::Pipe {
        return None;
    }
    let prev = ctx.script.stmt(sib.before(id)?);
    let StmtKind::Echo(echo) = &prev.kind else {
        return None;
    };
    if echo.mode.is_some() || !ctx.script.expansions_in(echo.text).is_empty() {
        return None;
    }
    let t = ctx.source.slice(echo.text);
    let lead = t.len() - t.trim_ascii_start().len();
    let trail = t.len() - t.trim_ascii_end().len();
    let span = Span::new(echo.text.start() + lead, echo.text.end() - trail);
    let text = ctx.source.slice(span);
    (span.start() < span.end()
        && text != b"*"
        && !crate::rules::bat_util::is_placeholder_password(text))
    .then_some(span)
}
