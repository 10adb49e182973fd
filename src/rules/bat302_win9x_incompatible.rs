//! BAT302 win9x-incompatible: cmd.exe-only constructs in code Windows 9x clients run.

use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{handle_char, kids, own_ranges};
use crate::rules::{Ctx, Rule};
use crate::source::Span;
use crate::syntax::ast::{
    CallTarget, CmpOp, Condition, Connector, ExpansionKind, ForSwitch, JumpTarget, RedirectOp,
    SetKind, StmtId, StmtKind,
};
use crate::syntax::names::{program_stem_into, NT_ONLY_COMMANDS, POST_9X_PROGRAMS};

pub static RULE: Rule = Rule {
    code: "BAT302",
    name: "win9x-incompatible",
    severity: Severity::Warning,
    summary: "A construct COMMAND.COM on Windows 9x cannot run, in code Windows 9x clients reach",
    what: "Only in files Windows 9x clients run: with `targets = \"auto\"` (the default) the \
           logon scripts, the files they reach from code Windows 9x runs, and files that test \
           `%OS%` (`smslint check --show-config FILE` says which; the launcher-template line \
           `if \"%OS%\"==\"Windows_NT\" setlocal` of `gradlew.bat`, Ant and Groovy, with \
           nothing else under its `if`, is not such a test, nor is one that only turns \
           Windows 9x away, `echo This script needs Windows NT` and the end, in a script that \
           does its work on cmd.exe's side, nor `if not \"%OS%\"==\"Windows_NT\" goto x` \
           right above `:x` (older wrapper templates), nor one after which Windows 9x runs \
           no program but NT-only commands such as `pushd` and `cmd /C`, nor \
           `if \"%OS%\"==\"Windows_NT\" (` with a block over several lines, which COMMAND.COM \
           cannot read, as the WildFly and TomEE launchers set `DIRNAME`, nor tests that only \
           pick a value, `if \"%OS%\"==\"Windows_NT\" set HOME=\"%~dp0\"` with no else, in a \
           file that runs cmd.exe-only code before them on every client, such as \
           `SETLOCAL ENABLEDELAYEDEXPANSION` on its first line, nor a file whose only sign of \
           Windows 9x is its `%OS%` test when 3 or more statements before its first OS guard \
           already use cmd.exe-only syntax on every client and its Windows 9x branch only \
           gathers the arguments (`set ARGS=%ARGS% %1`, `shift`, `goto`): the argument loop of \
           an old launcher template that no longer runs there). Looks at each statement \
           Windows 95/98/ME clients reach (outside the NT side of an OS guard: \
           `%OS%`==\"Windows_NT\", `%OS%.==.`, `if cmdextversion`, `if '^(' == '('`, \
           `ver | find`) that uses a command-extension construct: `setlocal`/`endlocal`, \
           `if /i`, `if defined`, `if cmdextversion`, `EQU`-style comparisons, parenthesised \
           blocks, `else`, `&`, `&&`, `||`, `^` escapes, `2>` and `>&` redirections, \
           `goto :eof`, `call :label`, `%~` modifiers, `%*`, `%var:~n,m%` and `%var:a=b%` \
           edits, `set /a`, `set /p`, `for /d /r /l /f`, `exit /b`, and delayed `!var!` (when \
           the script enables delayed expansion). A file with no OS guard that gives \
           Windows 9x a path of its own (a guard whose command is a `( … )` block, which \
           COMMAND.COM cannot read, or that guards only the SETLOCAL of \
           `if \"%OS%\"==\"Windows_NT\" setlocal`, gives none) and that is written for \
           cmd.exe throughout (its first such statement among its first 3 executable ones, or \
           5 or more of them) gets one finding, at the first, with the count. Otherwise each \
           statement is a leak onto the Windows 9x path: one finding per statement, at most 5 \
           per file (the last says how many more).",
    why: "Logon scripts for mixed fleets run under COMMAND.COM on Windows 95/98/ME, which has \
          none of cmd.exe's extensions: `(` blocks and `else` are syntax errors, `&` is an \
          ordinary character, `2>nul` is not a redirection, `goto :eof` looks for a label named \
          `:eof` and stops the batch with \"Label not found\", `call :sub` tries to run a program \
          called `:sub`. The line fails or does something else, and the SMS client \
          installation or inventory it guards may never run on those clients.",
    example: "@echo off\nif /i \"%1\"==\"x\" (echo a) else (echo b)\ncall :sub\ngoto :eof\n:sub\n",
    fix: "@echo off\nif not \"%OS%\"==\"Windows_NT\" goto win9x\nif /i \"%1\"==\"x\" (echo a) else (echo b)\ncall :sub\ngoto :eof\n:sub\ngoto :eof\n:win9x\nif \"%1\"==\"x\" echo a\nif not \"%1\"==\"x\" echo b\n:end\n",
    sources: &[
        "cmd-semantics §1.16 (Wiki-cmd, consym, RvdW-redir, DOS622-IF, IF-help, GOTO-help, CALL-help, FOR-help)",
        "cmd-semantics T67",
        "sms-domain §1.2 (the `if \"%OS%\"==\"Windows_NT\"` idiom, Q136073, Q121388, Q200791)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.settings.targets.win9x {
        return;
    }
    let view = ctx.win9x();
    let (hits, first_hit_rank) = scan(ctx, |id| view.runs(id));
    if hits.is_empty() {
        return;
    }
    let facts = &ctx.settings.tree;
    if facts.decided_by == crate::tree::Decider::TestsOs && leftover_branch(ctx, &hits) {
        return;
    }
    let why = why_9x(facts);
    let by_design = *ctx
        .shared
        .cmd_only
        .get_or_init(|| by_design(ctx, &hits, first_hit_rank));
    if by_design {
        let first = &hits[0];
        let n = hits.len();
        let also: Vec<String> = {
            let mut v: Vec<String> = Vec::new();
            for h in &hits[1..] {
                for name in &h.names {
                    if !first.names.contains(name) && !v.contains(name) {
                        v.push(name.clone());
                    }
                }
            }
            v.truncate(4);
            v
        };
        let also = if also.is_empty() {
            String::new()
        } else {
            format!("; also {}", also.join(", "))
        };
        let statements = if n == 1 {
            "statement uses"
        } else {
            "statements use"
        };
        let mut d = RULE
            .diag(
                first.primary.0,
                format!(
                    "this script is written for cmd.exe only, but Windows 9x clients run it \
                     ({why}): {n} {statements} syntax COMMAND.COM does not have (first: {} on \
                     line {}{also}). On Windows 9x it {}",
                    first.names.join(", "),
                    first.line,
                    consequence(&first.names),
                ),
            )
            .with_label(first.primary.1.clone())
            .with_help(
                "if Windows 9x clients run this script, start it with `if not \"%OS%\"==\"Windows_NT\" \
                 goto win9x` and give them their own branch; if none do, mark it NT-only with \
                 `REM smslint: targets=nt` (or `per-file-targets` in smslint.toml)",
            );
        for h in hits.iter().skip(1).take(5) {
            d = d.with_related(h.primary.0, h.primary.1.clone());
        }
        out.push(with_chain(d, facts));
        return;
    }
    let total = hits.len();
    for (i, h) in hits.into_iter().take(MAX_PER_FILE).enumerate() {
        let more = if i + 1 == MAX_PER_FILE && total > MAX_PER_FILE {
            format!(" (and {} more in this file)", total - MAX_PER_FILE)
        } else {
            String::new()
        };
        let mut d = RULE
            .diag(
                h.primary.0,
                format!(
                    "COMMAND.COM on Windows 9x cannot run {} and Windows 9x clients run this \
                     line ({why}): there it {}{more}",
                    h.names.join(", "),
                    consequence(&h.names),
                ),
            )
            .with_label(h.primary.1)
            .with_help(help_for(&h.names));
        for (n, s) in h.rest {
            d = d.with_related(s, n);
        }
        out.push(with_chain(d, facts));
    }
}

