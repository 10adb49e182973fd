//! SMS vocabulary: client programs, RAS-check programs, RAS checks and weak guards, and the
//! upgrade gate.
//!
//! Everything here reads the parsed [`Script`]; nothing re-parses text the parser already
//! understood. Program names are compared after [`program_name`] normalisation: quotes and
//! carets removed, `%0\..\`, drive and directories dropped, the extension stripped, ASCII
//! lower case.

pub mod env;
pub mod ras;

use crate::flow::Flow;
use crate::source::{Source, Span};
use crate::syntax::ast::{CallTarget, Connector, JumpTarget, Script, Stmt, StmtId, StmtKind, Word};

/// The SMS 1.x / 2.0 client programs (issue 4): running any of them from a logon script
/// starts discovery, client installation or an upgrade on the client.
pub const CLIENT_PROGRAMS: &[&str] = &[
    "smsls", "snboot", "smsboot1", "slownet", "slwnt16", "slwnt32", "slwnt32a", "boot32wn",
    "boot16wn", "clicore", "clicor16", "smsman", "smsman16", "manboot", "runsms", "smsrun16",
    "smsrun32", "cli_nt", "cli_dos", "invwin32", "invdos", "setls", "setls16", "setls32",
    "setlsos2",
];

/// Helpers that live in NETLOGON next to SMSLS.BAT and must be run as `%0\..\name`
/// (Q121387, Q138348).
pub const NETLOGON_HELPERS: &[&str] = &[
    "checkras", "netspeed", "choice", "check20", "checkver", "clrlevel", "dosver", "kix32",
    "smsls", "snboot", "smsboot1", "slwnt16", "slwnt32", "slwnt32a",
];

/// The slow-link tests that take a threshold argument (Q224388).
pub const SLOWNET_PROGRAMS: &[&str] = &["slownet", "slwnt16", "slwnt32", "slwnt32a"];

/// The default RAS-check program (BackOffice Resource Kit CHECKRAS.EXE, Q185346).
pub const DEFAULT_RAS_GUARD: &str = "checkras";

/// The program name of a command word: quotes and carets removed, everything up to the last
/// `\`, `/` or `:` dropped (so `%0\..\`, drives and directories go), an expansion glued to
/// the end cut off (`setls%SMS_OS%` reads as `setls`), the extension stripped, ASCII lower
/// case.
pub fn program_name(raw: &[u8]) -> String {
    let stem = program_stem(raw);
    let mut out = String::with_capacity(stem.len());
    out.extend(stem_chars(stem));
    out
}

/// `program_name(raw) == name`, without building the name.
pub fn program_name_is(raw: &[u8], name: &str) -> bool {
    stem_is(program_stem(raw), name)
}

/// The bytes of `raw` its program name is made of, before quotes and carets are dropped and
/// the case is folded: after the last `\`, `/` or `:`, before the first `%` after that, before
/// the last `.` before that. (Quotes and carets are none of these bytes, so dropping them
/// first or last gives the same name.)
fn program_stem(raw: &[u8]) -> &[u8] {
    let last = match memchr::memrchr3(b'\\', b'/', b':', raw) {
        Some(i) => &raw[i + 1..],
        None => raw,
    };
    let last = match memchr::memchr(b'%', last) {
        Some(i) => &last[..i],
        None => last,
    };
    match memchr::memrchr(b'.', last) {
        Some(i) => &last[..i],
        None => last,
    }
}

/// The characters of the program name of a stem (see [`program_stem`]).
fn stem_chars(stem: &[u8]) -> impl Iterator<Item = char> + '_ {
    stem.iter()
        .filter(|&&b| b != b'"' && b != b'^')
        .map(|b| b.to_ascii_lowercase() as char)
}

/// The program name of `stem` is `name`.
fn stem_is(stem: &[u8], name: &str) -> bool {
    if name.is_ascii() {
        // A stem gives at most one character a byte: a shorter one is not the name (a
        // length test before the look for quotes).
        if stem.len() < name.len() {
            return false;
        }
        if !stem.iter().any(|&b| b == b'"' || b == b'^') {
            // Nothing to drop, and an ASCII name matches no byte above 0x7f either way.
            return stem.eq_ignore_ascii_case(name.as_bytes());
        }
    }
    stem_chars(stem).eq(name.chars())
}

/// `name` (already normalised) is an SMS client program.
pub fn is_client_program(name: &str) -> bool {
    is_client_program_bytes(name.as_bytes())
}

/// [`is_client_program`] on the name's bytes: one of [`CLIENT_PROGRAMS`].
fn is_client_program_bytes(name: &[u8]) -> bool {
    // Every client program is 5 to 8 bytes long.
    (5..=8).contains(&name.len()) && CLIENT_PROGRAMS.iter().any(|p| p.as_bytes() == name)
}

/// What the SMS analysis needs from the settings of a file, borrowed from the caller's own
/// settings (the rules' `LintSettings::sms_settings`). `sms` reads nothing else of them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Settings<'a> {
    /// The file is a logon script (SMSLS.BAT or matches `logon_scripts`).
    pub logon_script: bool,
    /// Extra RAS-check program names (lower case, no path or extension), besides `checkras`.
    pub ras_guards: &'a [String],
    /// The RAS states the script starts in: `unknown` for a script run on its own, the join
    /// of its callers' states at their calls for a script others call (the tree module).
    pub ras_entry: ras::StateSet,
}

