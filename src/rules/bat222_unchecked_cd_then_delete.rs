//! BAT222 unchecked-cd-then-delete: `cd some\folder` that may fail, then a recursive or
//! wildcard delete of relative names, which then runs in the folder the script was in.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::{message_or_screen, relative_delete, snippet};
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::{Condition, Connector, Script, StmtId, StmtKind};

pub static RULE: Rule = Rule {
    code: "BAT222",
    name: "unchecked-cd-then-delete",
    severity: Severity::Warning,
    summary: "`cd` to a folder that may be missing, unchecked, then a recursive or wildcard \
              delete of relative names: when the `cd` fails, the delete runs where the script \
              is",
    what: "Reports a `cd`, `chdir` or `pushd` to a folder in code that runs, when the next \
           command after it (past messages, comments, `cls`, `title`, `color`, `pause` and \
           `timeout`) deletes relative names with a wildcard or a recursion (`del /s /q *`, \
           `del *.tmp`, `rd /s /q .`), and nothing checks that the folder is there: no `||` or \
           `&&` after the `cd`, no `if exist` test of the same folder in the file, no `md` of \
           it. Not reported: a folder that is always there (`%TEMP%`, `%windir%`, \
           `%SystemRoot%`, `%USERPROFILE%`, `%APPDATA%`, `%LOCALAPPDATA%` and its `Temp`, the same written out from `%USERPROFILE%\\AppData`, the script's own \
           folder `%~dp0`), `cd ..` or a drive root; a `cd C:\\…` without `/d` that BAT220 \
           reports.",
    why: "When the folder does not exist (an application that is not installed on this PC, a \
          profile folder not created yet, a typo), `cd` prints \"The system cannot find the \
          path specified\" and the script goes on in the folder it was in. The delete meant \
          for a cache then runs there instead: in the script's own folder, in the user's \
          profile, or, for a script run as administrator, in C:\\Windows\\System32. `del /s /q \
          *` removes every file below that folder.",
    example: "@echo off\ncd /d \"%APPDATA%\\Microsoft\\Teams\\Cache\"\ndel /s /q *\n",
    fix: "@echo off\ncd /d \"%APPDATA%\\Microsoft\\Teams\\Cache\" || exit /b 1\ndel /s /q *\n",
    sources: &[
        "CD /? (CD-help): cd to a missing folder prints \"The system cannot find the path \
         specified\" and leaves the current folder as it was",
        "ShellCheck SC2164 (\"Use cd … || exit in case cd fails\")",
        "held-out sets 35, 36 and 42 (cache and temp cleaners that delete `*` after an \
         unchecked `cd`)",
    ],
    check: Some(check),
    opt_in: None,
};

/// The folder a `cd`/`chdir`/`pushd` goes to: the text of its arguments after `/d`, lower
/// case, without quotes and a trailing `\`. `None` for other statements.
fn cd_target(ctx: &Ctx<'_>, id: StmtId) -> Option<(Vec<u8>, bool)> {
    let StmtKind::Simple(sm) = &ctx.script.stmt(id).kind else {
        return None;
    };
    let name = ctx.source.slice(sm.name.span);
    let pushd = name.eq_ignore_ascii_case(b"pushd");
    if !(pushd || name.eq_ignore_ascii_case(b"cd") || name.eq_ignore_ascii_case(b"chdir")) {
        return None;
    }
    let mut slash_d = false;
    let mut parts: Vec<u8> = Vec::new();
    for w in sm.args.iter() {
        let a = ctx.source.slice(w.span);
        if a.eq_ignore_ascii_case(b"/d") {
            slash_d = true;
            continue;
        }
        if !parts.is_empty() {
            parts.push(b' ');
        }
        parts.extend(a.iter().filter(|&&b| b != b'"').map(u8::to_ascii_lowercase));
    }
    while parts.last().is_some_and(|&b| b == b'\\' || b == b' ') {
        parts.pop();
    }
    (!parts.is_empty()).then_some((parts, slash_d || pushd))
}

