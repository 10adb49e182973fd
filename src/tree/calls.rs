//! What one script contributes to the tree: the files it starts (with where they are written
//! relative to it), whether each call runs on Windows 9x, the RAS state at each call, its
//! SMS client-program calls and its pragma. Built once per file, in parallel; the tree is
//! then resolved from these summaries alone.

use crate::flow::Flow;
use crate::sms::ras::StateSet;
use crate::sms::{is_client_program, Via};
use crate::source::{Source, Span};
use crate::syntax::ast::{Script, StmtId, StmtKind};

use super::guards::Win9xView;
use super::Targets;

/// How a file is started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallKind {
    /// `call X`: runs X and comes back.
    Call,
    /// A plain `X.bat`: control passes to X and never comes back.
    Transfer,
    /// `command /c X`.
    Command,
    /// `cmd /c X` (cmd.exe: never on Windows 9x).
    Cmd,
    /// `start X`.
    Start,
}

impl CallKind {
    pub fn describe(self) -> &'static str {
        match self {
            CallKind::Call => "call",
            CallKind::Transfer => "transfer",
            CallKind::Command => "command /c",
            CallKind::Cmd => "cmd /c",
            CallKind::Start => "start",
        }
    }
}

/// How the target is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetSpec {
    /// A path relative to the calling script's directory: lower-case components, the last
    /// one the file name (extension as written, possibly none).
    Relative {
        parts: Vec<String>,
        /// Written as `%0\..\X`.
        percent0: bool,
        /// Written with cmd.exe-only syntax (`%~dp0X`): COMMAND.COM never finds it.
        nt_only: bool,
    },
    /// The script itself (`call %0 :label`, `%~f0`).
    SelfFile,
    /// Computed at run time (`call %ROLE%.bat`).
    Dynamic,
    /// A path outside the tree (`C:\tools\x.bat`, `\\fs1\apps\x.bat`).
    Elsewhere,
}

/// A located word: its bytes, the 1-based line and byte column of its start and end, and
/// its text for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub span: Span,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
}

/// One file-starting statement.
#[derive(Clone, Debug)]
pub struct CallOut {
    pub stmt: StmtId,
    /// The target word, as written.
    pub at: Place,
    pub kind: CallKind,
    pub target: TargetSpec,
    /// Reachable from the top of the script.
    pub reachable: bool,
    /// Reachable on Windows 9x (outside the NT side of every OS guard).
    pub win9x: bool,
    /// RAS state at the call when the script starts in `unknown`.
    pub ras: StateSet,
    /// It runs an SMS client program by name (`call %0\..\smsls`).
    pub client_program: bool,
}

/// What one script contributes to the tree.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub calls: Vec<CallOut>,
    /// `REM smslint: targets=…`.
    pub pragma: Option<Targets>,
    /// The script compares `%OS%`.
    pub tests_os: bool,
    /// Reachable SMS client-program invocations, by statement (sorted).
    pub client_stmts: Vec<StmtId>,
}

/// cmd.exe and COMMAND.COM internal commands: a bare name among them never starts a file.
const INTERNAL: &[&str] = &[
    "echo", "set", "if", "for", "goto", "call", "rem", "cd", "chdir", "md", "mkdir", "rd", "rmdir",
    "del", "erase", "copy", "move", "ren", "rename", "type", "dir", "cls", "pause", "path",
    "prompt", "ver", "vol", "date", "time", "break", "verify", "shift", "exit", "pushd", "popd",
    "title", "color", "start", "setlocal", "endlocal", "assoc", "ftype", "mklink", "lh",
    "loadhigh", "ctty", "cmd", "command", "lfnfor", "truename",
];