/// `name` (already normalised) is a RAS-check program: `checkras` or a `ras_guards` entry.
pub fn is_ras_guard(name: &str, settings: Settings<'_>) -> bool {
    name == DEFAULT_RAS_GUARD
        || settings
            .ras_guards
            .iter()
            .any(|g| program_name(g.as_bytes()) == name)
}

// Whether a file is a logon script (SMSLS.BAT, any case, or a `logon_scripts` glob of the
// smslint.toml in effect) is decided once, with the config, by
// `config::ResolvedSettings::for_file`; rules read it as `LintSettings::logon_script` and hand it
// here as `Settings::logon_script`.

/// How a program is started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// `prog args`
    Direct,
    /// `call prog args`
    Call,
    /// `start [title] prog args`
    Start,
    /// `command /c prog` or `cmd /c prog` (`command /e:2048 /c %0\..\smsls.bat`, Q130422)
    Shell,
}

/// One program started by a statement.
#[derive(Clone, Debug)]
pub struct Invocation {
    pub stmt: StmtId,
    /// The program word.
    pub word: Word,
    /// The normalised program name.
    pub name: Name,
    pub via: Via,
    /// Where the words after the program word start among the words of the statement's
    /// argument list (see [`Invocation::args`]).
    args_from: u32,
    /// The program word is bare: ASCII with no quote, caret, path separator, drive colon or
    /// expansion; its name is then the word before its last `.`, lower case.
    pub(crate) bare: bool,
}

impl Invocation {
    pub fn is_client_program(&self) -> bool {
        is_client_program_bytes(self.name.as_bytes())
    }

    /// The words after the program word, borrowed from the statement (`script` must be the
    /// script the invocation was found in).
    pub fn args<'s>(&self, script: &'s Script) -> &'s [Word] {
        let all = script
            .stmts
            .get(self.stmt.index())
            .map_or(&[][..], |s| stmt_args(s));
        all.get(self.args_from as usize..).unwrap_or(&[])
    }
}

/// The argument list an invocation's words after the program word are a tail of: a plain
/// command's arguments, or those of `call prog`.
fn stmt_args(stmt: &Stmt) -> &[Word] {
    match &stmt.kind {
        StmtKind::Simple(s) => &s.args,
        StmtKind::Call(c) => match &c.target {
            CallTarget::External { args, .. } => args,
            _ => &[],
        },
        _ => &[],
    }
}

/// A normalised program name ([`program_name`]): held inline when short (nearly every
/// name), so finding the invocations of a script allocates nothing per command. Reads as a
/// `str`.
#[derive(Clone, PartialEq, Eq)]
pub struct Name(NameRepr);

/// Longest name held inline.
const INLINE_NAME: usize = 22;

#[derive(Clone, PartialEq, Eq)]
enum NameRepr {
    /// `len` bytes of UTF-8 (the rest zero): names of at most [`INLINE_NAME`] bytes.
    Inline { len: u8, buf: [u8; INLINE_NAME] },
    /// Longer names.
    Heap(Box<str>),
}

impl Name {
    /// The program name of a command word, and whether the word is bare: ASCII with no
    /// quote, caret, path separator, drive colon or expansion (`%`, `!`), so that its name
    /// is the word before its last `.`, lower case.
    fn of_word(raw: &[u8]) -> (Name, bool) {
        let bare = is_bare_word(raw);
        if bare {
            let stem = match memchr::memrchr(b'.', raw) {
                Some(i) => &raw[..i],
                None => raw,
            };
            if stem.len() <= INLINE_NAME {
                let mut buf = [0u8; INLINE_NAME];
                let out = &mut buf[..stem.len()];
                out.copy_from_slice(stem);
                out.make_ascii_lowercase();
                let name = Name(NameRepr::Inline {
                    len: stem.len() as u8,
                    buf,
                });
                return (name, true);
            }
        }
        (Name::of_stem(program_stem(raw)), bare)
    }

    /// The program name of a stem (see [`program_stem`]).
    fn of_stem(stem: &[u8]) -> Name {
        let mut buf = [0u8; INLINE_NAME];
        if stem.len() <= INLINE_NAME && stem.iter().all(|&b| b.is_ascii() && b != b'"' && b != b'^')
        {
            // Nothing to drop and one byte a character: the stem, lower case.
            let out = &mut buf[..stem.len()];
            out.copy_from_slice(stem);
            out.make_ascii_lowercase();
            return Name(NameRepr::Inline {
                len: stem.len() as u8,
                buf,
            });
        }
        if stem.is_ascii() {
            if memchr::memchr2(b'"', b'^', stem).is_none() {
                // Long, nothing to drop (a path or a line of encoded data read as a
                // command): the stem in lower case, copied once at its exact size.
                let name = String::from_utf8(stem.to_ascii_lowercase()).unwrap_or_default();
                return Name(NameRepr::Heap(name.into_boxed_str()));
            }
            // Quotes or carets to drop: one byte a character still.
            let kept = || {
                stem.iter()
                    .filter(|&&b| b != b'"' && b != b'^')
                    .map(u8::to_ascii_lowercase)
            };
            let len = kept().count();
            if len <= INLINE_NAME {
                for (slot, b) in buf.iter_mut().zip(kept()) {
                    *slot = b;
                }
                return Name(NameRepr::Inline {
                    len: len as u8,
                    buf,
                });
            }
            // One allocation of the exact size (`into_boxed_str` then keeps it).
            let mut name = Vec::with_capacity(len);
            name.extend(kept());
            let name = String::from_utf8(name).unwrap_or_default();
            return Name(NameRepr::Heap(name.into_boxed_str()));
        }
        let mut len = 0;
        for c in stem_chars(stem) {
            let n = c.len_utf8();
            if len + n > INLINE_NAME {
                let mut s = String::with_capacity(stem.len() * 2);
                s.extend(stem_chars(stem));
                return Name(NameRepr::Heap(s.into_boxed_str()));
            }
            c.encode_utf8(&mut buf[len..]);
            len += n;
        }
        Name(NameRepr::Inline {
            len: len as u8,
            buf,
        })
    }