/// The file's only sign of Windows 9x is its own `%OS%` test, and at least three statements
/// before the first of its OS guards already use cmd.exe-only syntax (blocks, `ELSE`,
/// `2>&1`, `for /f`) on every client: the file has long failed on Windows 9x before the test
/// is reached, and the test's Windows 9x branch is a leftover of an old template (a Java
/// launcher's argument loop: what Windows 9x alone runs only gathers the arguments), no sign
/// that the file is meant to run there.
fn leftover_branch(ctx: &Ctx<'_>, hits: &[Hit]) -> bool {
    // (The `if "%OS%"=="Windows_NT" setlocal` template line sends both kinds of client on.)
    let Some(first_guard) = ctx
        .win9x()
        .guards
        .iter()
        .filter(|&&(id, _)| match &ctx.script.stmt(id).kind {
            StmtKind::If(i) => !crate::tree::guards::only_scopes(ctx.script, id, i),
            _ => true,
        })
        .map(|&(id, _)| ctx.script.stmt(id).span.start())
        .min()
    else {
        return false;
    };
    let early = hits
        .iter()
        .filter(|h| h.primary.0.start() < first_guard)
        .take(LEFTOVER_HITS)
        .count();
    if early < LEFTOVER_HITS {
        return false;
    }
    // What Windows 9x alone runs only gathers the arguments (`:win9xArgs` / `if %1a==a goto
    // done` / `set ARGS=%ARGS% %1` / `shift` / `goto win9xArgs`): no message, no program.
    // A Windows 9x branch that does anything else (`echo Windows 9x: skipping step 6`) is
    // written for those clients, and the syntax before it is reported.
    let view = ctx.win9x();
    let mut name = Vec::new();
    ctx.script
        .ids()
        .filter(|&id| view.runs(id) && !ctx.flow.nt_reachable(id))
        .all(|id| match &ctx.script.stmt(id).kind {
            StmtKind::Label(_)
            | StmtKind::Comment(_)
            | StmtKind::Goto(_)
            | StmtKind::If(_)
            | StmtKind::Set(_) => true,
            StmtKind::Simple(sm) => program_stem_into(ctx.source.slice(sm.name.span), &mut name)
                .is_some_and(|stem| stem == b"shift"),
            _ => false,
        })
}