/// The pragma `smslint: targets=nt` / `targets=nt,win9x` in a comment.
pub fn pragma(source: &Source, script: &Script) -> Option<Targets> {
    for s in &script.stmts {
        let StmtKind::Comment(c) = &s.kind else {
            continue;
        };
        let raw = source.slice(c.text);
        // The first `smslint:` (any case): the first `:` with `smslint` before it.
        let Some(at) = memchr::memchr_iter(b':', raw)
            .find(|&c| c >= 7 && raw[c - 7..c].eq_ignore_ascii_case(b"smslint"))
            .map(|c| c - 7)
        else {
            continue;
        };
        let t = raw[at + 8..].to_ascii_lowercase();
        let rest = &t[..];
        let rest = rest.trim_ascii_start();
        let Some(v) = rest.strip_prefix(b"targets") else {
            continue;
        };
        let v = v.trim_ascii_start();
        let Some(v) = v.strip_prefix(b"=") else {
            continue;
        };
        let v = v.trim_ascii_start();
        let end = v
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b',' | b' ')))
            .unwrap_or(v.len());
        let mut t = Targets::default();
        for name in v[..end].split(|&b| b == b',' || b == b' ') {
            match name {
                b"nt" => t.nt = true,
                b"win9x" => t.win9x = true,
                _ => {}
            }
        }
        if t.nt || t.win9x {
            return Some(t);
        }
    }
    None
}

/// Strip a prefix, ASCII case-insensitively.
fn strip_ci<'a>(s: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    if s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix) {
        Some(&s[prefix.len()..])
    } else {
        None
    }
}

/// Where a target word points, relative to the calling script.
pub fn target_spec(raw: &[u8]) -> TargetSpec {
    let cleaned: std::borrow::Cow<[u8]> = if raw.iter().any(|&b| matches!(b, b'"' | b'^' | b'/')) {
        raw.iter()
            .copied()
            .filter(|&b| b != b'"' && b != b'^')
            .map(|b| if b == b'/' { b'\\' } else { b })
            .collect()
    } else {
        raw.into()
    };
    let s = &cleaned[..];
    let self_forms: &[&[u8]] = &[b"%0", b"%~f0", b"%~dpnx0", b"%~s0", b"%~fs0"];
    if self_forms.iter().any(|f| s.eq_ignore_ascii_case(f)) {
        return TargetSpec::SelfFile;
    }
    let mut percent0 = false;
    let mut nt_only = false;
    let rest: &[u8] = if let Some(r) = strip_ci(s, b"%0\\..\\") {
        percent0 = true;
        r
    } else if let Some(r) = strip_ci(s, b"%~dp0") {
        nt_only = true;
        r
    } else if let Some(r) = strip_ci(s, b"%logonserver%\\netlogon\\") {
        r
    } else if s.starts_with(b"\\\\") {
        // \\server\netlogon\X
        let parts: Vec<&[u8]> = s[2..].splitn(3, |&b| b == b'\\').collect();
        match parts.as_slice() {
            [_, share, r] if share.eq_ignore_ascii_case(b"netlogon") => r,
            _ => return TargetSpec::Elsewhere,
        }
    } else if s.len() >= 2 && s[1] == b':' {
        if s[0].eq_ignore_ascii_case(&b'z') {
            &s[2..]
        } else {
            return TargetSpec::Elsewhere;
        }
    } else if s.first() == Some(&b'\\') {
        return TargetSpec::Elsewhere;
    } else {
        s
    };
    if rest.contains(&b'%') || rest.contains(&b'!') {
        return TargetSpec::Dynamic;
    }
    let parts: Vec<String> = rest
        .split(|&b| b == b'\\')
        .filter(|p| !p.is_empty() && *p != b".")
        .map(|p| {
            String::from_utf8(p.to_ascii_lowercase())
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        })
        .collect();
    if parts.is_empty() || parts.iter().any(|p| p == "..") {
        return TargetSpec::Elsewhere;
    }
    TargetSpec::Relative {
        parts,
        percent0,
        nt_only,
    }
}

/// The extension of a lower-case file name, if any.
pub fn extension(name: &str) -> Option<&str> {
    name.rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| !e.is_empty())
}

/// A command that is not a `call` is kept when it can name a file of the tree (`known` says
/// whether a lower-case file stem is one) or is a `%0\..\` helper (SMS106).
fn worth_keeping(target: &TargetSpec, known: &dyn Fn(&str) -> bool) -> bool {
    match target {
        TargetSpec::Relative { percent0: true, .. } | TargetSpec::SelfFile => true,
        TargetSpec::Relative { parts, .. } => parts.last().is_some_and(|n| {
            let stem = n.rsplit_once('.').map_or(n.as_str(), |(s, _)| s);
            known(stem)
        }),
        TargetSpec::Dynamic | TargetSpec::Elsewhere => false,
    }
}