    /// The name's bytes (no UTF-8 check: what comparisons read).
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            NameRepr::Inline { len, buf } => &buf[..usize::from(*len)],
            NameRepr::Heap(s) => s.as_bytes(),
        }
    }

    /// The name is one of `names`, compared as bytes (no UTF-8 check per comparison).
    pub fn is_one_of(&self, names: &[&str]) -> bool {
        let b = self.as_bytes();
        names.iter().any(|n| n.as_bytes() == b)
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Whole characters only are written: this is UTF-8.
            NameRepr::Inline { len, buf } => {
                std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or_default()
            }
            NameRepr::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

fn word_text<'a>(source: &'a Source, w: &Word) -> &'a [u8] {
    source.slice(w.span)
}

fn is_switch(source: &Source, w: &Word) -> bool {
    matches!(word_text(source, w).first(), Some(b'/'))
}

/// The program a statement starts, if it starts one: a plain command, `call prog`,
/// `start … prog` or `command /c prog` / `cmd /c prog`.
pub fn invocation(script: &Script, source: &Source, id: StmtId) -> Option<Invocation> {
    let stmt = script.stmts.get(id.index())?;
    let head = invocation_head(stmt, source)?;
    let all = stmt_args(stmt);
    Some(Invocation {
        stmt: id,
        word: head.word,
        name: head.name,
        bare: head.bare,
        via: head.via,
        args_from: (all.len() - head.args.len()) as u32,
    })
}

/// The program word of an invocation, its name, how it is started and the words after it,
/// borrowed from the statement.
struct Head<'s> {
    word: Word,
    name: Name,
    /// The word is bare ([`Name::of_word`]).
    bare: bool,
    via: Via,
    args: &'s [Word],
}

/// [`Head`] of a statement.
fn invocation_head<'s>(stmt: &'s Stmt, source: &Source) -> Option<Head<'s>> {
    match &stmt.kind {
        StmtKind::Simple(s) => simple_head(source, s.name, &s.args),
        StmtKind::Call(c) => match &c.target {
            CallTarget::External { program, args } => {
                let (name, bare) = Name::of_word(word_text(source, program));
                if is_launcher(&name) {
                    // `call start prog`: read the rest as if it stood alone.
                    return simple_head(source, *program, args);
                }
                Some(Head {
                    word: *program,
                    name,
                    bare,
                    via: Via::Call,
                    args,
                })
            }
            _ => None,
        },
        _ => None,
    }
}

/// A bare command word (see [`Name::of_word`]).
pub(crate) fn is_bare_word(raw: &[u8]) -> bool {
    // Per byte: 1 for the bytes that make a word not bare. No early exit: one branch-free
    // pass.
    static NOT_BARE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0x80;
        while b < 256 {
            t[b] = 1;
            b += 1;
        }
        t[b'"' as usize] = 1;
        t[b'^' as usize] = 1;
        t[b'/' as usize] = 1;
        t[b'\\' as usize] = 1;
        t[b':' as usize] = 1;
        t[b'%' as usize] = 1;
        t[b'!' as usize] = 1;
        t
    };
    raw.iter()
        .fold(0u8, |acc, &b| acc | NOT_BARE[usize::from(b)])
        == 0
}

/// `start`, `command` or `cmd`: a name that starts another program.
fn is_launcher(name: &Name) -> bool {
    matches!(name.as_bytes(), b"start" | b"command" | b"cmd")
}

/// The program a plain command `name args` starts: `name` itself, or the program after
/// `start [switches] ["title"]` or after `/c` / `/k` of `command` / `cmd`.
fn simple_head<'s>(source: &Source, name: Word, args: &'s [Word]) -> Option<Head<'s>> {
    let (own, bare) = Name::of_word(word_text(source, &name));
    if !is_launcher(&own) {
        return Some(Head {
            word: name,
            name: own,
            bare,
            via: Via::Direct,
            args,
        });
    }
    let (w, via, rest) = if own == "start" {
        let mut i = 0;
        while i < args.len() && is_switch(source, &args[i]) {
            i += 1;
        }
        // `start "title" prog`: a quoted first word is the window title unless it names a
        // client program itself.
        if i + 1 < args.len() && args[i].quoted && !names_client_program(source, &args[i]) {
            i += 1;
            while i < args.len() && is_switch(source, &args[i]) {
                i += 1;
            }
        }
        let w = *args.get(i)?;
        (w, Via::Start, &args[i + 1..])
    } else {
        let pos = args.iter().position(|w| {
            let t = word_text(source, w);
            t.eq_ignore_ascii_case(b"/c") || t.eq_ignore_ascii_case(b"/k")
        })?;
        let w = *args.get(pos + 1)?;
        (w, Via::Shell, &args[pos + 2..])
    };
    let (name, bare) = Name::of_word(word_text(source, &w));
    Some(Head {
        word: w,
        name,
        bare,
        via,
        args: rest,
    })
}

