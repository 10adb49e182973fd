//! What one script contributes to the tree: the files it starts (with where they are written
//! relative to it), whether each call runs on Windows 9x, the RAS state at each call, its
//! SMS client-program calls and its pragma. Built once per file, in parallel; the tree is
//! then resolved from these summaries alone.

use crate::flow::Flow;
use crate::sms::ras::StateSet;
use crate::sms::Via;
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
pub(crate) fn is_internal(name: &str) -> bool {
    matches!(
        name,
        "echo"
            | "set"
            | "if"
            | "for"
            | "goto"
            | "call"
            | "rem"
            | "cd"
            | "chdir"
            | "md"
            | "mkdir"
            | "rd"
            | "rmdir"
            | "del"
            | "erase"
            | "copy"
            | "move"
            | "ren"
            | "rename"
            | "type"
            | "dir"
            | "cls"
            | "pause"
            | "path"
            | "prompt"
            | "ver"
            | "vol"
            | "date"
            | "time"
            | "break"
            | "verify"
            | "shift"
            | "exit"
            | "pushd"
            | "popd"
            | "title"
            | "color"
            | "start"
            | "setlocal"
            | "endlocal"
            | "assoc"
            | "ftype"
            | "mklink"
            | "lh"
            | "loadhigh"
            | "ctty"
            | "cmd"
            | "command"
            | "lfnfor"
            | "truename"
    )
}

/// Where the first `smslint:` (any case) starts in `text`: the first `:` with `smslint`
/// before it. The keyword of pragmas and of suppression comments.
pub fn smslint_keyword(text: &[u8]) -> Option<usize> {
    const KW: &[u8] = b"smslint";
    // Colons are common (labels, drives, `%~dp0`): the byte before one is tested first.
    memchr::memchr_iter(b':', text)
        .find(|&c| {
            c >= KW.len()
                && text[c - 1] | 0x20 == b't'
                && text[c - KW.len()..c].eq_ignore_ascii_case(KW)
        })
        .map(|c| c - KW.len())
}

/// The pragma `smslint: targets=nt` / `targets=nt,win9x` in a comment.
pub fn pragma(source: &Source, script: &Script) -> Option<Targets> {
    for s in &script.stmts {
        let StmtKind::Comment(c) = &s.kind else {
            continue;
        };
        let raw = source.slice(c.text);
        let Some(at) = smslint_keyword(raw) else {
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

/// A target word with quotes and carets removed and `/` read as `\`.
fn cleaned(raw: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if memchr::memchr3(b'"', b'^', b'/', raw).is_none() {
        return raw.into();
    }
    // Copied without quotes and carets, then every `/` turned (one pass the compiler
    // vectorises: a word can be a long line of encoded data).
    let mut out = Vec::with_capacity(raw.len());
    crate::syntax::parse::extend_without_quotes_and_carets(&mut out, raw);
    for b in &mut out {
        if *b == b'/' {
            *b = b'\\';
        }
    }
    out.into()
}

/// What [`target_spec`] decides before it splits the path: the target, or the path
/// relative to the calling script with how it was written.
enum TargetHead<'a> {
    Done(TargetSpec),
    Path {
        rest: &'a [u8],
        percent0: bool,
        nt_only: bool,
    },
}

/// [`target_spec`] up to the path's parts, on a [`cleaned`] word.
fn target_head(s: &[u8]) -> TargetHead<'_> {
    let self_forms: &[&[u8]] = &[b"%0", b"%~f0", b"%~dpnx0", b"%~s0", b"%~fs0"];
    if self_forms.iter().any(|f| s.eq_ignore_ascii_case(f)) || self_in_parts(s) {
        return TargetHead::Done(TargetSpec::SelfFile);
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
        let mut parts = s[2..].splitn(3, |&b| b == b'\\');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(_), Some(share), Some(r)) if share.eq_ignore_ascii_case(b"netlogon") => r,
            _ => return TargetHead::Done(TargetSpec::Elsewhere),
        }
    } else if s.len() >= 2 && s[1] == b':' {
        if s[0].eq_ignore_ascii_case(&b'z') {
            &s[2..]
        } else {
            return TargetHead::Done(TargetSpec::Elsewhere);
        }
    } else if s.first() == Some(&b'\\') {
        return TargetHead::Done(TargetSpec::Elsewhere);
    } else {
        s
    };
    if rest.contains(&b'%') || rest.contains(&b'!') {
        return TargetHead::Done(TargetSpec::Dynamic);
    }
    TargetHead::Path {
        rest,
        percent0,
        nt_only,
    }
}