/// See [`leftover_branch`].
const LEFTOVER_HITS: usize = 3;

/// The file is one BAT302 reports once, as written for cmd.exe only: Windows 9x clients run
/// it (the targets include win9x), no OS guard gives them a path of their own, and its
/// cmd.exe-only syntax starts among its first 3 executable statements or is used 5 times or
/// more. BAT304 and BAT305 leave such a file to that one finding.
pub(crate) fn written_for_cmd_only(ctx: &Ctx<'_>) -> bool {
    *ctx.shared.cmd_only.get_or_init(|| {
        if !ctx.settings.targets.win9x {
            return false;
        }
        let view = ctx.win9x();
        let (hits, first_hit_rank) = scan(ctx, |id| view.runs(id));
        by_design(ctx, &hits, first_hit_rank)
    })
}

/// [`written_for_cmd_only`] from the scan's hits.
fn by_design(ctx: &Ctx<'_>, hits: &[Hit], first_hit_rank: usize) -> bool {
    !hits.is_empty()
        && !ctx.win9x().splits_paths(ctx.script)
        && (first_hit_rank <= 3 || hits.len() >= 5)
}

/// The statements with cmd.exe-only syntax among those `runs` accepts (the OS guards
/// themselves excepted), and the rank of the first among the executable statements (1-based).
pub(crate) fn scan(ctx: &Ctx<'_>, runs: impl Fn(StmtId) -> bool) -> (Vec<Hit>, usize) {
    let script = ctx.script;
    let src = ctx.source;
    let kids = kids(script);
    let delayed_on = script.stmts.iter().any(|s| match &s.kind {
        StmtKind::Setlocal(sl) => sl.args.iter().any(|w| {
            src.slice(w.span)
                .windows(b"enabledelayedexpansion".len())
                .any(|x| x.eq_ignore_ascii_case(b"enabledelayedexpansion"))
        }),
        _ => false,
    });
    let view = ctx.win9x();
    let win9x_runs = |id: StmtId| runs(id);
    // The expansion atoms this rule names, in source order: usually none or a few, so the
    // look-up per statement is cheap.
    let atoms: Vec<(Span, &'static str)> = script
        .expansions
        .iter()
        .filter_map(|e| {
            let name = match e.kind {
                ExpansionKind::ArgModifier => "`%~` modifier",
                ExpansionKind::AllArgs => "`%*`",
                ExpansionKind::Delayed if delayed_on => "delayed `!var!`",
                ExpansionKind::Var if src.slice(e.span).contains(&b':') => "`%var:…%` edit",
                _ => return None,
            };
            Some((e.span, name))
        })
        .collect();
    let atoms_in = |range: Span| {
        let lo = atoms.partition_point(|(s, _)| s.start() < range.start());
        let hi = atoms.partition_point(|(s, _)| s.start() < range.end());
        &atoms[lo..hi.max(lo)]
    };
    // No `^` in the file: no range needs the quote-aware caret scan.
    let carets = src.bytes().contains(&b'^');
    let mut guard_stmts: Vec<StmtId> = view.guards.iter().map(|(id, _)| *id).collect();
    guard_stmts.sort_unstable();
    let mut hits: Vec<Hit> = Vec::new();
    // The constructs of the statement at hand (one buffer for the whole scan).
    let mut found: Vec<(Cow<'static, str>, Span)> = Vec::new();
    // Executable statements seen so far (for "among the first 3").
    let mut executed = 0usize;
    let mut first_hit_rank = usize::MAX;
    for id in script.ids() {
        if !win9x_runs(id) {
            continue;
        }
        if !matches!(
            script.stmt(id).kind,
            StmtKind::Comment(_) | StmtKind::Label(_) | StmtKind::StrayClose
        ) && !matches!(&script.stmt(id).kind, StmtKind::Echo(e) if e.mode == Some(false))
        {
            executed += 1;
        }
        if guard_stmts.binary_search(&id).is_ok() {
            // The OS guard itself is what keeps COMMAND.COM off the NT code.
            continue;
        }
        let stmt = script.stmt(id);
        found.clear();
        macro_rules! add {
            ($name:expr, $span:expr $(,)?) => {
                found.push((Cow::from($name), $span))
            };
        }
        match &stmt.kind {
            StmtKind::Comment(_) | StmtKind::Label(_) | StmtKind::StrayClose => continue,
            StmtKind::Block(b) => {
                // A then/else/do block is named in its `if`/`for` statement.
                let folded = stmt.parent().is_some_and(|p| {
                    matches!(script.stmt(p).kind, StmtKind::If(_) | StmtKind::For(_))
                });
                if !folded {
                    add!("parenthesised block", b.open);
                }
            }
            StmtKind::Setlocal(s) => add!("`setlocal`", s.keyword),
            StmtKind::Endlocal => add!("`endlocal`", stmt.span),
            StmtKind::If(i) => {
                if let Some(s) = i.case_insensitive {
                    add!("`if /i`", s);
                }
                match &i.condition {
                    Condition::Defined { keyword, .. } => add!("`if defined`", *keyword),
                    Condition::CmdExtVersion { keyword, .. } => {
                        add!("`if cmdextversion`", *keyword)
                    }
                    Condition::Compare { op, op_span, .. } if *op != CmpOp::EqEq => {
                        let t = src.display(*op_span).to_ascii_uppercase();
                        add!(format!("`{t}` comparison"), *op_span)
                    }
                    _ => {}
                }
                if let Some((kw, _)) = i.else_ {
                    add!("`else`", kw);
                }
            }
            StmtKind::For(f) => {
                for (sw, span) in &f.switches {
                    let n = match sw {
                        ForSwitch::D => "`for /d`",
                        ForSwitch::R => "`for /r`",
                        ForSwitch::L => "`for /l`",
                        ForSwitch::F => "`for /f`",
                    };
                    add!(n, *span);
                }
            }
            StmtKind::Goto(g) if g.target == JumpTarget::Eof => add!("`goto :eof`", stmt.span),
            StmtKind::Call(c) => {
                if let CallTarget::Label { target, .. } = &c.target {
                    let span = match target {
                        JumpTarget::Label { name, .. } | JumpTarget::Dynamic { name } => {
                            c.keyword.cover(*name)
                        }
                        _ => c.keyword,
                    };
                    add!("`call :label`", span);
                }
            }
            StmtKind::Set(s) => match s.kind {
                SetKind::Arith => add!("`set /a`", s.switch.unwrap_or(s.keyword)),
                SetKind::Prompt => add!("`set /p`", s.switch.unwrap_or(s.keyword)),
                _ => {}
            },
            StmtKind::Exit(e) if e.b.is_some() => add!("`exit /b`", e.b.unwrap_or(e.keyword)),
            _ => {}
        }
        // A block that is the then/else/do part of this statement.
        if matches!(stmt.kind, StmtKind::If(_) | StmtKind::For(_)) {
            for k in kids.of(id) {
                if let StmtKind::Block(b) = &script.stmt(*k).kind {
                    if win9x_runs(*k) {
                        add!("parenthesised block", b.open);
                    }
                }
            }
        }
        if let Some(op) = stmt.connector_span() {
            match stmt.connector {
                Connector::Amp => add!("`&`", op),
                Connector::AndAnd => add!("`&&`", op),
                Connector::OrOr => add!("`||`", op),
                _ => {}
            }
        }
        for r in stmt.redirects() {
            match (r.op, r.handle) {
                (RedirectOp::DupOut | RedirectOp::DupIn, _) => add!("`>&` redirection", r.span),
                (_, Some(h)) if handle_char(h) != '1' => add!(redirection_name(h), r.span),
                _ => {}
            }
        }
        let ranges = if atoms.is_empty() && !carets {
            None
        } else {
            Some(own_ranges(script, &kids, id))
        };
        for range in ranges.into_iter().flatten() {
            for &(span, name) in atoms_in(range) {
                add!(name, span);
            }
            if !carets {
                continue;
            }
            if let Some(c) = unquoted_caret(src.slice(range)) {
                add!(
                    "`^` escape",
                    Span::new(range.start() + c, range.start() + c + 1),
                );
            }
        }
        if found.is_empty() {
            continue;
        }
        found.sort_by_key(|(_, s)| s.start());
        let found_first_start = found[0].1.start();
        let mut names: Vec<String> = Vec::new();
        for (n, _) in &found {
            if !names.iter().any(|x| x == n) {
                names.push(n.to_string());
            }
        }
        let line = src.line_of(stmt.span.start());
        // The first construct carries the finding when it is on the statement's line (it
        // always is, in practice); the others are labelled alongside.
        let mut rest = found.drain(..).map(|(n, s)| (n.into_owned(), s));
        let primary = if src.line_of(found_first_start) == line {
            let (n, s) = rest.next().expect("found is not empty");
            (s, n)
        } else {
            let line_end = src.line_span(line).end().max(stmt.span.start());
            let span = Span::new(stmt.span.start(), stmt.span.end().min(line_end));
            (span, "cmd.exe-only syntax".to_string())
        };
        let rest: Vec<(String, Span)> = rest.collect();
        if first_hit_rank == usize::MAX {
            first_hit_rank = executed;
        }
        hits.push(Hit {
            line,
            names,
            primary,
            rest,
        });
    }
    (hits, first_hit_rank)
}

/// Whether the Windows 9x rules look at this file, and why (for messages): it must run on
/// Windows 9x (the tree's answer or the configured targets), or, left to the tree and found
/// NT only, it uses no cmd.exe-only syntax at all and has a DOS 8.3 file name, so COMMAND.COM
/// runs it as written (DOS build and test scripts). `None`: NT only.
pub(crate) fn dos_reason(ctx: &Ctx<'_>) -> Option<&'static str> {
    *ctx.shared.dos_reason.get_or_init(|| find_dos_reason(ctx))
}

/// The file's own name is a DOS 8.3 name (`KSTART.BAT`, `build.bat`): at most 8 characters,
/// a dot and an extension of at most 3, no space. A script named `Copy configs.bat` or
/// `KOPIEREN_mit_copy.bat` was written on a Windows with long names; with nothing else
/// pointing at COMMAND.COM it is taken for a cmd.exe script.
fn short_file_name(path: &std::path::Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.as_encoded_bytes()) else {
        return false;
    };
    let Some(dot) = name.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let (stem, ext) = (&name[..dot], &name[dot + 1..]);
    (1..=8).contains(&stem.len())
        && ext.len() <= 3
        && !stem.iter().any(|&b| matches!(b, b' ' | b'.') || b >= 0x80)
}

/// [`dos_reason`], computed.
fn find_dos_reason(ctx: &Ctx<'_>) -> Option<&'static str> {
    if ctx.settings.targets.win9x {
        return Some("");
    }
    let is_cmd = ctx
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("cmd"));
    if is_cmd
        || ctx.settings.tree.decided_by != crate::tree::Decider::NtOnly
        || !short_file_name(ctx.path)
    {
        return None;
    }
    let (hits, _) = scan(ctx, |id| ctx.flow.is_reachable(id));
    (hits.is_empty()
        && !uses_nt_only_names(ctx)
        && !uses_quoted_set(ctx)
        && !names_long_path(ctx)
        && !written_for_freedos(ctx))
    .then_some(
        " (this script has a DOS 8.3 file name and uses no cmd.exe-only syntax, so COMMAND.COM \
         on DOS and Windows 9x runs it as written)",
    )
}

/// The running code names a path from a drive letter with a long folder or file name (`echo
/// x > "D:\batch_files\practice\new.txt"`, `cd C:\projects\website_assets`): the script
/// was written on a Windows with long names, not for DOS, so its 8.3 file name says nothing.
fn names_long_path(ctx: &Ctx<'_>) -> bool {
    let bytes = ctx.source.bytes();
    ctx.script.ids().any(|id| {
        let stmt = ctx.script.stmt(id);
        if !matches!(
            stmt.kind,
            StmtKind::Simple(_) | StmtKind::Echo(_) | StmtKind::Set(_)
        ) || !ctx.flow.is_reachable(id)
        {
            return false;
        }
        let text = &bytes[stmt.span.start()..stmt.span.end().min(bytes.len())];
        memchr::memmem::find_iter(text, b":\\").any(|at| {
            // `X:\` at the start of a word.
            let drive = at.checked_sub(1).map(|d| text[d]);
            let before = at.checked_sub(2).map(|b| text[b]);
            if !drive.is_some_and(|d| d.is_ascii_alphabetic())
                || !before.map_or(true, |b| matches!(b, b' ' | b'\t' | b'"' | b'=' | b'('))
            {
                return false;
            }
            let end = text[at + 2..]
                .iter()
                .position(|&b| b" \t\r\n\"<>|&),;".contains(&b))
                .map_or(text.len(), |p| at + 2 + p);
            text[at + 2..end].split(|&b| b == b'\\').any(long_name)
        })
    })
}

/// A plain file or folder name (letters, digits, `_`, `-`, one dot) that is not 8.3.
fn long_name(name: &[u8]) -> bool {
    let (stem, ext) = match name.iter().position(|&b| b == b'.') {
        Some(d) => (&name[..d], &name[d + 1..]),
        None => (name, &b""[..]),
    };
    let plain = |p: &[u8]| {
        p.iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
    };
    plain(stem) && plain(ext) && (stem.len() > 8 || ext.len() > 3)
}

/// The running code assigns with `set "name=value"`: cmd.exe's quoted form (COMMAND.COM
/// would name the variable `"name` and keep the closing quote in its value), so the script
/// is written for cmd.exe even when every other line would run on COMMAND.COM (a library of
/// `set /a` macros that its caller runs with delayed expansion on).
fn uses_quoted_set(ctx: &Ctx<'_>) -> bool {
    ctx.script.ids().any(|id| {
        matches!(&ctx.script.stmt(id).kind, StmtKind::Set(s) if s.quoted)
            && ctx.flow.is_reachable(id)
    })
}

/// Variables cmd.exe or Windows NT sets and COMMAND.COM on DOS and Windows 9x does not (there
/// they expand to nothing).
const NT_ONLY_VARIABLES: &[&[u8]] = &[
    b"computername",
    b"userprofile",
    b"systemroot",
    b"systemdrive",
    b"programfiles",
    b"programdata",
    b"commonprogramfiles",
    b"allusersprofile",
    b"appdata",
    b"localappdata",
    b"userdomain",
    b"homedrive",
    b"homepath",
    b"number_of_processors",
    b"processor_architecture",
    b"errorlevel",
    b"cd",
    b"date",
    b"time",
    b"random",
    b"cmdcmdline",
    b"cmdextversion",
];

/// The running code names an NT-only command or variable ([`NT_ONLY_COMMANDS`],
/// [`NT_ONLY_VARIABLES`]) or runs a program of today's toolchains ([`POST_9X_PROGRAMS`]):
/// the script is written for NT even without cmd.exe-only syntax
/// (`title` on its first line, a log named after `%COMPUTERNAME%`), so COMMAND.COM is not
/// what runs it.
fn uses_nt_only_names(ctx: &Ctx<'_>) -> bool {
    let src = ctx.source;
    let mut name = Vec::new();
    let command = ctx.script.ids().any(|id| {
        let StmtKind::Simple(s) = &ctx.script.stmt(id).kind else {
            return false;
        };
        if !ctx.flow.is_reachable(id) {
            return false;
        }
        // A document run by its file association (`todo.pl …`, `setup.vbs`): only NT's
        // shell does that; COMMAND.COM runs .COM, .EXE and .BAT files.
        let raw = src.slice(s.name.span);
        if DOCUMENT_EXTENSIONS
            .iter()
            .any(|ext| crate::syntax::names::program_ext_is(raw, ext))
        {
            return true;
        }
        match program_stem_into(raw, &mut name) {
            Some(b"start") => started_program_is_nt_only(src, s, &mut name),
            Some(stem) => NT_ONLY_COMMANDS.contains(&stem) || POST_9X_PROGRAMS.contains(&stem),
            None => false,
        }
    });
    command
        || ctx.script.expansions.iter().any(|e| {
            e.kind == ExpansionKind::Var
                && ctx.runs_at(e.span.start())
                && crate::rules::bat_util::expansion_name(src, e)
                    .is_some_and(|n| NT_ONLY_VARIABLES.iter().any(|v| n.eq_ignore_ascii_case(v)))
        })
        || names_64_bit_windows_path(src.bytes())
}

/// Documents a command line can start on NT through their file association, which
/// COMMAND.COM cannot (it runs only .COM, .EXE and .BAT files).
const DOCUMENT_EXTENSIONS: &[&[u8]] = &[
    b"pl", b"py", b"rb", b"vbs", b"vbe", b"js", b"jse", b"wsf", b"ps1", b"msi", b"msp", b"hta",
];

/// Folders only 64-bit Windows has: a script that names one (`set tool="C:\Program Files
/// (x86)\Windows Kits\…\signtool.exe"`) is written for it, and 64-bit Windows has no
/// COMMAND.COM. Also folders of Windows Vista and later (`…\AppData\…`, where Windows 9x
/// had `Application Data`) and of Windows 8 and later (`\WindowsApps\`, the Store apps).
const WIN64_PATHS: &[&[u8]] = &[
    b"program files (x86)",
    b"\\syswow64",
    b"\\sysnative",
    b"\\appdata\\",
    b"\\windowsapps\\",
];

/// The text names one of [`WIN64_PATHS`] (ASCII case folded).
fn names_64_bit_windows_path(bytes: &[u8]) -> bool {
    // Every marker starts with `p` or a backslash: look only where one may start.
    memchr::memchr3_iter(b'p', b'P', b'\\', bytes).any(|at| {
        WIN64_PATHS.iter().any(|m| {
            bytes
                .get(at..at + m.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(m))
        })
    })
}

/// `start cmd /k …`, `start "title" /min powershell …`: the program START runs (after its
/// switches and a quoted window title) is an NT-only command.
fn started_program_is_nt_only(
    src: &crate::source::Source,
    s: &crate::syntax::ast::Simple,
    buf: &mut Vec<u8>,
) -> bool {
    let Some(program) = s.args.iter().find(|w| {
        let raw = src.slice(w.span);
        !(raw.starts_with(b"/") || raw.starts_with(b"\""))
    }) else {
        return false;
    };
    program_stem_into(src.slice(program.span), buf)
        .is_some_and(|stem| NT_ONLY_COMMANDS.contains(&stem))
}

/// The FreeDOS installer's V8Power Tools: a script that runs them is written for FreeDOS.
const FREEDOS_TOOLS: &[&[u8]] = &[
    b"vask",
    b"vchoice",
    b"vcls",
    b"vcursor",
    b"vdelay",
    b"vecho",
    b"verrlvl",
    b"vfdutil",
    b"vframe",
    b"vgotoxy",
    b"vinfo",
    b"vline",
    b"vmath",
    b"vpause",
    b"vprogres",
    b"vstr",
    b"vview",
];

/// The script is written for FreeDOS's shell, FreeCOM: it uses `set /e` (FreeCOM's "set to a
/// command's output", which MS-DOS and Windows 9x COMMAND.COM lack) or runs the FreeDOS
/// installer's V8Power Tools. FreeCOM compares GOTO labels in full, so the COMMAND.COM rules
/// do not apply to it.
pub(crate) fn written_for_freedos(ctx: &Ctx<'_>) -> bool {
    let src = ctx.source;
    let mut name = Vec::new();
    ctx.script.ids().any(|id| match &ctx.script.stmt(id).kind {
        StmtKind::Simple(s) => program_stem_into(src.slice(s.name.span), &mut name)
            .is_some_and(|stem| FREEDOS_TOOLS.contains(&stem)),
        StmtKind::Set(s) => {
            let after = &src.bytes()[s.keyword.end()..ctx.script.stmt(id).span.end()];
            let after = after.trim_ascii_start();
            after.len() >= 2
                && after[..2].eq_ignore_ascii_case(b"/e")
                && after.get(2).map_or(true, |&c| c == b' ' || c == b'\t')
        }
        _ => false,
    })
}

/// COMMAND.COM's own commands and DOS drivers that Windows NT has neither as a command nor
/// as a program: `lh a:\net\lsl`, `ctty nul`, `deltree /y c:\temp`.
const DOS_ONLY_COMMANDS: &[&[u8]] = &[
    b"lh",
    b"loadhigh",
    b"ctty",
    b"deltree",
    b"mscdex",
    b"smartdrv",
];

/// The script is written for DOS: cmd.exe would reach one of [`DOS_ONLY_COMMANDS`] (a
/// network-boot floppy's `lh a:\net\lsl`), so it is not meant to run on Windows NT.
pub(crate) fn written_for_dos(ctx: &Ctx<'_>) -> bool {
    let src = ctx.source;
    let mut name = Vec::new();
    ctx.script.ids().any(|id| match &ctx.script.stmt(id).kind {
        StmtKind::Simple(s) => {
            ctx.flow.nt_reachable(id)
                && program_stem_into(src.slice(s.name.span), &mut name)
                    .is_some_and(|stem| DOS_ONLY_COMMANDS.contains(&stem))
        }
        _ => false,
    })
}

/// Findings per file when the NT-only statements are leaks (a guarded or mostly-9x file).
const MAX_PER_FILE: usize = 5;

/// One statement with NT-only syntax on the Windows 9x path.
pub(crate) struct Hit {
    pub line: usize,
    pub names: Vec<String>,
    pub primary: (Span, String),
    pub rest: Vec<(String, Span)>,
}

/// Why the file runs on Windows 9x, for messages.
fn why_9x(facts: &crate::tree::FileFacts) -> String {
    use crate::tree::Decider;
    match facts.decided_by {
        Decider::LogonScript => "it is a logon script".into(),
        Decider::Reached => {
            let root = match facts.win9x_root {
                Decider::LogonScript => "logon script",
                Decider::TestsOs => "script with a Windows 9x branch",
                _ => "Windows 9x script",
            };
            match facts.win9x_chain.as_slice() {
                [] => format!("a {root} reaches it"),
                chain if facts.win9x_chain_cut => format!(
                    "a {root} reaches it through {}",
                    crate::tree::describe_chain(chain, true)
                ),
                [h] => format!("the {root} {} calls it on line {}", h.path, h.at.line),
                [h, ..] => format!(
                    "the {root} {} reaches it through {}",
                    h.path,
                    crate::tree::describe_chain(&facts.win9x_chain, false)
                ),
            }
        }
        Decider::TestsOs => "it tests %OS%, so it is meant to run there too".into(),
        Decider::Pragma => "its `smslint: targets` pragma names win9x".into(),
        _ => "the configured targets include win9x".into(),
    }
}

/// The calls that bring Windows 9x clients here, as related locations in other files.
fn with_chain(mut d: Diagnostic, facts: &crate::tree::FileFacts) -> Diagnostic {
    for h in &facts.win9x_chain {
        d = d.with_elsewhere(h.location(format!(
            "Windows 9x clients get here through `{}`",
            h.at.text
        )));
    }
    d
}

/// What COMMAND.COM does with the first construct of a statement.
fn consequence(names: &[String]) -> &'static str {
    match names.first().map(String::as_str) {
        Some("`&`") => {
            "passes the `&` and the rest of the line to the first command as text, so the \
             second command never runs"
        }
        Some("`&&`") | Some("`||`") => {
            "passes the operator and the rest of the line to the first command as text"
        }
        Some("`goto :eof`") => {
            "prints \"Label not found\" and ends the batch (harmless only at the very end)"
        }
        Some("`call :label`") => {
            "tries to run a program named after the label: \"Bad command or file name\", and \
             the subroutine never runs"
        }
        Some("parenthesised block") | Some("`else`") => {
            "fails on the `(` line (\"Syntax error\" or \"Bad command or file name\") and then \
             runs the lines of the block unconditionally"
        }
        Some(n) if n.ends_with("` redirection") => {
            "passes the handle digit to the command as an extra argument and redirects its \
             ordinary output instead"
        }
        Some("`if /i`") => {
            "reads `/i` as the first string to compare, so the test is never true and the \
             command after it never runs"
        }
        Some("`setlocal`") | Some("`endlocal`") => {
            "prints \"Bad command or file name\", and every variable the script sets stays \
             set in the client's environment"
        }
        Some(n) if n.starts_with("`for /") => {
            "stops at the switch with \"Syntax error\": the loop never runs"
        }
        Some("`set /a`") | Some("`set /p`") => {
            "sets a variable whose name starts with the switch instead of computing or \
             prompting, and the variable the script reads stays empty"
        }
        Some("`^` escape") => "keeps the caret as text",
        Some("`%~` modifier") | Some("`%*`") | Some("`%var:…%` edit") | Some("delayed `!var!`") => {
            "expands it to something else (empty or the literal text), so the command gets \
             the wrong argument"
        }
        _ => "fails (\"Syntax error\", \"Bad command or file name\") or does something else",
    }
}

/// The name of an `N>` redirection for a handle other than 1.
fn redirection_name(h: u8) -> Cow<'static, str> {
    const NAMES: [&str; 10] = [
        "`0>` redirection",
        "`1>` redirection",
        "`2>` redirection",
        "`3>` redirection",
        "`4>` redirection",
        "`5>` redirection",
        "`6>` redirection",
        "`7>` redirection",
        "`8>` redirection",
        "`9>` redirection",
    ];
    match handle_char(h).to_digit(10) {
        Some(d) => Cow::Borrowed(NAMES[d as usize]),
        None => Cow::Owned(format!("`{}>` redirection", handle_char(h))),
    }
}

/// Offset of the first `^` outside double quotes.
fn unquoted_caret(bytes: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' => quoted = false,
            b'^' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn help_for(names: &[String]) -> String {
    let has = |n: &str| names.iter().any(|x| x == n);
    let mut h = String::from(
        "jump past NT-only code on Windows 9x (`if not \"%OS%\"==\"Windows_NT\" goto <label>`), or \
         use the COMMAND.COM form",
    );
    if has("`goto :eof`") {
        h.push_str("; for `goto :eof` use `goto END` with an `:END` label at the end");
    }
    if has("`call :label`") {
        h.push_str("; for `call :label` move the subroutine into its own .bat file");
    }
    if has("parenthesised block") || has("`else`") {
        h.push_str("; for blocks and `else` use one `if … goto` per branch");
    }
    h
}