/// The word names an SMS client program.
fn names_client_program(source: &Source, w: &Word) -> bool {
    let stem = program_stem(word_text(source, w));
    if !stem.iter().any(|&b| b == b'"' || b == b'^') {
        // What [`stem_is`] does for each program, the quote test made once: every client
        // program is ASCII and 5 to 8 bytes long.
        return (5..=8).contains(&stem.len())
            && CLIENT_PROGRAMS
                .iter()
                .any(|p| stem.eq_ignore_ascii_case(p.as_bytes()));
    }
    CLIENT_PROGRAMS.iter().any(|p| stem_is(stem, p))
}

/// Every program started anywhere in the script, in source order.
pub fn invocations(script: &Script, source: &Source) -> Vec<Invocation> {
    script
        .ids()
        .filter_map(|id| invocation(script, source, id))
        .collect()
}

/// For every statement, the next one in its sequence (the top level, a block body, a `for`
/// body, or the then/else side of an `if`), as the flow graph splits them (also kept as
/// [`Flow::seq_next`]). Linear time.
pub fn sequence_next(script: &Script) -> Vec<Option<StmtId>> {
    crate::flow::link_sequences(script, None)
}

/// The statement sequences of a script ([`sequence_next`]): given (the flow's), or built on
/// first use.
#[derive(Default)]
pub(crate) struct Seq<'a> {
    given: Option<&'a [Option<StmtId>]>,
    built: std::cell::OnceCell<Vec<Option<StmtId>>>,
}