/// A command that is not a `call`, written as a bare ASCII word (no quote, caret, path,
/// drive or expansion: most commands), is dropped from the summary: the answer of
/// [`target_spec`], the internal-command test and [`worth_keeping`] for such a word, without
/// building its target. `false` when the word is no such word or is kept.
fn bare_word_dropped(raw: &[u8], kind: CallKind, known: &dyn Fn(&str) -> bool) -> bool {
    let mut buf = [0u8; 64];
    if raw.len() > buf.len()
        || raw
            .iter()
            .any(|&b| !b.is_ascii() || matches!(b, b'"' | b'^' | b'/' | b'\\' | b':' | b'%' | b'!'))
    {
        return false;
    }
    let lower = &mut buf[..raw.len()];
    lower.copy_from_slice(raw);
    lower.make_ascii_lowercase();
    // Plain ASCII: this cannot fail.
    let Ok(name) = std::str::from_utf8(lower) else {
        return false;
    };
    // `target_spec`: one part, the word itself; none (`.`, empty) or `..` is `Elsewhere`.
    if matches!(name, "" | "." | "..") {
        return true;
    }
    if kind == CallKind::Transfer && INTERNAL.contains(&name) {
        return true;
    }
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    !known(stem)
}

/// Read what a script contributes to the tree, and its SMS analysis (RAS flow from
/// `unknown`, invocations), which the SMS rules reuse once the entry state is known.
pub fn summarize(
    source: &Source,
    script: &Script,
    flow: &Flow,
    settings: crate::sms::Settings<'_>,
    known: &dyn Fn(&str) -> bool,
) -> (Summary, crate::sms::Analysis) {
    let (guards, tests_os) = super::guards::nt_guards_of(source, script, flow);
    let tests_os = *tests_os;
    let mut calls = Vec::new();
    let mut client_stmts = Vec::new();
    // The SMS analysis from `unknown`: its invocations are the calls here, and its RAS flow
    // (shifted to the file's entry state once the tree is known) is the SMS rules' flow.
    let sms = crate::sms::Analysis::new(script, source, flow, settings);
    for inv in &sms.invocations {
        let id = inv.stmt;
        let reachable = flow.is_reachable(id);
        let client = is_client_program(&inv.name);
        if client && reachable {
            client_stmts.push(id);
        }
        let raw = source.slice(inv.word.span);
        let kind = match inv.via {
            Via::Call => CallKind::Call,
            Via::Start => CallKind::Start,
            Via::Shell => {
                let stmt_text = source.slice(script.stmt(id).span).to_ascii_lowercase();
                let at = stmt_text
                    .windows(3)
                    .position(|w| w == b"cmd")
                    .unwrap_or(usize::MAX);
                let at_command = stmt_text
                    .windows(7)
                    .position(|w| w == b"command")
                    .unwrap_or(usize::MAX);
                if at < at_command {
                    CallKind::Cmd
                } else {
                    CallKind::Command
                }
            }
            Via::Direct => CallKind::Transfer,
        };
        if kind != CallKind::Call && bare_word_dropped(raw, kind, known) {
            continue;
        }
        let target = target_spec(raw);
        if let (CallKind::Transfer, TargetSpec::Relative { parts, .. }) = (kind, &target) {
            // A bare internal command never starts a file.
            if parts.len() == 1 && INTERNAL.contains(&parts[0].as_str()) {
                continue;
            }
        }
        if kind != CallKind::Call && !worth_keeping(&target, known) {
            continue;
        }
        let (line, column) = source.line_col(inv.word.span.start());
        let (end_line, end_column) = source.line_col(inv.word.span.end());
        calls.push(CallOut {
            stmt: id,
            at: Place {
                span: inv.word.span,
                line,
                column,
                end_line,
                end_column,
                text: source.display(inv.word.span),
            },
            kind,
            target,
            reachable,
            win9x: false,
            ras: StateSet::default(),
            client_program: client,
        });
    }
    let ras = &sms.ras;
    // Where each call runs, only when the script starts another one.
    if !calls.is_empty() {
        let view = Win9xView::from_guards(flow, guards.clone(), tests_os);
        for c in &mut calls {
            c.win9x = view.runs(c.stmt);
            c.ras = ras.state(c.stmt);
        }
    }
    let summary = Summary {
        calls,
        pragma: pragma(source, script),
        tests_os,
        client_stmts,
    };
    (summary, sms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(parts: &[&str], percent0: bool, nt_only: bool) -> TargetSpec {
        TargetSpec::Relative {
            parts: parts.iter().map(|s| s.to_string()).collect(),
            percent0,
            nt_only,
        }
    }

    #[test]
    fn every_netlogon_spelling_is_relative_to_the_caller() {
        assert_eq!(target_spec(br"%0\..\SMSLS"), rel(&["smsls"], true, false));
        assert_eq!(
            target_spec(br#""%~dp0sub\Helper.bat""#),
            rel(&["sub", "helper.bat"], false, true)
        );
        assert_eq!(
            target_spec(br"%LOGONSERVER%\NETLOGON\common.bat"),
            rel(&["common.bat"], false, false)
        );
        assert_eq!(
            target_spec(br"\\DC1\netlogon\kix32.exe"),
            rel(&["kix32.exe"], false, false)
        );
        assert_eq!(target_spec(br"Z:\smsls"), rel(&["smsls"], false, false));
        assert_eq!(
            target_spec(br"z:smsls.bat"),
            rel(&["smsls.bat"], false, false)
        );
        assert_eq!(
            target_spec(b"helper.bat"),
            rel(&["helper.bat"], false, false)
        );
        assert_eq!(target_spec(b"%0"), TargetSpec::SelfFile);
        assert_eq!(target_spec(b"%ROLE%.bat"), TargetSpec::Dynamic);
        assert_eq!(target_spec(br"%0\..\%SMS_BIN%\x.exe"), TargetSpec::Dynamic);
        assert_eq!(target_spec(br"C:\tools\x.bat"), TargetSpec::Elsewhere);
        assert_eq!(target_spec(br"\\fs1\apps\x.bat"), TargetSpec::Elsewhere);
        assert_eq!(target_spec(br"..\x.bat"), TargetSpec::Elsewhere);
    }

    #[test]
    fn bare_words_are_dropped_as_their_target_says() {
        let known = |stem: &str| matches!(stem, "helper" | "a.b" | "setup");
        for raw in [
            "",
            ".",
            "..",
            "...",
            "net",
            "NET",
            "echo",
            "Helper",
            "helper.bat",
            "HELPER.CMD",
            "a.b.c",
            "a.b",
            "setup.exe",
            "cmd",
            "start",
            "%0",
            r"%0\..\x",
            "x\\y",
            "c:x",
            "\"helper\"",
            "hel^per",
            "x/y",
            "%x%",
            "!x!",
            "caf\u{e9}",
        ] {
            for kind in [
                CallKind::Transfer,
                CallKind::Command,
                CallKind::Cmd,
                CallKind::Start,
            ] {
                let target = target_spec(raw.as_bytes());
                let internal = matches!(
                    (kind, &target),
                    (CallKind::Transfer, TargetSpec::Relative { parts, .. })
                        if parts.len() == 1 && INTERNAL.contains(&parts[0].as_str())
                );
                let dropped = internal || !worth_keeping(&target, &known);
                if bare_word_dropped(raw.as_bytes(), kind, &known) {
                    assert!(dropped, "{raw:?} {kind:?}");
                }
            }
        }
        // Bare words are decided without the target; the others are left to it.
        assert!(bare_word_dropped(b"net", CallKind::Transfer, &known));
        assert!(!bare_word_dropped(b"Helper.bat", CallKind::Start, &known));
        assert!(!bare_word_dropped(
            br"%0\..\net",
            CallKind::Transfer,
            &known
        ));
    }

    #[test]
    fn pragmas_name_the_targets() {
        let p = |t: &str| {
            let s = Source::new(t.as_bytes().to_vec());
            pragma(&s, &crate::syntax::parse(&s))
        };
        assert_eq!(
            p("REM smslint: targets=nt\n"),
            Some(Targets {
                nt: true,
                win9x: false
            })
        );
        assert_eq!(
            p(":: SMSLINT: targets = nt, win9x\n"),
            Some(Targets {
                nt: true,
                win9x: true
            })
        );
        assert_eq!(p("REM smslint: disable=BAT302\n"), None);
        assert_eq!(p("echo smslint: targets=nt\n"), None);
    }
}