/// The script's own path put together from its folder and its name: `%~dp0%~nx0`,
/// `%~dp0\%~nx0` (the elevation helpers' `getadmin.bat "%~dp0\%~nx0"`), `%~d0%~p0%~n0%~x0`,
/// `%~dpn0%~x0`, `%~dp0%~n0.bat`.
fn self_in_parts(s: &[u8]) -> bool {
    if !s.starts_with(b"%~") {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    let Some(rest) = [b"%~dp0".as_slice(), b"%~d0%~p0"]
        .iter()
        .find_map(|f| lower.strip_prefix(*f))
        .map(|r| r.strip_prefix(b"\\").unwrap_or(r))
    else {
        return lower.as_slice() == b"%~dpn0%~x0";
    };
    matches!(rest, b"%~nx0" | b"%~n0%~x0" | b"%~n0.bat" | b"%~n0.cmd")
}

/// The parts of a relative path: its components but empty ones and `.`.
fn path_parts(rest: &[u8]) -> impl Iterator<Item = &[u8]> {
    rest.split(|&b| b == b'\\')
        .filter(|p| !p.is_empty() && *p != b".")
}

/// A part of a target path, ASCII lower case (invalid UTF-8 replaced).
fn part_name(p: &[u8]) -> String {
    String::from_utf8(p.to_ascii_lowercase())
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Where a target word points, relative to the calling script.
pub fn target_spec(raw: &[u8]) -> TargetSpec {
    let cleaned = cleaned(raw);
    let (rest, percent0, nt_only) = match target_head(&cleaned) {
        TargetHead::Done(t) => return t,
        TargetHead::Path {
            rest,
            percent0,
            nt_only,
        } => (rest, percent0, nt_only),
    };
    let parts: Vec<String> = path_parts(rest).map(part_name).collect();
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
/// whether a lower-case file stem is one) or is a `%0\..\` helper (SMS106). The rule
/// [`dropped`] follows without building the target; its test compares the two.
#[cfg(test)]
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

/// A command that is not a `call` is dropped from the summary: a bare internal command
/// started directly, or a target [`worth_keeping`] rejects. The answer [`target_spec`] and
/// those two tests give, without building the target (most commands are dropped).
fn dropped(raw: &[u8], kind: CallKind, known: &dyn Fn(&str) -> bool) -> bool {
    let cleaned = cleaned(raw);
    let (rest, percent0) = match target_head(&cleaned) {
        TargetHead::Done(t) => return !matches!(t, TargetSpec::SelfFile),
        TargetHead::Path { rest, percent0, .. } => (rest, percent0),
    };
    let mut count = 0usize;
    let mut last: &[u8] = &[];
    for p in path_parts(rest) {
        // `..`: `Elsewhere`.
        if p == b".." {
            return true;
        }
        count += 1;
        last = p;
    }
    if count == 0 {
        return true;
    }
    // The last part's name, on the stack when short and ASCII.
    let mut buf = [0u8; 64];
    let owned;
    let name: &str = if last.len() <= buf.len() && last.is_ascii() {
        let lower = &mut buf[..last.len()];
        lower.copy_from_slice(last);
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).unwrap_or_default()
    } else {
        owned = part_name(last);
        &owned
    };
    if kind == CallKind::Transfer && count == 1 && is_internal(name) {
        return true;
    }
    if percent0 {
        return false;
    }
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    !known(stem)
}

/// [`dropped`] for a bare word ([`crate::sms::is_bare_word`]) whose program name is `name`
/// (the word before its last `.`, lower case): no prefix, no expansion, one part unless it
/// is none (empty, `.`) or `..`; internal commands have no `.`.
fn bare_dropped(raw: &[u8], name: &str, kind: CallKind, known: &dyn Fn(&str) -> bool) -> bool {
    if matches!(raw, b"" | b"." | b"..") {
        return true;
    }
    if kind == CallKind::Transfer && !raw.contains(&b'.') && is_internal(name) {
        return true;
    }
    !known(name)
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
    let mut calls = Vec::new();
    let mut client_stmts = Vec::new();
    // The SMS analysis from `unknown`: its invocations are the calls here, and its RAS flow
    // (shifted to the file's entry state once the tree is known) is the SMS rules' flow.
    let sms = crate::sms::Analysis::new(script, source, flow, settings);
    // The guards, found from the invocations (the flow keeps them for the 9x view).
    let (_, tests_os) = super::guards::nt_guards_named(source, script, flow, &sms.invocations);
    // The 9x view, when a call needs it or an `%OS%` test may only turn Windows 9x away.
    let view =
        (*tests_os || !sms.invocations.is_empty()).then(|| Win9xView::build(source, script, flow));
    let tests_os = *tests_os
        && !view.as_ref().is_some_and(|v| {
            v.only_refuses(source, script, flow) || v.runs_only_nt_programs(source, script)
        })
        && !super::guards::starts_cmd_only(source, script, flow)
        && !super::guards::perl_wrapper(source.bytes());
    for inv in &sms.invocations {
        let id = inv.stmt;
        let reachable = flow.is_reachable(id);
        let client = inv.is_client_program();
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
        if kind != CallKind::Call {
            let drop = if inv.bare {
                bare_dropped(raw, &inv.name, kind, known)
            } else {
                dropped(raw, kind, known)
            };
            if drop {
                continue;
            }
        }
        let target = target_spec(raw);
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
    if let (false, Some(view)) = (calls.is_empty(), &view) {
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
        for own in [
            "\"%~dp0\\%~nx0\"",
            "%~dp0%~nx0",
            "%~D0%~P0%~N0%~X0",
            "%~dpn0%~x0",
            "%~dp0%~n0.bat",
        ] {
            assert_eq!(target_spec(own.as_bytes()), TargetSpec::SelfFile, "{own}");
        }
        assert_ne!(target_spec(b"%~dp0\\other.bat"), TargetSpec::SelfFile);
        assert_eq!(target_spec(b"%ROLE%.bat"), TargetSpec::Dynamic);
        assert_eq!(target_spec(br"%0\..\%SMS_BIN%\x.exe"), TargetSpec::Dynamic);
        assert_eq!(target_spec(br"C:\tools\x.bat"), TargetSpec::Elsewhere);
        assert_eq!(target_spec(br"\\fs1\apps\x.bat"), TargetSpec::Elsewhere);
        assert_eq!(target_spec(br"..\x.bat"), TargetSpec::Elsewhere);
    }

    #[test]
    fn cleaned_drops_quotes_and_carets_and_turns_slashes() {
        let words: [&[u8]; 8] = [
            b"",
            b"plain.bat",
            br#""%0\..\sub dir\x.bat""#,
            b"a/b^/c\"/d",
            b"^^\"\"//",
            b"Zm9vYmFy/YmF6cXV4/+Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4/Zm9v==",
            b"\xff/\"\xfe^",
            b"/",
        ];
        for raw in words {
            let expected: Vec<u8> = raw
                .iter()
                .filter(|&&b| b != b'"' && b != b'^')
                .map(|&b| if b == b'/' { b'\\' } else { b })
                .collect();
            assert_eq!(&*cleaned(raw), &expected[..], "{raw:?}");
        }
    }

    #[test]
    fn commands_are_dropped_as_their_target_says() {
        let known = |stem: &str| matches!(stem, "helper" | "a.b" | "setup" | "caf\u{e9}");
        let words = [
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
            "%~F0",
            r"%0\..\x",
            r"%0\..\echo",
            r"%0\..\sub\helper",
            r"%~dp0helper.bat",
            r"%~dp0..\helper.bat",
            r"%LOGONSERVER%\NETLOGON\Helper.bat",
            r"\\dc\netlogon\setup.exe",
            r"\\dc\apps\setup.exe",
            r"\\dc",
            "z:helper",
            r"Z:\sub\.\helper",
            r"c:\helper",
            r"\helper",
            "x\\y",
            "sub\\helper.bat",
            r"sub\..\helper",
            "c:x",
            "\"helper\"",
            "\"ec\"ho",
            "hel^per",
            "x/y",
            "sub/helper",
            "%x%",
            "!x!",
            "x%y",
            "caf\u{e9}",
            "CAF\u{c9}.bat",
            ".x",
            "x.",
            "echo.",
            "ECHO",
            "Cd.",
            "helper.",
            "a.b.bat",
        ];
        let mut bytes: Vec<Vec<u8>> = words.iter().map(|w| w.as_bytes().to_vec()).collect();
        bytes.push(b"hel\xffper".to_vec());
        bytes.push(b"\xe9cho".to_vec());
        bytes.push(vec![b'a'; 100]);
        for raw in &bytes {
            for kind in [
                CallKind::Transfer,
                CallKind::Command,
                CallKind::Cmd,
                CallKind::Start,
            ] {
                let target = target_spec(raw);
                let internal = matches!(
                    (kind, &target),
                    (CallKind::Transfer, TargetSpec::Relative { parts, .. })
                        if parts.len() == 1 && is_internal(&parts[0])
                );
                let expected = internal || !worth_keeping(&target, &known);
                assert_eq!(
                    dropped(raw, kind, &known),
                    expected,
                    "{:?} {kind:?}",
                    String::from_utf8_lossy(raw)
                );
            }
        }
        for raw in &bytes {
            if !crate::sms::is_bare_word(raw) {
                continue;
            }
            let name = crate::sms::program_name(raw);
            for kind in [CallKind::Transfer, CallKind::Start] {
                assert_eq!(
                    bare_dropped(raw, &name, kind, &known),
                    dropped(raw, kind, &known),
                    "{:?} {kind:?}",
                    String::from_utf8_lossy(raw)
                );
            }
        }
        assert!(dropped(b"net", CallKind::Transfer, &known));
        assert!(!dropped(b"Helper.bat", CallKind::Start, &known));
        assert!(!dropped(br"%0\..\net", CallKind::Transfer, &known));
        assert!(dropped(br"%0\..\echo", CallKind::Transfer, &known));
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