/// A folder that is always there, or a path that cannot be missing.
fn always_there(path: &[u8]) -> bool {
    const ROOTS: &[&[u8]] = &[
        b"%temp%",
        b"%tmp%",
        b"%windir%",
        b"%systemroot%",
        b"%userprofile%",
        b"%appdata%",
        b"%localappdata%",
        // The same folders written out: every profile has them (the last, the Windows XP
        // default TEMP).
        b"%localappdata%\\temp",
        b"%userprofile%\\appdata\\local",
        b"%userprofile%\\appdata\\local\\temp",
        b"%userprofile%\\appdata\\roaming",
        b"%userprofile%\\local settings\\temp",
        b"%homedrive%%homepath%",
        b"%systemdrive%",
        b"%programfiles%",
        b"%public%",
        b"%allusersprofile%",
        b"%programdata%",
    ];
    // Folders every Windows has below its own folder.
    const SYSTEM: &[&[u8]] = &[
        b"",
        b"\\temp",
        b"\\system32",
        b"\\prefetch",
        b"\\softwaredistribution",
        b"\\softwaredistribution\\download",
        b"\\system32\\catroot2",
        b"\\system32\\spool\\printers",
        b"\\logs",
    ];
    let below_windows = [b"%windir%".as_slice(), b"%systemroot%", b"c:\\windows"]
        .iter()
        .find_map(|w| path.strip_prefix(*w));
    ROOTS.contains(&path)
        || below_windows.is_some_and(|rest| SYSTEM.contains(&rest))
        || path.starts_with(b"%~dp0")
        || path.starts_with(b"%~sdp0")
        || path.starts_with(b"..")
        || path == b"."
        || path == b"\\"
        || path.last() == Some(&b':')
}

/// Statement `id` deletes every file of the current folder by relative names: `del *`,
/// `del *.*`, `rd /s .` (a pattern of one extension, `*.tmp`, or one named folder is left
/// alone).
fn relative_sweep(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let every = |n: &[u8]| {
        let n = n.strip_prefix(b"\"").unwrap_or(n);
        let n = n.strip_suffix(b"\"").unwrap_or(n);
        matches!(n, b"*" | b"*.*" | b"." | b".\\*" | b".\\*.*")
    };
    relative_delete(ctx, id).is_some_and(|names| names.iter().any(|a| every(a)))
}