impl<'a> Seq<'a> {
    /// The flow's sequences when they are the script's (same number of statements).
    pub(crate) fn of(script: &Script, flow: &'a Flow) -> Seq<'a> {
        Seq {
            given: (flow.seq_next.len() == script.stmts.len()).then_some(&flow.seq_next[..]),
            built: Default::default(),
        }
    }

    fn get(&self, script: &Script) -> &[Option<StmtId>] {
        match self.given {
            Some(g) => g,
            None => self.built.get_or_init(|| sequence_next(script)),
        }
    }
}

/// The statement after `id` in its sequence, comments skipped.
pub fn next_sibling(script: &Script, next: &[Option<StmtId>], id: StmtId) -> Option<StmtId> {
    let mut cur = next.get(id.index()).copied().flatten();
    while let Some(c) = cur {
        if !matches!(script.stmt(c).kind, StmtKind::Comment(_)) {
            return Some(c);
        }
        cur = next.get(c.index()).copied().flatten();
    }
    None
}

/// An `if [not] errorlevel N` statement with N ≥ 1: `(N, negated)`.
pub fn errorlevel_test(stmt: &Stmt) -> Option<(u32, bool)> {
    if let StmtKind::If(i) = &stmt.kind {
        if let crate::syntax::ast::Condition::Errorlevel { value: Some(n), .. } = &i.condition {
            if *n >= 1 {
                return Some((*n, i.not.is_some()));
            }
        }
    }
    None
}

/// A RAS check: a RAS-check program run as a command, and the errorlevel test right after it.
#[derive(Clone, Debug)]
pub struct RasCheck {
    /// The statement running `checkras` (or a `ras_guards` program, or the Slownet
    /// threshold-0 test).
    pub check: StmtId,
    /// The `if [not] errorlevel N` statement.
    pub test: StmtId,
    pub level: u32,
    /// The then-branch is the LAN branch: `if not errorlevel N` after CHECKRAS (which exits
    /// with 1 or more on RAS), or `if errorlevel N` after the Slownet threshold-0 test (which
    /// returns 0 on RAS).
    pub negated: bool,
}

/// The Slownet threshold-0 RAS test (Q224388: `slownet \\srv\share 0`, "if RAS is
/// detected, the return code is 0"): a slow-link test program given the threshold `0`.
pub fn is_slownet_ras_test(script: &Script, source: &Source, inv: &Invocation) -> bool {
    inv.name.is_one_of(SLOWNET_PROGRAMS)
        && inv
            .args(script)
            .iter()
            .any(|w| source.slice(w.span) == b"0")
}

/// Every RAS check in the script.
pub fn ras_checks<'a>(
    script: &Script,
    source: &Source,
    settings: impl Into<Settings<'a>>,
) -> Vec<RasCheck> {
    ras_checks_in(script, source, settings.into(), &Seq::default())
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// [`ras_checks`] with the statement sequences computed at most once (`seq`, filled on first
/// use), each check with whether it is a Slownet threshold-0 test.
pub(crate) fn ras_checks_in(
    script: &Script,
    source: &Source,
    settings: Settings<'_>,
    seq: &Seq<'_>,
) -> Vec<(RasCheck, bool)> {
    let guards = ras_guard_names(settings);
    script
        .ids()
        .filter_map(|id| {
            let head = invocation_head(script.stmt(id), source)?;
            ras_check_at(
                script,
                source,
                &guards,
                seq,
                id,
                head.name.as_bytes(),
                head.args,
            )
        })
        .collect()
}

/// The extra RAS-check programs of the settings, normalised.
fn ras_guard_names(settings: Settings<'_>) -> Vec<String> {
    settings
        .ras_guards
        .iter()
        .map(|g| program_name(g.as_bytes()))
        .collect()
}

/// [`ras_checks_in`] for the invocations already found (one per statement, in order).
fn ras_checks_of(
    script: &Script,
    source: &Source,
    settings: Settings<'_>,
    seq: &Seq<'_>,
    invocations: &[Invocation],
) -> Vec<(RasCheck, bool)> {
    let guards = ras_guard_names(settings);
    invocations
        .iter()
        .filter_map(|inv| {
            ras_check_at(
                script,
                source,
                &guards,
                seq,
                inv.stmt,
                inv.name.as_bytes(),
                inv.args(script),
            )
        })
        .collect()
}

/// The RAS check statement `id` starts, given the program it runs (`name`, normalised) and
/// the words after it; with whether it is a Slownet threshold-0 test.
fn ras_check_at(
    script: &Script,
    source: &Source,
    guards: &[String],
    seq: &Seq<'_>,
    id: StmtId,
    name: &[u8],
    args: &[Word],
) -> Option<(RasCheck, bool)> {
    let zero_is_ras = SLOWNET_PROGRAMS.iter().any(|p| p.as_bytes() == name)
        && args.iter().any(|w| source.slice(w.span) == b"0");
    if !zero_is_ras
        && name != DEFAULT_RAS_GUARD.as_bytes()
        && !guards.iter().any(|g| g.as_bytes() == name)
    {
        return None;
    }
    let next = next_sibling(script, seq.get(script), id)?;
    let (level, negated) = errorlevel_test(script.stmt(next))?;
    Some((
        RasCheck {
            check: id,
            test: next,
            level,
            negated: negated != zero_is_ras,
        },
        zero_is_ras,
    ))
}

/// A weak RAS guard (SMS203): a test that does not tell whether the client is on RAS now.
#[derive(Clone, Debug)]
pub struct WeakGuard {
    pub stmt: StmtId,
    pub span: Span,
    pub kind: WeakGuardKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeakGuardKind {
    /// `if exist …\rasapi32.dll`: RAS is installed, not connected (Q224388).
    RasInstalled,
    /// `ipconfig | find "<mask>"`: depends on the mask and exists on NT only (Q185346,
    /// Q235797).
    IpconfigMask,
}

/// Every weak RAS guard in the script.
pub fn weak_guards(script: &Script, source: &Source) -> Vec<WeakGuard> {
    weak_guards_in(script, source, &Seq::default())
}

/// [`weak_guards`] with the statement sequences computed at most once (`seq`, filled on
/// first use).
pub(crate) fn weak_guards_in(script: &Script, source: &Source, seq: &Seq<'_>) -> Vec<WeakGuard> {
    script
        .ids()
        .filter_map(|id| {
            weak_guard_at(script, source, seq, id, |name| {
                program_name_is(word_text(source, name), "ipconfig")
            })
        })
        .collect()
}

/// The weak RAS guard statement `id` is, if any. `runs_ipconfig` tells whether a plain
/// command's name word names `ipconfig` (the caller may know it already).
fn weak_guard_at(
    script: &Script,
    source: &Source,
    seq: &Seq<'_>,
    id: StmtId,
    runs_ipconfig: impl FnOnce(&Word) -> bool,
) -> Option<WeakGuard> {
    let stmt = script.stmt(id);
    match &stmt.kind {
        StmtKind::If(i) => {
            let crate::syntax::ast::Condition::Exist { path, .. } = &i.condition else {
                return None;
            };
            program_name_is(word_text(source, path), "rasapi32").then(|| WeakGuard {
                stmt: id,
                span: i.keyword.cover(path.span),
                kind: WeakGuardKind::RasInstalled,
            })
        }
        StmtKind::Simple(s) => {
            if !runs_ipconfig(&s.name) {
                return None;
            }
            // The FIND on the other side of the pipe.
            let seq = seq.get(script);
            let find = seq[id.index()].filter(|f| script.stmt(*f).connector == Connector::Pipe)?;
            let StmtKind::Simple(f) = &script.stmt(find).kind else {
                return None;
            };
            let fname = program_stem(word_text(source, &f.name));
            if !stem_is(fname, "find") && !stem_is(fname, "findstr") {
                return None;
            }
            Some(WeakGuard {
                stmt: id,
                span: stmt.span.cover(script.stmt(find).span),
                kind: WeakGuardKind::IpconfigMask,
            })
        }
        _ => None,
    }
}

/// Statements that do not count as the first executable statement of a logon script:
/// comments, labels, `echo off` (with or without `@`, any case), `cls`, `setlocal`.
pub fn is_preamble(script: &Script, source: &Source, id: StmtId) -> bool {
    let stmt = script.stmt(id);
    match &stmt.kind {
        StmtKind::Comment(_) | StmtKind::Label(_) | StmtKind::Setlocal(_) => true,
        StmtKind::Echo(e) => e.mode == Some(false),
        StmtKind::Simple(s) => {
            program_name_is(word_text(source, &s.name), "cls") && {
                // `cls` exactly, not `cls.bat` or `c:\cls`.
                let t = word_text(source, &s.name);
                t.eq_ignore_ascii_case(b"cls")
            }
        }
        _ => false,
    }
}

/// The first executable statement at the top level, skipping the preamble.
pub fn first_executable(script: &Script, source: &Source) -> Option<StmtId> {
    script
        .top
        .iter()
        .copied()
        .find(|&id| !is_preamble(script, source, id))
}

/// The upgrade gate of a logon script (Q237543, Q238780).
#[derive(Clone, Debug)]
pub struct Gate {
    /// The `goto` statement.
    pub stmt: StmtId,
    /// Its span.
    pub span: Span,
    /// The target as written (carets removed); `None` for `goto :eof`.
    pub target: Option<Vec<u8>>,
}

/// The gate of a script: in a logon script only (`settings.logon_script`), the first
/// executable statement when it is an unconditional `goto` to any label, existing or not,
/// in any form (`GOTO END`, `goto :end`, `goto:End`, `GOTO START`), or `goto :eof`.
pub fn gate<'a>(
    script: &Script,
    source: &Source,
    settings: impl Into<Settings<'a>>,
) -> Option<Gate> {
    let settings = settings.into();
    if !settings.logon_script {
        return None;
    }
    top_gate(script, source)
}

/// The gate at the top of any script, whether or not it is a logon script (used by
/// `smslint gate`, which acts on the files it is given).
pub fn top_gate(script: &Script, source: &Source) -> Option<Gate> {
    let id = first_executable(script, source)?;
    let stmt = script.stmt(id);
    let StmtKind::Goto(g) = &stmt.kind else {
        return None;
    };
    let target = match &g.target {
        JumpTarget::Eof => None,
        JumpTarget::Label { key, .. } => Some(key.clone()),
        JumpTarget::Dynamic { .. } | JumpTarget::Missing => return None,
    };
    Some(Gate {
        stmt: id,
        span: stmt.span,
        target,
    })
}

/// The span of the first physical line of `span` (for statements that cover a block).
pub fn head_span(source: &Source, span: Span) -> Span {
    let line = source.line_of(span.start());
    let end = source.line_span(line).end().max(span.start());
    Span::new(span.start(), span.end().min(end).max(span.start()))
}

/// A reachable SMS client-program call site and its RAS state set.
#[derive(Clone, Debug)]
pub struct CallSite {
    pub inv: Invocation,
    pub state: ras::StateSet,
}

/// The SMS analysis of one script, shared by the SMS rules.
pub struct Analysis {
    pub ras: ras::RasFlow,
    /// Every program invocation in the script.
    pub invocations: Vec<Invocation>,
    /// Every RAS check in the script (what [`ras_checks`] returns for it).
    pub ras_checks: Vec<RasCheck>,
    /// Every weak RAS guard in the script (what [`weak_guards`] returns for it).
    pub weak_guards: Vec<WeakGuard>,
    /// Statements that run a Slownet threshold-0 RAS test followed by its errorlevel test:
    /// RAS checks, not client setup. In statement order.
    slownet_checks: Vec<StmtId>,
}

impl Analysis {
    pub fn new(script: &Script, source: &Source, flow: &Flow, settings: Settings<'_>) -> Analysis {
        let seq = Seq::of(script, flow);
        // One pass: the invocations and the weak guards. A plain command names `ipconfig`
        // exactly when it is started directly under that name (`start`, `command` and `cmd`
        // are other names).
        let commands = script
            .stmts
            .iter()
            .filter(|s| matches!(s.kind, StmtKind::Simple(_) | StmtKind::Call(_)))
            .count();
        let mut invocations = Vec::with_capacity(commands);
        let mut weak_guards = Vec::new();
        for id in script.ids() {
            let inv = invocation(script, source, id);
            let ipconfig = |_: &Word| {
                inv.as_ref()
                    .is_some_and(|v| v.via == Via::Direct && v.name == "ipconfig")
            };
            weak_guards.extend(weak_guard_at(script, source, &seq, id, ipconfig));
            invocations.extend(inv);
        }
        let checks = ras_checks_of(script, source, settings, &seq, &invocations);
        // The Slownet threshold-0 RAS tests followed by their errorlevel test: RAS checks.
        let slownet_checks = checks
            .iter()
            .filter(|(_, zero_is_ras)| *zero_is_ras)
            .map(|(c, _)| c.check)
            .collect();
        let ras_checks: Vec<RasCheck> = checks.into_iter().map(|(c, _)| c).collect();
        let ras =
            ras::RasFlow::from_tests(script, flow, &ras_checks, &weak_guards, settings.ras_entry);
        Analysis {
            ras,
            invocations,
            ras_checks,
            weak_guards,
            slownet_checks,
        }
    }

    /// Statement `id` can run: reached by the RAS data flow and not ruled out by the shared
    /// flow analysis.
    pub fn reachable(&self, flow: &Flow, id: StmtId) -> bool {
        self.ras.reachable(id) && flow.reachable.get(id.index()).copied().unwrap_or(true)
    }

    /// Reachable SMS client-program call sites, in source order.
    pub fn client_calls(&self, flow: &Flow) -> Vec<CallSite> {
        self.invocations
            .iter()
            .filter(|inv| {
                inv.is_client_program()
                    && self.reachable(flow, inv.stmt)
                    && self.slownet_checks.binary_search(&inv.stmt).is_err()
            })
            .map(|inv| CallSite {
                inv: inv.clone(),
                state: self.ras.state(inv.stmt),
            })
            .collect()
    }
}

/// Levenshtein distance between two short ASCII names (used for unknown SMS tokens).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a = a.as_bytes();
    let b = b.as_bytes();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_name_is_agrees_with_program_name() {
        let raws: [&[u8]; 12] = [
            b"net",
            b"NET.EXE",
            b"n\"e\"t",
            b"ne^t",
            b"\"\"net",
            b"%0\\..\\SMSLS.BAT",
            b"smsl\"s\"",
            b"s\xe9t",
            b"\xe9",
            b"ipconfi",
            b"C:\\x\\IPCONFIG",
            b"",
        ];
        for raw in raws {
            for name in ["net", "smsls", "ipconfig", "s\u{e9}t", "", "\u{e9}"] {
                assert_eq!(
                    program_name_is(raw, name),
                    program_name(raw) == name,
                    "{raw:?} {name}"
                );
            }
        }
    }

    #[test]
    fn client_programs_are_short_lower_case_ascii() {
        // `is_client_program_bytes` and `names_client_program` test the length first.
        for p in CLIENT_PROGRAMS {
            assert!((5..=8).contains(&p.len()), "{p}");
            assert!(
                p.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
                "{p}"
            );
        }
    }

    #[test]
    fn program_names_are_normalised() {
        assert_eq!(program_name(br"%0\..\SMSLS"), "smsls");
        assert_eq!(program_name(br#""%0\..\smsls.bat""#), "smsls");
        assert_eq!(program_name(br"C:\MS\SMS\BIN\SmsRun16.EXE"), "smsrun16");
        assert_eq!(program_name(br"\\dc1\netlogon\snboot.exe"), "snboot");
        assert_eq!(program_name(b"setls%SMS_OS%"), "setls");
        assert_eq!(program_name(br"%SMS_BIN%\CLI_DOS.EXE"), "cli_dos");
        assert_eq!(program_name(b"z:checkras"), "checkras");
        assert_eq!(program_name(b"smsl^s"), "smsls");
        assert_eq!(program_name(b"%0"), "");
        assert!(is_client_program(&program_name(b"BOOT32WN.exe")));
        assert!(!is_client_program(&program_name(b"net")));
    }

    #[test]
    fn inline_and_long_names_read_as_the_program_name() {
        let words: [&[u8]; 12] = [
            b"",
            b"SMSLS",
            br#""%0\..\Sms^Ls.BAT""#,
            b"abcdefghijklmnopqrstuv",
            b"abcdefghijklmnopqrstuvw",
            b"ABCDEFGHIJKLMNOPQRSTU^\"VWXYZ.exe",
            b"\"abcdefghijklmnopqrstuvwxyz\"",
            b"caf\xe9",
            b"CAF\xc9\xc9\xc9\xc9\xc9\xc9\xc9\xc9\xc9\xc9\xc9\xc9",
            b"\xff\"x^",
            b"abcdefghijklmnopqrstu\xe9",
            b"setls%SMS_OS%",
        ];
        for raw in words {
            let name = Name::of_stem(program_stem(raw));
            let expected = program_name(raw);
            assert_eq!(name.as_str(), expected, "{raw:?}");
            assert_eq!(name.as_bytes(), expected.as_bytes(), "{raw:?}");
            assert!(name == expected.as_str());
            assert_eq!(name.to_string(), expected);
            assert!(name.is_one_of(&["x", expected.as_str()]));
            assert!(!name.is_one_of(&[]) && !name.is_one_of(&["\u{1}"]));
        }
        assert!(is_client_program(&program_name(b"smsman16.exe")));
        for p in CLIENT_PROGRAMS {
            assert!(is_client_program(p), "{p}");
        }
    }

    #[test]
    fn bare_words_have_no_special_byte() {
        for b in 0..=255u8 {
            let special = !b.is_ascii() || b"\"^/\\:%!".contains(&b);
            assert_eq!(is_bare_word(&[b'x', b, b'y']), !special, "{b:#x}");
        }
        assert!(is_bare_word(b""));
        assert!(is_bare_word(b"net.exe"));
    }

    #[test]
    fn ras_guard_names_come_from_settings() {
        let guards = vec!["IsDialup.exe".to_string()];
        let s = Settings {
            ras_guards: &guards,
            ..Settings::default()
        };
        assert!(is_ras_guard("checkras", s));
        assert!(is_ras_guard("isdialup", s));
        assert!(!is_ras_guard("ipconfig", s));
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("snboot", "snboot"), 0);
        assert_eq!(edit_distance("snsboot", "snboot"), 1);
        assert_eq!(edit_distance("smsboot", "smsboot1"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    fn analyse(text: &[u8], settings: Settings<'_>) -> (Script, Source, ras::RasFlow) {
        let source = Source::new(text.to_vec());
        let script = crate::syntax::parse(&source);
        let labels = crate::syntax::labels::LabelIndex::build(&source);
        let flow = crate::flow::Flow::build(&source, &script, &labels);
        let ras = ras::RasFlow::build(&script, &source, &flow, settings);
        (script, source, ras)
    }

    /// The state set of every SMS client-program call, in source order.
    fn call_states(text: &[u8]) -> Vec<String> {
        let (script, source, ras) = analyse(text, Settings::default());
        invocations(&script, &source)
            .into_iter()
            .filter(|i| i.is_client_program())
            .map(|i| ras.state(i.stmt).describe())
            .collect()
    }

    #[test]
    fn ras_states_follow_both_directions_of_errorlevel() {
        let guarded = b"%0\\..\\checkras.exe > nul\r\nif errorlevel 1 goto SKIP\r\ncall %0\\..\\smsls\r\n:SKIP\r\n";
        assert_eq!(call_states(guarded), ["{lan}"]);
        let not = b"checkras\r\nREM lan only\r\nif not errorlevel 1 call %0\\..\\smsls\r\n";
        assert_eq!(call_states(not), ["{lan}"]);
        let reversed = b"checkras\r\nif not errorlevel 1 goto SKIP\r\ncall smsls\r\n:SKIP\r\n";
        assert_eq!(call_states(reversed), ["{ras}"]);
        let noop = b"checkras\r\nif errorlevel 1 goto X\r\n:X\r\ncall smsls\r\n";
        assert_eq!(call_states(noop), ["{ras, lan}"]);
        let none = b"net use h: \\\\fs\\h\r\ncall smsls\r\n";
        assert_eq!(call_states(none), ["{unknown}"]);
        // errorlevel 0 is always true: not a RAS test.
        let zero = b"checkras\r\nif errorlevel 0 goto X\r\ncall smsls\r\n:X\r\n";
        assert_eq!(call_states(zero), ["{unknown}"]);
        // Not the next statement: the test reads some other program's errorlevel.
        let late = b"checkras\r\nnet time\r\nif errorlevel 1 goto X\r\ncall smsls\r\n:X\r\n";
        assert_eq!(call_states(late), ["{unknown}"]);
        let unreachable = b"goto END\r\ncall smsls\r\n:END\r\n";
        assert_eq!(call_states(unreachable), ["{}"]);
    }

    #[test]
    fn rasapi32_absent_side_is_lan() {
        let pre = b"if exist %windir%\\system32\\rasapi32.dll goto R\r\ngoto RUN\r\n:R\r\ncheckras\r\nif errorlevel 1 goto END\r\n:RUN\r\ncall smsls\r\n:END\r\n";
        assert_eq!(call_states(pre), ["{lan}"]);
    }

    #[test]
    fn gates_are_recognised_in_every_form() {
        let settings = Settings {
            logon_script: true,
            ..Settings::default()
        };
        for text in [
            &b"GOTO END\r\nsnboot\r\n:END\r\n"[..],
            b"@echo off\r\nREM x\r\n:: y\r\n:TOP\r\ncls\r\nsetlocal\r\ngoto :end\r\n",
            b"ECHO OFF\r\ngoto:End\r\n",
            b"@Echo Off\r\n\r\nGOTO START\r\n:START\r\n",
            b"goto nowhere\r\n",
        ] {
            let (script, source, _) = analyse(text, settings);
            assert!(
                gate(&script, &source, settings).is_some(),
                "{:?}",
                String::from_utf8_lossy(text)
            );
            assert!(gate(&script, &source, Settings::default()).is_none());
        }
        for text in [
            &b"@echo off\r\nnet time\r\nGOTO END\r\n"[..],
            b"if exist c:\\KeepIt12.txt goto end\r\n",
            b"goto %SKIP%\r\n",
            b"echo on\r\ngoto end\r\n",
            b"",
        ] {
            let (script, source, _) = analyse(text, settings);
            assert!(
                gate(&script, &source, settings).is_none(),
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn invocations_see_call_start_and_command() {
        let text = b"call %0\\..\\SMSLS\r\nstart \"t\" /wait snboot.exe %0\r\ncommand /e:2048 /c %0\\..\\smsls.bat\r\ncmd /c \"%0\\..\\smsman.exe\" /u\r\nstart smsboot1\r\n";
        let source = Source::new(text.to_vec());
        let script = crate::syntax::parse(&source);
        let got: Vec<(String, Via)> = invocations(&script, &source)
            .into_iter()
            .map(|i| (i.name.to_string(), i.via))
            .collect();
        assert_eq!(
            got,
            [
                ("smsls".to_string(), Via::Call),
                ("snboot".to_string(), Via::Start),
                ("smsls".to_string(), Via::Shell),
                ("smsman".to_string(), Via::Shell),
                ("smsboot1".to_string(), Via::Start),
            ]
        );
    }

    #[test]
    fn deep_nesting_and_long_scripts_do_not_overflow() {
        let mut text = Vec::new();
        text.extend(std::iter::repeat_n(b'(', 10_000));
        text.extend_from_slice(b"call smsls");
        text.extend(std::iter::repeat_n(b')', 10_000));
        text.extend_from_slice(b"\r\n");
        for _ in 0..5_000 {
            text.extend_from_slice(b"checkras\r\nif errorlevel 1 goto L\r\n:L\r\ncall smsls\r\n");
        }
        let states = call_states(&text);
        assert_eq!(states.len(), 5_001);
        assert_eq!(states[0], "{unknown}");
        assert_eq!(states[1], "{ras, lan}");
        assert_eq!(states[5_000], "{ras, lan}");
    }
}