/// The folders the file tests with `if exist` or creates with `md`/`mkdir` (lower case,
/// without quotes and a trailing `\`; an `exist` test of a file inside a folder counts for
/// the folder too).
fn checked_folders(ctx: &Ctx<'_>, script: &Script) -> Checked {
    let norm = |b: &[u8]| {
        let mut v: Vec<u8> = b
            .iter()
            .filter(|&&c| c != b'"')
            .map(u8::to_ascii_lowercase)
            .collect();
        while v
            .last()
            .is_some_and(|&c| c == b'\\' || c == b' ' || c == b'*' || c == b'.')
        {
            v.pop();
        }
        v
    };
    let mut out = Checked::default();
    for s in &script.stmts {
        match &s.kind {
            StmtKind::If(i) => {
                if let Condition::Exist { path, .. } = &i.condition {
                    out.add(&norm(ctx.source.slice(path.span)));
                }
            }
            StmtKind::Simple(sm) => {
                let n = ctx.source.slice(sm.name.span);
                if n.eq_ignore_ascii_case(b"md") || n.eq_ignore_ascii_case(b"mkdir") {
                    for w in sm.args.iter() {
                        out.add(&norm(ctx.source.slice(w.span)));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let script = ctx.script;
    let mut checked: Option<Checked> = None;
    // One finding per file; the other places are related (at most 8).
    let mut first: Option<Diagnostic> = None;
    let mut more = 0usize;
    for id in script.ids() {
        let Some((path, slash_d)) = cd_target(ctx, id) else {
            continue;
        };
        if always_there(&path) || !ctx.flow.is_reachable(id) {
            continue;
        }
        // A folder from a FOR's listing (`pushd "%%~dpF"`) is there.
        if path.windows(2).any(|w| w == b"%%")
            || ctx
                .script
                .expansions_in(ctx.script.stmt(id).span)
                .iter()
                .any(|e| matches!(e.kind, crate::syntax::ast::ExpansionKind::ForVar))
        {
            continue;
        }
        // `cd C:\x` without `/d`: BAT220's.
        if !slash_d && path.len() > 2 && path[1] == b':' && path[0].is_ascii_alphabetic() {
            continue;
        }
        // The next command in the same list: a `cd` and the messages and screen commands
        // skipped have no statements inside, so it is one of the next few in file order.
        let parent = script.stmt(id).parent();
        let Some(next) = (id.index() + 1..script.stmts.len().min(id.index() + 7))
            .map(|k| StmtId(k as u32))
            .take_while(|&k| script.stmt(k).parent() == parent)
            .find(|&k| !message_or_screen(ctx, k))
        else {
            continue;
        };
        // `cd x && del *`, `cd x || exit /b`: checked.
        if matches!(
            script.stmt(next).connector,
            Connector::AndAnd | Connector::OrOr
        ) || !relative_sweep(ctx, next)
        {
            continue;
        }
        let checked = checked.get_or_insert_with(|| checked_folders(ctx, script));
        if checked.covers(&path) {
            continue;
        }
        if let Some(f) = first.take() {
            first = Some(if more < 8 {
                more += 1;
                f.with_related(
                    script.stmt(id).span,
                    "the same: an unchecked `cd`, then a delete",
                )
            } else {
                f
            });
            continue;
        }
        let cd = snippet(ctx.source, script.stmt(id).span, 60, false);
        let del = snippet(ctx.source, script.stmt(next).span, 50, false);
        let line = ctx.source.line_of(script.stmt(next).span.start());
        first = Some(
            RULE.diag(
                script.stmt(id).span,
                format!(
                    "nothing checks that `{cd}` succeeds: when that folder is missing, cmd.exe \
                     prints \"The system cannot find the path specified\", stays in the folder \
                     it was in, and `{del}` on line {line} deletes there instead"
                ),
            )
            .with_label("may fail and leave the current folder as it was")
            .with_related(script.stmt(next).span, "deletes in the current folder")
            .with_help(
                "stop when the folder is missing: `cd /d \"…\" || exit /b 1` (or `if not exist \
                 \"…\\\" goto skip`), or give the delete the full path",
            ),
        );
    }
    out.extend(first);
}

/// A path without its drive letter (`c:\x` gives `\x`).
fn without_drive(p: &[u8]) -> &[u8] {
    match p {
        [d, b':', rest @ ..] if d.is_ascii_alphabetic() => rest,
        _ => p,
    }
}

/// The folders a file checks or creates, compared by whole `\` components and without the
/// drive letter (`if not exist c:\x exit /b` checks `cd \x` too): a `cd` is covered when
/// one of them is the folder, a folder above it, or a folder below it.
#[derive(Default)]
struct Checked {
    /// The folders themselves.
    exact: rustc_hash::FxHashSet<Vec<u8>>,
    /// Every folder above one of them, and each of them.
    above: rustc_hash::FxHashSet<Vec<u8>>,
}

impl Checked {
    fn add(&mut self, path: &[u8]) {
        let path = without_drive(path);
        if path.is_empty() {
            return;
        }
        for (i, &b) in path.iter().enumerate() {
            if b == b'\\' && i > 0 {
                self.above.insert(path[..i].to_vec());
            }
        }
        self.above.insert(path.to_vec());
        self.exact.insert(path.to_vec());
    }

    fn covers(&self, path: &[u8]) -> bool {
        let path = without_drive(path);
        self.above.contains(path)
            || path
                .iter()
                .enumerate()
                .any(|(i, &b)| b == b'\\' && i > 0 && self.exact.contains(&path[..i]))
    }
}
