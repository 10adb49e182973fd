//! The parser: bytes → [`Script`]. Never fails, never panics, never recurses on the input.
//!
//! It follows the phase model of cmd-semantics §1.2 (see `grammar/batch.ebnf`):
//!
//! * **Phase 0/1.5** ([`Text`]): the file is cut at the first NUL (cmd stops reading there)
//!   and every CR is deleted. Parsing works on this cleaned text; every span handed out is
//!   mapped back to the original bytes, so diagnostics point at the real file.
//! * **Phase 1** ([`scan_expansions`]): `%…%`, `%1`, `%~dp0`, `%*`, `%%x` and `!…!` atoms are
//!   found per physical line, before any other reading. `%` atoms are opaque to phase 2: the
//!   `(` in `%ProgramFiles(x86)%` is not structure. `!…!` atoms are recorded but stay
//!   transparent (delayed expansion happens after phase 2, so a `)` there does count).
//! * **Phase 2** (the [`P`] scanner): a small imperative scanner keeps the caret, quote,
//!   paren-depth and REM/label state. Keywords are an ASCII case-insensitive comparison
//!   plus a terminator check (only the keywords sharing the command's first letter are
//!   tried); small nom parsers read redirection operators, comparison operators and the
//!   `~` modifiers of expansion atoms. Phase 0/1 find line ends and `%`/`!` with `memchr`
//!   (a CRLF file's CRs come from the source's line starts); lookups into the sorted atom
//!   and CR tables start from the last answer and gallop from there ([`seek`]), since the
//!   scanner asks about nearly increasing offsets.
//!   Statements nest through an explicit frame stack (blocks, `if` then/else parts, `for`
//!   bodies), so 10,000 nested `(` or a 5 MB line of `if 1==1 if 1==1 …` cost no stack.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while};
use nom::combinator::value;
use nom::{IResult, Parser as _};

use crate::source::{Source, Span};
use crate::syntax::ast::*;
use crate::syntax::vars::{self, SetTable, Shape};

type NomErr<'a> = nom::error::Error<&'a [u8]>;
type PResult<'a, O> = IResult<&'a [u8], O, NomErr<'a>>;

const LF: u8 = b'\n';
const SUB: u8 = 0x1A;

/// Token delimiters of phase 2: space, TAB, `,`, `;`, `=`, VT, FF and 0xFF (NBSP in CP437).
#[inline]
pub const fn is_delim(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b',' | b';' | b'=' | 0x0B | 0x0C | 0xFF)
}

/// A table of the bytes not in `stop`.
const fn byte_table(stop: &[u8]) -> [bool; 256] {
    let mut t = [true; 256];
    let mut i = 0;
    while i < stop.len() {
        t[stop[i] as usize] = false;
        i += 1;
    }
    t
}

/// The token delimiters of [`is_delim`] as a table, for [`run_of`].
pub(crate) const DELIMS: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_delim(b as u8);
        b += 1;
    }
    t
};

/// Bytes a word steps over one by one: none of a delimiter, a line end, a phase-2 special,
/// `%` or `!` (so a word knows whether it may hold an expansion). [`P::word`] skips runs of
/// them in a tight loop ([`run_of`]).
const PLAIN: [bool; 256] = byte_table(b" \t,;=\x0B\x0C\xFF\n\x1A&|<>()\"^%!");

/// Bytes stepped over one by one inside quotes and in the raw rest of a command ([`PLAIN`]
/// with the delimiters).
const QPLAIN: [bool; 256] = byte_table(b"\n\x1A&|<>()\"^%!");

/// The end of the run of bytes of `t` marked in `table`, starting at `i`.
#[inline]
fn run_of(table: &[bool; 256], t: &[u8], mut i: usize) -> usize {
    while i < t.len() && table[t[i] as usize] {
        i += 1;
    }
    i
}

/// A byte that ends a line when cmd reads it for execution (LF, and Ctrl-Z read as LF).
#[inline]
fn is_eol(b: u8) -> bool {
    b == LF || b == SUB
}

/// Append `bytes` to `out` without their `"` and `^` bytes (what a command word reads as once
/// its quotes and escapes are gone): the runs between them copied whole.
pub(crate) fn extend_without_quotes_and_carets(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut rest = bytes;
    while let Some(p) = memchr::memchr2(b'"', b'^', rest) {
        out.extend_from_slice(&rest[..p]);
        rest = &rest[p + 1..];
    }
    out.extend_from_slice(rest);
}

/// Bytes with a meaning of their own in phase 2.
#[inline]
fn is_special(b: u8) -> bool {
    matches!(b, b'&' | b'|' | b'<' | b'>' | b'(' | b')' | b'"' | b'^')
}

/// Parse a script. Any byte sequence gives a `Script` plus syntax errors.
pub fn parse(source: &Source) -> Script {
    let mut text = Text::of(source);
    let mut atoms = scan_expansions(&text.t);
    macro_continuations(&mut text, &mut atoms);
    // Up to about 1.4 statements per physical line in logon scripts (chains, IF/FOR bodies,
    // blocks): reserving that many up front spares the copies of a growing arena (pages
    // reserved and never written cost no memory).
    let lines = source.line_starts().len();
    P::new(text, atoms, lines + lines / 2).run()
}

/// A `%name%` atom that is the last thing on its physical line continues the line like a
/// caret when `name` is a continuation macro (its value ends in `^`: the DosTips `%\n%`
/// idiom, cmd-semantics §1.3/§1.5). Phase 1 expands it before phase 2 sees the line end, so
/// the expansion's final caret escapes the LF. The atom's last `%` is turned into that caret
/// in the cleaned text (the atom stays opaque up to it); spans are unchanged.
fn macro_continuations(text: &mut Text, atoms: &mut Atoms) {
    let sets = std::cell::OnceCell::new();
    let t = &text.t;
    let mut hits = Vec::new();
    let mut buf = Vec::new();
    for &(slot, s, e) in &atoms.line_final {
        let (slot, s, e) = (slot as usize, s as usize, e as usize);
        let name = &t[s + 1..e - 1];
        // The table is read from the unchanged text, before any atom is rewritten.
        let cont = vars::conventional_continuation(name)
            || sets
                .get_or_init(|| SetTable::continuations(t, &atoms.caret_lines))
                .shape(name, &mut buf)
                == Some(Shape::Continuation);
        if cont {
            hits.push((slot, e));
        }
    }
    for (slot, e) in hits {
        text.t[e - 1] = b'^';
        atoms.opaque[slot].1 = (e - 1) as u32;
        atoms.macro_carets.push(e - 1);
    }
}

// ---------------------------------------------------------------------------------------
// Phase 0 / 1.5: the cleaned text
// ---------------------------------------------------------------------------------------

/// The file as phase 2 reads it: cut at the first NUL, every CR deleted. `cr_at` remembers
/// where CRs were removed so cleaned offsets map back to original ones.
struct Text {
    t: Vec<u8>,
    /// For each deleted CR, the cleaned offset it stood before.
    cr_at: Vec<u32>,
    /// The answer of the last [`Text::orig`] lookup as a window: cleaned offsets in
    /// `lo..hi` have `n` deleted CRs before them. The parser asks for nearly increasing
    /// offsets, mostly on one line, so most lookups are two comparisons.
    window: std::cell::Cell<(u32, u32, u32)>,
    /// [`seek`] hint for lookups outside the window.
    hint: std::cell::Cell<usize>,
}

impl Text {
    #[cfg(test)]
    fn new(bytes: &[u8]) -> Text {
        let end = memchr::memchr(0, bytes).unwrap_or(bytes.len());
        Text::cut(bytes, end, memchr::memchr_iter(b'\r', &bytes[..end]))
    }

    /// The text of `source`: [`Text::cut`] at its first NUL, with the CRs its facts give.
    fn of(source: &Source) -> Text {
        let bytes = source.bytes();
        let facts = source.facts();
        let end = facts.nul.first().copied().unwrap_or(bytes.len());
        if facts.lone_cr.is_empty() {
            // Every CR ends a line (CRLF): the CRs are the bytes before the line starts.
            let crs = source.line_starts()[1..]
                .iter()
                .filter_map(|&start| start.checked_sub(2))
                .take_while(|&cr| cr < end)
                .filter(|&cr| bytes[cr] == b'\r');
            Text::cut(bytes, end, crs)
        } else {
            Text::cut(bytes, end, memchr::memchr_iter(b'\r', &bytes[..end]))
        }
    }

    /// The text of `bytes` up to `end` (the first NUL, or the length) without the CRs at
    /// `crs` (ascending: every CR before `end`).
    fn cut(bytes: &[u8], end: usize, crs: impl Iterator<Item = usize>) -> Text {
        let bytes = &bytes[..end];
        let mut t = Vec::with_capacity(end);
        let mut cr_at = Vec::with_capacity(end / 32);
        let mut from = 0;
        for i in crs {
            t.extend_from_slice(&bytes[from..i]);
            cr_at.push(t.len() as u32);
            from = i + 1;
        }
        t.extend_from_slice(&bytes[from..]);
        // Without CRs every offset maps to itself.
        let first = cr_at.first().copied().unwrap_or(u32::MAX);
        Text {
            t,
            cr_at,
            window: std::cell::Cell::new((0, first, 0)),
            hint: std::cell::Cell::new(0),
        }
    }

    /// Original offset of cleaned offset `i`.
    #[inline]
    fn orig(&self, i: usize) -> usize {
        let (lo, hi, n) = self.window.get();
        if lo as usize <= i && i < hi as usize {
            return i + n as usize;
        }
        self.orig_outside(i)
    }

    /// [`Text::orig`] outside the last window: find the number of CRs and move the window.
    #[inline(never)]
    fn orig_outside(&self, i: usize) -> usize {
        // Most often the next window: the line after the last one asked about.
        let (_, hi, n) = self.window.get();
        let n = n as usize;
        let next = self.cr_at.get(n + 1).copied().unwrap_or(u32::MAX);
        let n = if hi as usize <= i && i < next as usize && n < self.cr_at.len() {
            self.hint.set(n + 1);
            n + 1
        } else {
            seek(&self.cr_at, &self.hint, |&k| k as usize <= i)
        };
        let lo = if n == 0 { 0 } else { self.cr_at[n - 1] };
        let hi = self.cr_at.get(n).copied().unwrap_or(u32::MAX);
        self.window.set((lo, hi, n as u32));
        i + n
    }

    /// Original span of the cleaned range `a..b`.
    #[inline(always)]
    fn span(&self, a: usize, b: usize) -> Span {
        // Most spans lie inside the last window: one check for both ends.
        let (lo, hi, n) = self.window.get();
        if lo as usize <= a && a < b && b <= hi as usize {
            return Span::new(a + n as usize, b + n as usize);
        }
        self.span_outside(a, b)
    }

    /// [`Text::span`] of a range not inside the last window, or empty.
    #[inline(never)]
    fn span_outside(&self, a: usize, b: usize) -> Span {
        if b > a {
            Span::new(self.orig(a), self.orig(b - 1) + 1)
        } else {
            // An empty span sits right after the byte before it (not after a deleted CR).
            let x = if a == 0 {
                self.orig(0)
            } else {
                self.orig(a - 1) + 1
            };
            Span::new(x, x)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Phase 1: expansion atoms
// ---------------------------------------------------------------------------------------

/// `v.partition_point(pred)` for a `pred` that holds on a prefix of `v`, found by walking a
/// few steps from the last answer (kept in `hint`): the parser asks about nearly increasing
/// offsets, so most lookups cost a comparison or two instead of a binary search.
#[inline]
fn seek<T>(v: &[T], hint: &std::cell::Cell<usize>, pred: impl Fn(&T) -> bool) -> usize {
    // The answer is most often the last one or the next one.
    let n = hint.get();
    if n <= v.len() && (n == 0 || pred(&v[n - 1])) {
        if n == v.len() || !pred(&v[n]) {
            return n;
        }
        if n + 1 == v.len() || !pred(&v[n + 1]) {
            hint.set(n + 1);
            return n + 1;
        }
    }
    seek_walk(v, hint, pred)
}

/// [`seek`] when the answer is not the last one or the next: a galloping search from the
/// hint (steps of 1, 2, 4, … to a window that holds the answer, then a binary search in it),
/// so a lookup far from the last one costs the logarithm of the distance, not of the table.
#[inline(never)]
fn seek_walk<T>(v: &[T], hint: &std::cell::Cell<usize>, pred: impl Fn(&T) -> bool) -> usize {
    let n = hint.get().min(v.len());
    // The answer lies in `lo..=hi`.
    let (lo, hi) = if n < v.len() && pred(&v[n]) {
        let mut lo = n + 1;
        let mut step = 1;
        loop {
            let hi = (lo + step).min(v.len());
            if hi == v.len() || !pred(&v[hi]) {
                break (lo, hi);
            }
            lo = hi + 1;
            step *= 2;
        }
    } else if n > 0 && !pred(&v[n - 1]) {
        let mut hi = n - 1;
        let mut step = 1;
        loop {
            let lo = hi.saturating_sub(step);
            if lo == 0 || pred(&v[lo - 1]) {
                break (lo, hi);
            }
            hi = lo - 1;
            step *= 2;
        }
    } else {
        (n, n)
    };
    let n = lo + v[lo..hi].partition_point(&pred);
    hint.set(n);
    n
}

/// Expansion atoms in cleaned coordinates, in order.
/// Offsets are 32-bit (the text is no longer than its [`Source`]): the tables are read over
/// and over, and are smaller this way.
struct Atoms {
    all: Vec<(u32, u32, ExpansionKind)>,
    /// `%` atoms (everything but `!…!`): opaque to phase 2. Sorted by start.
    opaque: Vec<(u32, u32)>,
    /// Starts of atoms that make a word dynamic (everything but `%%` and a lone `%`).
    dynamic: Vec<u32>,
    /// Cleaned offsets of the carets that stand for a continuation macro's expansion (the
    /// macro's last `%`), sorted. Not text the author wrote: never a reason for BAT108.
    macro_carets: Vec<usize>,
    /// Physical lines (cleaned ranges) ending in `^` or `^"`: the only ones that can define
    /// a continuation macro.
    caret_lines: Vec<(usize, usize)>,
    /// The `%name%` atoms (a name of one byte or more) that end their physical line, as
    /// (index in `opaque`, start, end): the only ones that can be continuation macros.
    line_final: Vec<(u32, u32, u32)>,
    /// [`seek`] hints for `opaque`, `dynamic` and `all`.
    opaque_hint: std::cell::Cell<usize>,
    dynamic_hint: std::cell::Cell<usize>,
    all_hint: std::cell::Cell<usize>,
}

fn is_for_var_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'#' | b'$' | b'@' | b'_' | b'?')
}

fn is_modifier(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'f' | b'd' | b'p' | b'n' | b'x' | b's' | b'a' | b't' | b'z'
    )
}

/// `[$name:]` after `%~mods` / `%%~mods`.
fn path_search(i: &[u8]) -> PResult<'_, ()> {
    let (i, _) = tag("$")(i)?;
    let (i, _) = take_while(|b| b != b':')(i)?;
    let (i, _) = tag(":")(i)?;
    Ok((i, ()))
}

/// `~` modifiers, an optional `$name:`; returns the input after them and the modifiers.
fn modifiers(i: &[u8]) -> PResult<'_, &[u8]> {
    let (i, _) = tag("~")(i)?;
    let (i, mods) = take_while(is_modifier)(i)?;
    let i = match path_search(i) {
        Ok((rest, ())) => rest,
        Err(_) => i,
    };
    Ok((i, mods))
}

/// Length of a FOR variable after `%%`: `x`, or `~mods[$name:]x`.
fn for_var_len(s: &[u8]) -> Option<usize> {
    let c = *s.first()?;
    if c == b'~' {
        let (rest, mods) = modifiers(s).ok()?;
        let k = s.len() - rest.len();
        match rest.first() {
            Some(&b) if is_for_var_char(b) => Some(k + 1),
            // `%%~f`: the last modifier letter is the variable.
            _ if !mods.is_empty() && k == 1 + mods.len() => Some(k),
            _ => None,
        }
    } else if is_for_var_char(c) {
        Some(1)
    } else {
        None
    }
}

/// Length of `%~mods[$name:]digit` after the `%`.
fn arg_modifier_len(s: &[u8]) -> Option<usize> {
    let (rest, _) = modifiers(s).ok()?;
    match rest.first() {
        Some(b) if b.is_ascii_digit() => Some(s.len() - rest.len() + 1),
        _ => None,
    }
}

/// The `%` atom at the start of `s` (which lies within one physical line).
fn percent_atom(s: &[u8]) -> (usize, ExpansionKind) {
    match s.get(1) {
        Some(b'%') => match for_var_len(&s[2..]) {
            Some(n) => (2 + n, ExpansionKind::ForVar),
            None => (2, ExpansionKind::Percent),
        },
        Some(c) if c.is_ascii_digit() => (2, ExpansionKind::Arg),
        Some(b'*') => (2, ExpansionKind::AllArgs),
        Some(b'~') => match arg_modifier_len(&s[1..]) {
            Some(n) => (1 + n, ExpansionKind::ArgModifier),
            None => var_or_lone(s),
        },
        _ => var_or_lone(s),
    }
}

fn var_or_lone(s: &[u8]) -> (usize, ExpansionKind) {
    match s[1..].iter().position(|&b| b == b'%') {
        Some(j) => (j + 2, ExpansionKind::Var),
        None => (1, ExpansionKind::Lone),
    }
}

/// `!name!` at the start of `s`: a name without blanks, `%` or phase-2 specials.
fn delayed_atom(s: &[u8]) -> Option<usize> {
    let j = s[1..].iter().position(|&b| b == b'!')?;
    let name = &s[1..1 + j];
    let ok = !name.is_empty()
        && name
            .iter()
            .all(|&b| !(b == b' ' || b == b'\t' || b == b'%' || is_special(b)));
    ok.then_some(j + 2)
}

/// The end of the physical line at or after `i` in `t`: its LF or Ctrl-Z, or the end of `t`.
fn line_end_at(t: &[u8], i: usize) -> usize {
    memchr::memchr2(LF, SUB, &t[i..]).map_or(t.len(), |k| i + k)
}

/// The atom at `t[i]` (a `%` or `!`) on the line that ends at `line_end`, if there is one
/// (a `!` may start none), and where the scan goes on.
fn atom_at(t: &[u8], i: usize, line_end: usize) -> (Option<(u32, u32, ExpansionKind)>, usize) {
    let (n, kind) = if t[i] == b'%' {
        percent_atom(&t[i..line_end])
    } else {
        match delayed_atom(&t[i..line_end]) {
            Some(n) => (n, ExpansionKind::Delayed),
            None => return (None, i + 1),
        }
    };
    (Some((i as u32, (i + n) as u32, kind)), i + n)
}

/// Phase 1: find every expansion atom (an atom never crosses a line end: LF or Ctrl-Z), the
/// lines ending in a caret, and the `%name%` atoms that end their line.
fn scan_expansions(t: &[u8]) -> Atoms {
    // One pass over the whole text for `%` and `!`; a hit's line end is looked up only when
    // it lies past the last one found (atoms never cross a line end).
    let mut all = Vec::new();
    let mut opaque = Vec::new();
    let mut dynamic = Vec::new();
    let mut line_final = Vec::new();
    let mut i = 0;
    let mut line_end = 0;
    while let Some(k) = memchr::memchr2(b'%', b'!', &t[i..]) {
        i += k;
        // (`line_end` never holds a `%` or `!`: a hit at or past it is on a later line.)
        if i >= line_end {
            line_end = line_end_at(t, i);
        }
        let (atom, next) = atom_at(t, i, line_end);
        if let Some((s, e, kind)) = atom {
            all.push((s, e, kind));
            if kind != ExpansionKind::Delayed {
                if kind == ExpansionKind::Var && e - s >= 3 && e as usize == line_end {
                    line_final.push((opaque.len() as u32, s, e));
                }
                opaque.push((s, e));
            }
            if !matches!(kind, ExpansionKind::Percent | ExpansionKind::Lone) {
                dynamic.push(s);
            }
        }
        i = next;
    }
    // A line ending in `^` or `^"` may define a continuation macro (vars.rs).
    let mut caret_lines = Vec::new();
    for p in memchr::memchr_iter(b'^', t) {
        let after = |q: usize| t.get(q).map_or(true, |&b| is_eol(b));
        let end = if after(p + 1) {
            p + 1
        } else if t[p + 1] == b'"' && after(p + 2) {
            p + 2
        } else {
            continue;
        };
        let start = memchr::memrchr2(LF, SUB, &t[..p]).map_or(0, |q| q + 1);
        caret_lines.push((start, end));
    }
    Atoms {
        all,
        opaque,
        dynamic,
        macro_carets: Vec::new(),
        caret_lines,
        line_final,
        opaque_hint: Default::default(),
        dynamic_hint: Default::default(),
        all_hint: Default::default(),
    }
}

// ---------------------------------------------------------------------------------------
// Keywords and operators (nom)
// ---------------------------------------------------------------------------------------

/// Match `word` case-insensitively at the start of `i`; the keyword length.
/// `word` is lowercase: a byte with bit 5 set equals a lowercase letter only when it is that
/// letter in either case, so one OR per byte compares without case (other bytes of `word`,
/// as the `/` of `/i`, are compared as they are).
#[inline]
fn keyword(i: &[u8], word: &'static str) -> Option<usize> {
    let w = word.as_bytes();
    let i = i.get(..w.len())?;
    i.iter()
        .zip(w)
        .all(|(&a, &b)| a | (u8::from(b.is_ascii_lowercase()) << 5) == b)
        .then_some(w.len())
}

fn redirect_op(i: &[u8]) -> PResult<'_, RedirectOp> {
    alt((
        value(RedirectOp::Append, tag(">>")),
        value(RedirectOp::DupOut, tag(">&")),
        value(RedirectOp::DupIn, tag("<&")),
        value(RedirectOp::Out, tag(">")),
        value(RedirectOp::In, tag("<")),
    ))
    .parse(i)
}

fn cmp_op(i: &[u8]) -> PResult<'_, CmpOp> {
    alt((
        value(CmpOp::Equ, tag_no_case("equ")),
        value(CmpOp::Neq, tag_no_case("neq")),
        value(CmpOp::Lss, tag_no_case("lss")),
        value(CmpOp::Leq, tag_no_case("leq")),
        value(CmpOp::Gtr, tag_no_case("gtr")),
        value(CmpOp::Geq, tag_no_case("geq")),
    ))
    .parse(i)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kw {
    Rem,
    Echo,
    Goto,
    Call,
    If,
    For,
    Setlocal,
    Endlocal,
    Set,
    Exit,
}

/// The keywords a command starting with byte `first` may be, in the order they are tried
/// (`setlocal` before `set`). Keywords are told apart by their first letter, so a command
/// word is compared with at most three of them.
fn keywords_for(first: u8) -> &'static [(&'static str, Kw)] {
    match first.to_ascii_lowercase() {
        b'r' => &[("rem", Kw::Rem)],
        b'e' => &[
            ("echo", Kw::Echo),
            ("endlocal", Kw::Endlocal),
            ("exit", Kw::Exit),
        ],
        b'g' => &[("goto", Kw::Goto)],
        b'c' => &[("call", Kw::Call)],
        b'i' => &[("if", Kw::If)],
        b'f' => &[("for", Kw::For)],
        b's' => &[("setlocal", Kw::Setlocal), ("set", Kw::Set)],
        _ => &[],
    }
}

// ---------------------------------------------------------------------------------------
// Phase 2: the scanner and statement builder
// ---------------------------------------------------------------------------------------

/// An open construct on the frame stack.
#[derive(Clone, Copy, Debug)]
enum Frame {
    /// `( … )`: collecting body lines until the `)`.
    Block(StmtId),
    /// An `if` collecting its then-command (and the commands chained to it on the line).
    Then(StmtId),
    /// An `if` collecting its else-command; the span is the `else` keyword.
    Else(StmtId, Span),
    /// A `for` collecting its body.
    For(StmtId),
}

#[derive(Clone, Copy, Debug)]
enum State {
    /// At the start of a physical line (top level or a block body line).
    LineStart,
    /// In command position. `bool`: read a leading `:` as a command, not a label (the
    /// line after a label inside a block).
    Cmd(Connector, Option<Span>, bool),
    /// After a complete command: expect a connector, the end of the line or a `)`.
    After,
    /// Right after a block's `)`: redirections, `else`, then as `After`.
    AfterClose(StmtId, usize),
}

enum Outcome {
    /// A command was read.
    Done,
    /// A construct was opened; a command follows in command position.
    Opened,
    /// Nothing there.
    Empty,
}

struct P {
    text: Text,
    atoms: Atoms,
    pos: usize,
    /// Number of open blocks (`)` is special only when > 0).
    depth: usize,
    frames: Vec<Frame>,
    stmts: Vec<Stmt>,
    top: Vec<StmtId>,
    errors: Vec<SyntaxError>,
    /// Cleaned end of the last token read in the current command.
    tok_end: usize,
    /// Cleaned end of the last completed statement.
    last_end: usize,
    /// The last command was a label line inside a block.
    after_label: bool,
    /// The file's own `set` lines, every value, read on first use.
    all_sets: std::cell::OnceCell<SetTable>,
    /// The cleaned offset of a `(` about to be opened as a block on a guess (after a
    /// `%var%` command the file never sets).
    guessed_open: Option<usize>,
    /// Original offsets of the `(` of blocks opened on a guess: no error if never closed.
    guessed: Vec<usize>,
    /// The command word (cleaned range) and `(` of the last command whose final argument
    /// was a lone `(` at the end of a top-level line.
    arg_paren: Option<((usize, usize), usize)>,
    /// The last [`P::line_no`] answer: (cleaned offset, line number).
    line_memo: (usize, usize),
    /// Scratch space for [`P::args`]: the words are copied out once, at their final length.
    words: Vec<Word>,
    /// Cleaned range of the last word [`P::scan_args`] kept.
    last_word: (usize, usize),
}

impl P {
    fn new(text: Text, atoms: Atoms, stmts: usize) -> P {
        P {
            text,
            atoms,
            pos: 0,
            depth: 0,
            frames: Vec::new(),
            stmts: Vec::with_capacity(stmts),
            top: Vec::with_capacity(stmts),
            words: Vec::new(),
            last_word: (0, 0),
            errors: Vec::new(),
            tok_end: 0,
            last_end: 0,
            after_label: false,
            all_sets: std::cell::OnceCell::new(),
            guessed_open: None,
            guessed: Vec::new(),
            arg_paren: None,
            line_memo: (0, 1),
        }
    }

    fn len(&self) -> usize {
        self.text.t.len()
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.text.t.get(i).copied()
    }

    fn cur(&self) -> Option<u8> {
        self.at(self.pos)
    }

    fn sp(&self, a: usize, b: usize) -> Span {
        self.text.span(a, b)
    }

    fn oend(&self, e: usize) -> usize {
        if e == 0 {
            self.text.orig(0)
        } else {
            self.text.orig(e - 1) + 1
        }
    }

    /// 1-based line number of a cleaned offset (CRs never hold an LF, so counting LFs in
    /// the cleaned text gives the physical line).
    /// Asked for increasing offsets only, it counts from the last answer (linear overall).
    fn line_no(&mut self, i: usize) -> usize {
        let i = i.min(self.len());
        let (mut at, mut n) = self.line_memo;
        if i < at {
            (at, n) = (0, 1);
        }
        n += self.text.t[at..i].iter().filter(|&&b| b == LF).count();
        self.line_memo = (i, n);
        n
    }

    fn error(&mut self, kind: SyntaxErrorKind, a: usize, b: usize, message: impl Into<String>) {
        let span = self.sp(a, b);
        self.errors.push(SyntaxError {
            kind,
            span,
            message: message.into(),
        });
    }

    /// The end of the physical line at or after cleaned offset `i` (its LF or Ctrl-Z, or
    /// the end of the text).
    fn line_end(&self, i: usize) -> usize {
        line_end_at(&self.text.t, i.min(self.len()))
    }

    /// Move to the end of the line (its LF or Ctrl-Z, or the end of the text), across caret
    /// continuations: the unparsed rest of a label line.
    fn skip_label_rest(&mut self) {
        loop {
            match memchr::memchr3(LF, SUB, b'^', &self.text.t[self.pos..]) {
                None => {
                    self.pos = self.len();
                    break;
                }
                Some(k) => {
                    self.pos += k;
                    if self.text.t[self.pos] != b'^' {
                        break;
                    }
                    self.caret();
                }
            }
        }
    }

    fn opaque_at(&self, i: usize) -> Option<usize> {
        let k = seek(&self.atoms.opaque, &self.atoms.opaque_hint, |a| {
            (a.0 as usize) < i
        });
        match self.atoms.opaque.get(k) {
            Some(&(s, e)) if s as usize == i => Some(e as usize),
            _ => None,
        }
    }

    fn is_macro_caret(&self, i: usize) -> bool {
        self.atoms.macro_carets.binary_search(&i).is_ok()
    }

    fn has_dynamic(&self, a: usize, b: usize) -> bool {
        let k = seek(&self.atoms.dynamic, &self.atoms.dynamic_hint, |&s| {
            (s as usize) < a
        });
        matches!(self.atoms.dynamic.get(k), Some(&s) if (s as usize) < b)
    }

    /// At the end of the current command: end of text, end of line, `&`, `|`, or a `)`
    /// inside a block.
    fn at_cmd_end(&self) -> bool {
        match self.cur() {
            None => true,
            Some(b) => is_eol(b) || b == b'&' || b == b'|' || (b == b')' && self.depth > 0),
        }
    }

    /// A byte that ends a keyword in the general case.
    fn general_term(&self, b: Option<u8>) -> bool {
        match b {
            None => true,
            Some(b) => {
                is_delim(b)
                    || is_eol(b)
                    || matches!(b, b'&' | b'|' | b'<' | b'>' | b'/')
                    || (b == b')' && self.depth > 0)
            }
        }
    }

    /// Skip token delimiters, and caret continuations whose escaped byte changes nothing.
    fn skip_d(&mut self) {
        loop {
            // A run of delimiters (an indented line's blanks) in one tight loop.
            self.pos = run_of(&DELIMS, &self.text.t, self.pos);
            match self.cur() {
                Some(b'^') => match self.at(self.pos + 1) {
                    None => self.pos += 1,
                    Some(n) if is_eol(n) => match self.at(self.pos + 2) {
                        None => self.pos += 2,
                        Some(c) if !is_eol(c) && !is_special(c) => self.pos += 2,
                        _ => break,
                    },
                    _ => break,
                },
                _ => break,
            }
        }
    }

    /// Skip spaces and tabs only.
    fn skip_blanks(&mut self) {
        while matches!(self.cur(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Consume a caret at `pos`: `^x` → x literal (before a `%…%` atom, the whole atom: phase 1
    /// replaced it first); `^` + EOL → continuation, the first byte of the next line is
    /// literal.
    fn caret(&mut self) {
        match self.at(self.pos + 1) {
            None => self.pos += 1,
            Some(n) if is_eol(n) => {
                self.pos += 2;
                if self.pos < self.len() {
                    match self.opaque_at(self.pos) {
                        Some(e) => self.pos = e,
                        None => self.pos += 1,
                    }
                }
            }
            // Phase 1 ran first: a caret before a `%…%` atom escapes the first byte of its
            // value, and the atom stays whole (`^%x:~0,1%`).
            Some(_) => match self.opaque_at(self.pos + 1) {
                Some(e) => self.pos = e,
                None => self.pos += 2,
            },
        }
    }

    /// The byte `b` at `pos`, inside a quote left open, would have acted without it: `&`, `|`,
    /// `<`, `>`, `^` (not a macro's caret), `)` inside a block, and a `(` that ends the line
    /// (a block opener). Elsewhere `(` and `)` are plain text in an argument anyway.
    fn quote_hides(&self, b: u8) -> bool {
        match b {
            b'&' | b'|' | b'<' | b'>' => true,
            b'^' => !self.is_macro_caret(self.pos),
            b')' => self.depth > 0,
            // Only delimiters up to the line end: one run over them, which ends at the next
            // non-delimiter (so a line of many `(` costs one step each).
            b'(' => {
                let t = &self.text.t;
                let e = run_of(&DELIMS, t, self.pos + 1);
                t.get(e).map_or(true, |&c| is_eol(c))
            }
            _ => false,
        }
    }

    fn unterminated_quote(&mut self, q: usize) {
        self.error(
            SyntaxErrorKind::UnterminatedQuote,
            q,
            q + 1,
            "this quote is never closed on its line, so the `&`, `|`, `<`, `>`, `(`, `)` or `^` \
             after it are plain text to cmd.exe",
        );
    }

    /// A word: bytes up to an unquoted, unescaped delimiter or special (`)` only inside a
    /// block), or a digit glued to a redirection operator. Quotes and carets stay in it.
    fn word(&mut self) -> Option<Word> {
        self.word_in::<false>()
    }

    /// [`P::word`]; with `EQ_OK`, `=` is no delimiter (cmd.exe reads the right operand glued
    /// to an IF's `==` so: `if ""==!p:-e=! …` compares with `!p:-e=!`).
    #[inline(always)]
    fn word_in<const EQ_OK: bool>(&mut self) -> Option<Word> {
        let start = self.pos;
        let mut inq: Option<usize> = None;
        let mut quoted = false;
        let mut special_in_quote = false;
        // Every expansion starts with `%` or `!` (the run tables stop at both), or hides
        // behind a caret: a word without them is static.
        let mut maybe_dynamic = false;
        while let Some(b) = self.cur() {
            if is_eol(b) {
                break;
            }
            maybe_dynamic |= matches!(b, b'%' | b'!' | b'^');
            if b == b'%' {
                if let Some(e) = self.opaque_at(self.pos) {
                    self.pos = e;
                    continue;
                }
            }
            if inq.is_some() {
                if b == b'"' {
                    inq = None;
                    self.pos += 1;
                    continue;
                }
                if !special_in_quote && self.quote_hides(b) {
                    special_in_quote = true;
                }
                self.pos = run_of(&QPLAIN, &self.text.t, self.pos + 1);
                continue;
            }
            match b {
                b'"' => {
                    // Only specials after the quote left open at the end count.
                    inq = Some(self.pos);
                    special_in_quote = false;
                    quoted = true;
                    self.pos += 1;
                }
                b'^' => self.caret(),
                b'&' | b'|' | b'<' | b'>' => break,
                b')' if self.depth > 0 => break,
                // A digit starting a token before `<`/`>` is a handle; glued to text
                // (`echo foo1>x`) it is text (cmd-semantics §1.4 as corrected, F1).
                b'0'..=b'9'
                    if self.pos == start && matches!(self.at(self.pos + 1), Some(b'<' | b'>')) =>
                {
                    break
                }
                b'=' if EQ_OK => self.pos += 1,
                _ if is_delim(b) => break,
                _ => self.pos = run_of(&PLAIN, &self.text.t, self.pos + 1),
            }
        }
        if let (Some(q), true) = (inq, special_in_quote) {
            self.unterminated_quote(q);
        }
        if self.pos == start {
            return None;
        }
        self.tok_end = self.tok_end.max(self.pos);
        Some(Word {
            span: self.sp(start, self.pos),
            quoted,
            dynamic: maybe_dynamic && self.has_dynamic(start, self.pos),
        })
    }

    /// A redirection at `pos`: `[digit](> | >> | < | >& | <&)` and its target.
    #[inline(always)]
    fn try_redirect(&mut self) -> Option<Redirect> {
        // Most words are not redirections: decide on the first byte before any parsing.
        match self.cur() {
            Some(b'<' | b'>') => {}
            Some(b'0'..=b'9') if matches!(self.at(self.pos + 1), Some(b'<' | b'>')) => {}
            _ => return None,
        }
        self.redirect()
    }

    /// [`P::try_redirect`] once the first bytes are those of a redirection.
    #[inline(never)]
    fn redirect(&mut self) -> Option<Redirect> {
        let s = self.pos;
        let mut p = s;
        let mut handle = None;
        if let Some(d @ b'0'..=b'9') = self.at(p) {
            if matches!(self.at(p + 1), Some(b'<' | b'>')) {
                handle = Some(d - b'0');
                p += 1;
            }
        }
        let (rest, op) = redirect_op(&self.text.t[p.min(self.len())..]).ok()?;
        p = self.len() - rest.len();
        self.pos = p;
        let mut end = p;
        let target = match op {
            RedirectOp::DupOut | RedirectOp::DupIn => match self.cur() {
                Some(b'0'..=b'9') => {
                    self.pos += 1;
                    end = self.pos;
                    Some(Word {
                        span: self.sp(p, p + 1),
                        quoted: false,
                        dynamic: false,
                    })
                }
                _ => None,
            },
            _ => {
                self.skip_d();
                let w = if self.at_cmd_end() || matches!(self.cur(), Some(b'<' | b'>')) {
                    None
                } else {
                    self.word()
                };
                if w.is_some() {
                    end = self.pos;
                }
                w
            }
        };
        self.tok_end = self.tok_end.max(end);
        Some(Redirect {
            span: self.sp(s, end),
            handle,
            op,
            target,
        })
    }

    /// The rest of the command as raw text (echo text, set values, ignored goto words),
    /// collecting redirections. Returns the cleaned text range; it ends after the last text
    /// byte (trailing blanks included: cmd keeps them), before trailing redirections.
    fn raw_rest(&mut self, redirects: &mut Vec<Redirect>) -> (usize, usize) {
        let start = self.pos;
        let mut text_end = start;
        let mut atom_end = usize::MAX;
        let mut inq: Option<usize> = None;
        let mut special_in_quote = false;
        // Where each redirection of the text is (`set x=full >nul 2>&1`): blanks between
        // them are not text of the command.
        // (Up to four, on the stack: a fifth turns the trimming off.)
        let mut redirected = [(0usize, 0usize); 4];
        let mut n_redirected = 0usize;
        while let Some(b) = self.cur() {
            if is_eol(b) {
                break;
            }
            if b == b'%' {
                if let Some(e) = self.opaque_at(self.pos) {
                    self.pos = e;
                    text_end = e;
                    atom_end = e;
                    continue;
                }
            }
            if inq.is_some() {
                if b == b'"' {
                    inq = None;
                } else if !special_in_quote && self.quote_hides(b) {
                    special_in_quote = true;
                }
                self.pos = run_of(&QPLAIN, &self.text.t, self.pos + 1);
                text_end = self.pos;
                continue;
            }
            match b {
                b'"' => {
                    inq = Some(self.pos);
                    special_in_quote = false;
                    self.pos += 1;
                    text_end = self.pos;
                }
                b'^' => {
                    self.caret();
                    text_end = self.pos;
                }
                b'&' | b'|' => break,
                b')' if self.depth > 0 => break,
                b'<' | b'>' => {
                    // A digit before the operator is a handle when it starts a token (after
                    // a delimiter, the start of the text or an operator); glued to text it is
                    // text, and the digit of an atom (`%1>>log`) belongs to the atom.
                    let digit_before = self.pos > 0
                        && text_end == self.pos
                        && atom_end != self.pos
                        && self.at(self.pos - 1).is_some_and(|d| d.is_ascii_digit())
                        && (self.pos - 1 == 0
                            || self.at(self.pos - 2).is_some_and(|c| {
                                is_delim(c)
                                    || is_eol(c)
                                    || matches!(c, b'&' | b'|' | b'(' | b'<' | b'>' | b'@')
                            }));
                    if digit_before {
                        self.pos -= 1;
                        text_end = self.pos;
                    }
                    let at = self.pos;
                    match self.try_redirect() {
                        Some(r) => {
                            redirects.push(r);
                            if let Some(slot) = redirected.get_mut(n_redirected) {
                                *slot = (at, self.pos);
                            }
                            n_redirected += 1;
                        }
                        None => self.pos += 1,
                    }
                }
                _ => {
                    self.pos = run_of(&QPLAIN, &self.text.t, self.pos + 1);
                    text_end = self.pos;
                }
            }
        }
        // Only blanks between and after the redirections: the text ends where the first one
        // starts (`set kind=full >nul 2>&1` sets `full `, not `full >nul `).
        if (1..=redirected.len()).contains(&n_redirected) {
            let redirected = &redirected[..n_redirected];
            let first = redirected[0].0;
            if text_end > first {
                let t = &self.text.t;
                let mut k = first;
                let mut blank = true;
                for &(a, b) in redirected {
                    if a > k {
                        blank &= t[k..a.min(text_end)]
                            .iter()
                            .all(|&c| c == b' ' || c == b'\t');
                    }
                    k = k.max(b);
                }
                if k < text_end {
                    blank &= t[k..text_end].iter().all(|&c| c == b' ' || c == b'\t');
                }
                if blank {
                    text_end = first;
                }
            }
        }
        if let (Some(q), true) = (inq, special_in_quote) {
            self.unterminated_quote(q);
        }
        self.tok_end = self.tok_end.max(text_end);
        (start, text_end)
    }

    /// Words and redirections to the end of the command.
    fn args(&mut self, redirects: &mut Vec<Redirect>) -> Vec<Word> {
        self.scan_args(redirects);
        self.words.to_vec()
    }

    /// [`P::args`] as a boxed slice (no allocation when there are none).
    fn args_box(&mut self, redirects: &mut Vec<Redirect>) -> Box<[Word]> {
        self.scan_args(redirects);
        self.words.as_slice().into()
    }

    /// [`P::args`] into the scratch list `self.words` (no allocation for commands that keep
    /// none or one of their words).
    fn scan_args(&mut self, redirects: &mut Vec<Redirect>) {
        let mut words = std::mem::take(&mut self.words);
        words.clear();
        loop {
            self.skip_d();
            if self.at_cmd_end() {
                break;
            }
            if let Some(r) = self.try_redirect() {
                redirects.push(r);
                continue;
            }
            let a = self.pos;
            match self.word() {
                Some(w) => {
                    words.push(w);
                    self.last_word = (a, self.pos);
                }
                None => self.pos += 1,
            }
        }
        self.words = words;
    }

    /// A keyword at `pos` followed by a byte accepted by `term`; its length.
    fn kw_at(&self, word: &'static str, term: impl Fn(Option<u8>) -> bool) -> Option<usize> {
        let n = keyword(&self.text.t[self.pos.min(self.len())..], word)?;
        term(self.at(self.pos + n)).then_some(n)
    }

    fn delim_or_end(b: Option<u8>) -> bool {
        b.map_or(true, |b| is_delim(b) || is_eol(b))
    }

    // -----------------------------------------------------------------------------------
    // Statements and frames
    // -----------------------------------------------------------------------------------

    /// Add a statement spanning the cleaned range `start..end` (a command complete when it
    /// is pushed needs no [`P::done`]).
    #[allow(clippy::too_many_arguments)]
    fn push_stmt(
        &mut self,
        start: usize,
        end: usize,
        kind: StmtKind,
        conn: Connector,
        cspan: Option<Span>,
        at: Option<Span>,
        redirects: Vec<Redirect>,
    ) -> StmtId {
        let id = StmtId(self.stmts.len() as u32);
        self.last_end = self.last_end.max(end);
        let parent = match self.frames.last() {
            None => NO_PARENT,
            Some(Frame::Block(p) | Frame::Then(p) | Frame::Else(p, _) | Frame::For(p)) => p.0,
        };
        let extra = (cspan.is_some() || at.is_some() || !redirects.is_empty()).then(|| {
            Box::new(StmtExtra {
                connector_span: cspan,
                at,
                redirects,
            })
        });
        self.stmts.push(Stmt {
            span: self.sp(start, end),
            parent,
            connector: conn,
            extra,
            kind,
        });
        match self.frames.last().copied() {
            None => self.top.push(id),
            Some(Frame::Block(b)) => {
                if let StmtKind::Block(blk) = &mut self.stmts[b.index()].kind {
                    blk.body.push(id);
                }
            }
            Some(Frame::Then(i)) => {
                if let StmtKind::If(f) = &mut self.stmts[i.index()].kind {
                    if f.then.is_none() {
                        f.then = Some(id);
                    }
                }
            }
            Some(Frame::Else(i, kw)) => {
                if let StmtKind::If(f) = &mut self.stmts[i.index()].kind {
                    if f.else_.is_none() {
                        f.else_ = Some((kw, id));
                    }
                }
            }
            Some(Frame::For(i)) => {
                if let StmtKind::For(f) = &mut self.stmts[i.index()].kind {
                    if f.body.is_none() {
                        f.body = Some(id);
                    }
                }
            }
        }
        id
    }

    /// A command is complete: record where it ends.
    fn done(&mut self, id: StmtId, end: usize) {
        let e = self.oend(end);
        let s = &mut self.stmts[id.index()].span;
        s.set_end(s.end().max(e));
        self.last_end = self.last_end.max(end);
    }

    /// Extend a container's span to the last completed statement.
    fn finish(&mut self, id: StmtId) {
        let e = self.oend(self.last_end);
        let s = &mut self.stmts[id.index()].span;
        s.set_end(s.end().max(e));
    }

    /// Close the `if`/`for` parts above the innermost block (end of a line, or a `)`).
    fn pop_to_block(&mut self) {
        while let Some(f) = self.frames.last().copied() {
            match f {
                Frame::Block(_) => break,
                Frame::Then(i) | Frame::Else(i, _) | Frame::For(i) => {
                    self.frames.pop();
                    self.finish(i);
                }
            }
        }
    }

    /// An `if`/`for` part got no command.
    fn check_missing_body(&mut self) {
        let Some(f) = self.frames.last().copied() else {
            return;
        };
        let (id, what, kind) = match f {
            Frame::Then(i) => (i, "IF condition", SyntaxErrorKind::BadIf),
            Frame::Else(i, _) => (i, "ELSE", SyntaxErrorKind::BadIf),
            Frame::For(i) => (i, "FOR … DO", SyntaxErrorKind::BadFor),
            Frame::Block(_) => return,
        };
        let missing = match &self.stmts[id.index()].kind {
            StmtKind::If(f) => match f {
                _ if matches!(f.condition, Condition::Invalid { .. }) => false,
                _ if frame_is_else(&self.frames) => f.else_.is_none(),
                _ => f.then.is_none(),
            },
            StmtKind::For(f) => f.body.is_none(),
            _ => false,
        };
        if missing {
            let p = self.pos;
            self.error(
                kind,
                p,
                p,
                format!(
                    "no command after the {what}: cmd.exe reports \"The syntax of the command \
                     is incorrect.\" and stops the script"
                ),
            );
        }
    }

    // -----------------------------------------------------------------------------------
    // The driver
    // -----------------------------------------------------------------------------------

    fn run(mut self) -> Script {
        let mut st = State::LineStart;
        // Progress guard: every state transition either consumes input or changes state
        // in a way that cannot repeat without consuming input; this makes sure of it.
        let mut last = (usize::MAX, 0usize);
        loop {
            if last.0 == self.pos {
                last.1 += 1;
                if last.1 > 16 {
                    if self.pos >= self.len() {
                        break;
                    }
                    self.pos += 1;
                    st = State::After;
                    last = (usize::MAX, 0);
                    continue;
                }
            } else {
                last = (self.pos, 0);
            }
            st = match st {
                State::LineStart => {
                    self.skip_d();
                    match self.cur() {
                        None => break,
                        Some(b) if is_eol(b) => {
                            self.pos += 1;
                            State::LineStart
                        }
                        Some(b) => {
                            let mut no_label = false;
                            if self.after_label && self.depth > 0 {
                                if b == b':' {
                                    no_label = true;
                                } else if b == b')' {
                                    let p = self.pos;
                                    self.error(
                                        SyntaxErrorKind::StrayClose,
                                        p,
                                        p + 1,
                                        "`)` right after a label line inside a block: cmd.exe \
                                         rejects the whole block (\") was unexpected at this \
                                         time.\") and runs none of it; use REM for comments \
                                         in blocks",
                                    );
                                }
                            }
                            self.after_label = false;
                            State::Cmd(Connector::None, None, no_label)
                        }
                    }
                }
                State::Cmd(conn, cspan, no_label) => match self.command(conn, cspan, no_label) {
                    Outcome::Done => State::After,
                    Outcome::Opened => State::Cmd(Connector::None, None, false),
                    Outcome::Empty => {
                        self.check_missing_body();
                        State::After
                    }
                },
                State::After => {
                    self.skip_d();
                    match self.cur() {
                        None => break,
                        Some(b) if is_eol(b) => {
                            self.pos += 1;
                            self.pop_to_block();
                            State::LineStart
                        }
                        Some(b @ (b'&' | b'|')) => {
                            let s = self.pos;
                            let double = self.at(s + 1) == Some(b);
                            self.pos += if double { 2 } else { 1 };
                            let conn = match (b, double) {
                                (b'&', true) => Connector::AndAnd,
                                (b'&', false) => Connector::Amp,
                                (_, true) => Connector::OrOr,
                                _ => Connector::Pipe,
                            };
                            State::Cmd(conn, Some(self.sp(s, self.pos)), false)
                        }
                        Some(b')') if self.depth > 0 => self.close_block(),
                        Some(_) => {
                            // Defensive: a command left text unread. Skip it.
                            let mut r = Vec::new();
                            let before = self.pos;
                            self.raw_rest(&mut r);
                            if self.pos == before {
                                self.pos += 1;
                            }
                            State::After
                        }
                    }
                }
                State::AfterClose(b, close) => self.after_close(b, close),
            };
        }
        // End of file: everything still open ends here.
        while let Some(f) = self.frames.pop() {
            match f {
                Frame::Block(b) => {
                    self.finish(b);
                    if let StmtKind::Block(blk) = &self.stmts[b.index()].kind {
                        let open = blk.open;
                        // Opened in source order, so `guessed` is sorted.
                        if self.guessed.binary_search(&open.start()).is_ok() {
                            continue;
                        }
                        self.errors.push(SyntaxError {
                            kind: SyntaxErrorKind::UnclosedBlock,
                            span: open,
                            message: "this `(` is never closed: cmd.exe reads to the end of \
                                      the file looking for `)` and runs none of the block"
                                .into(),
                        });
                    }
                }
                Frame::Then(i) | Frame::Else(i, _) | Frame::For(i) => self.finish(i),
            }
        }
        let text = &self.text;
        let expansions = self
            .atoms
            .all
            .iter()
            .map(|&(s, e, kind)| Expansion {
                span: text.span(s as usize, e as usize),
                kind,
            })
            .collect();
        self.errors.sort_by_key(|e| (e.span.start(), e.span.end()));
        // Give back what the up-front reservation did not use (in place, no copy).
        self.stmts.shrink_to_fit();
        self.top.shrink_to_fit();
        Script {
            stmts: self.stmts,
            top: self.top,
            expansions,
            errors: self.errors,
        }
    }

    /// `)` at `pos` closes the innermost block.
    fn close_block(&mut self) -> State {
        self.pop_to_block();
        let close = self.pos;
        self.pos += 1;
        match self.frames.pop() {
            Some(Frame::Block(b)) => {
                self.depth = self.depth.saturating_sub(1);
                let cs = self.sp(close, close + 1);
                if let StmtKind::Block(blk) = &mut self.stmts[b.index()].kind {
                    blk.close = Some(cs);
                }
                self.done(b, close + 1);
                State::AfterClose(b, close)
            }
            other => {
                // Cannot happen (depth > 0 means a block frame); keep the stack intact.
                if let Some(f) = other {
                    self.frames.push(f);
                }
                State::After
            }
        }
    }

    /// After a block's `)`: redirections, `else`, or unexpected text.
    fn after_close(&mut self, b: StmtId, close: usize) -> State {
        loop {
            self.skip_d();
            match self.try_redirect() {
                Some(r) => {
                    let end = self.tok_end;
                    let stmt = &mut self.stmts[b.index()];
                    stmt.extra
                        .get_or_insert_with(Default::default)
                        .redirects
                        .push(r);
                    self.done(b, end);
                }
                None => break,
            }
        }
        self.skip_d();
        if let Some(Frame::Then(i)) = self.frames.last().copied() {
            let is_then = matches!(&self.stmts[i.index()].kind,
                StmtKind::If(f) if f.then == Some(b));
            if is_then {
                if let Some(n) = self.kw_at("else", |c| {
                    c.map_or(true, |c| is_delim(c) || is_eol(c) || c == b'(')
                }) {
                    let kw = self.sp(self.pos, self.pos + n);
                    self.pos += n;
                    self.frames.pop();
                    self.frames.push(Frame::Else(i, kw));
                    return State::Cmd(Connector::None, None, false);
                }
            }
        }
        // Only `%…%` atoms after the `)` (`) %= end of loop =%`): they may expand to
        // nothing, so the line's structure depends on their values; not an error.
        let mut p = self.pos;
        let mut atoms_only = false;
        while let Some(c) = self.at(p) {
            if c == b'%' {
                if let Some(e) = self.opaque_at(p) {
                    p = e;
                    atoms_only = true;
                    continue;
                }
            }
            if !is_delim(c) {
                break;
            }
            p += 1;
        }
        if atoms_only && {
            let save = std::mem::replace(&mut self.pos, p);
            let end = self.at_cmd_end();
            self.pos = save;
            end
        } {
            self.pos = p;
        }
        if !self.at_cmd_end() {
            let s = self.pos;
            let mut r = Vec::new();
            let (_, e) = self.raw_rest(&mut r);
            let e = e.max(s + 1).min(self.len());
            let shown = crate::source::decode_display(&self.text.t[s..e]);
            let shown: String = shown.chars().take(40).collect();
            self.error(
                SyntaxErrorKind::StrayClose,
                close,
                e,
                format!(
                    "`{shown}` follows the `)` that closed the block: cmd.exe reports \"{shown} \
                     was unexpected at this time.\" and runs none of the line; escape a literal \
                     `)` as `^)` or quote it"
                ),
            );
        }
        State::After
    }

    /// One command in command position.
    fn command(&mut self, conn: Connector, cspan: Option<Span>, no_label: bool) -> Outcome {
        self.skip_d();
        let start = self.pos;
        self.tok_end = start;
        let mut at: Option<Span> = None;
        while self.cur() == Some(b'@') {
            let a = self.pos;
            self.pos += 1;
            let s = self.sp(a, a + 1);
            at = Some(at.map_or(s, |x| x.cover(s)));
            self.tok_end = self.pos;
            self.skip_d();
        }
        let mut redirects = Vec::new();
        while let Some(r) = self.try_redirect() {
            redirects.push(r);
            self.skip_d();
        }
        if self.at_cmd_end() {
            if !redirects.is_empty() {
                let end = self.tok_end;
                self.push_stmt(
                    start,
                    end,
                    StmtKind::RedirectOnly,
                    conn,
                    cspan,
                    at,
                    redirects,
                );
                self.error(
                    SyntaxErrorKind::RedirectOnly,
                    start,
                    end,
                    "a command made only of redirections: cmd.exe rejects it (\"The syntax of \
                     the command is incorrect.\")",
                );
                return Outcome::Done;
            }
            return Outcome::Empty;
        }
        let Some(b) = self.cur() else {
            return Outcome::Empty;
        };
        match b {
            b'(' => {
                let open = self.sp(self.pos, self.pos + 1);
                self.pos += 1;
                let id = self.push_stmt(
                    start,
                    self.pos,
                    StmtKind::Block(Box::new(Block {
                        open,
                        close: None,
                        body: Vec::new(),
                    })),
                    conn,
                    cspan,
                    at,
                    redirects,
                );
                if self.guessed_open.take() == Some(self.pos - 1) {
                    self.guessed.push(open.start());
                }
                self.frames.push(Frame::Block(id));
                self.depth += 1;
                Outcome::Opened
            }
            b')' => {
                // Paren counter 0: cmd ignores the rest of the line. A bare `)` (nothing
                // after it but blanks and `%…%` atoms) is harmless, unless it closes the `(`
                // that an earlier command took as its argument (`if x do (`): that `(` is the
                // real mistake, reported where it stands.
                let s = self.pos;
                self.pos += 1;
                let mut bare = true;
                while let Some(c) = self.cur() {
                    if is_eol(c) {
                        break;
                    }
                    if c == b'%' {
                        if let Some(e) = self.opaque_at(self.pos) {
                            self.pos = e;
                            continue;
                        }
                    }
                    bare &= is_delim(c);
                    self.pos += 1;
                }
                let end = self.pos;
                self.push_stmt(start, end, StmtKind::StrayClose, conn, cspan, at, redirects);
                match (bare, self.arg_paren.take()) {
                    (true, Some((cmd, paren))) => {
                        let shown = crate::source::decode_display(&self.text.t[cmd.0..cmd.1]);
                        let shown: String = shown.chars().take(40).collect();
                        let line = self.line_no(s);
                        self.error(
                            SyntaxErrorKind::ParenArgument,
                            cmd.0,
                            paren + 1,
                            format!(
                                "this `(` is an argument of the command `{shown}`, not a block: \
                                 cmd.exe runs `{shown}` and then every line up to the `)` on \
                                 line {line} unconditionally"
                            ),
                        );
                    }
                    (true, None) => {}
                    (false, _) => self.error(
                        SyntaxErrorKind::StrayClose,
                        s,
                        s + 1,
                        "`)` outside any block closes nothing: cmd.exe ignores this whole line, \
                         including the text after the `)`",
                    ),
                }
                Outcome::Done
            }
            b':' if !no_label => self.label(start, conn, cspan, at, redirects),
            _ => self.keyword_command(start, conn, cspan, at, redirects),
        }
    }

    /// `:name` or `::` in command position: an unexecuted label; the rest of the line
    /// (with caret continuations) is not parsed.
    fn label(
        &mut self,
        start: usize,
        conn: Connector,
        cspan: Option<Span>,
        at: Option<Span>,
        redirects: Vec<Redirect>,
    ) -> Outcome {
        let colon = self.pos;
        self.pos += 1;
        self.skip_label_rest();
        let end = self.pos;
        // The name, as the GOTO scanner reads it.
        let t = &self.text.t;
        let mut p = colon + 1;
        while p < end && is_delim(t[p]) {
            p += 1;
        }
        let name_start = p;
        while p < end {
            let c = t[p];
            if is_delim(c) || matches!(c, b':' | b'+' | b'&' | b'|' | b'<' | b'>') || is_eol(c) {
                break;
            }
            // A caret continuation ends the name (the GOTO scanner sees only this line).
            if c == b'^' && (p + 1 >= end || is_eol(t[p + 1])) {
                break;
            }
            p += if c == b'^' { 2 } else { 1 };
        }
        let name_end = p.min(end);
        let kind = if name_end == name_start {
            let mut q = colon;
            while q < end && t[q] == b':' {
                q += 1;
            }
            StmtKind::Comment(Comment {
                style: CommentStyle::DoubleColon,
                text: self.sp(q, end),
            })
        } else {
            StmtKind::Label(Label {
                colon: self.sp(colon, colon + 1),
                name: self.sp(name_start, name_end),
                rest: (name_end < end).then(|| self.sp(name_end, end)),
            })
        };
        self.push_stmt(start, end, kind, conn, cspan, at, redirects);
        if self.depth > 0 {
            self.after_label = true;
        }
        Outcome::Done
    }

    fn keyword_command(
        &mut self,
        start: usize,
        conn: Connector,
        cspan: Option<Span>,
        at: Option<Span>,
        mut redirects: Vec<Redirect>,
    ) -> Outcome {
        let mut found = None;
        for &(word, kw) in keywords_for(self.cur().unwrap_or(0)) {
            let n = match kw {
                Kw::Rem => self.kw_at(word, |c| {
                    c.map_or(true, |c| {
                        matches!(c, b' ' | b'\t' | 0x0B | 0x0C | 0xFF) || is_eol(c)
                    })
                }),
                Kw::Echo => self.kw_at(word, |c| {
                    self.general_term(c)
                        || matches!(
                            c,
                            Some(b'(' | b'.' | b':' | b'[' | b']' | b'\\' | b'+' | b'/')
                        )
                }),
                Kw::Goto | Kw::Call => self.kw_at(word, |c| {
                    self.general_term(c) || matches!(c, Some(b':' | b'+'))
                }),
                Kw::Set => self.kw_at(word, |c| self.general_term(c) || c == Some(b'"')),
                _ => self.kw_at(word, |c| self.general_term(c)),
            };
            if let Some(n) = n {
                found = Some((kw, n));
                break;
            }
        }
        let Some((kw, n)) = found else {
            return self.simple(start, conn, cspan, at, redirects);
        };
        // `for /?`, `if /?`: cmd.exe prints the command's help and goes on; there is no FOR
        // or IF to read.
        if matches!(kw, Kw::If | Kw::For) && self.help_request(self.pos + n) {
            return self.simple(start, conn, cspan, at, redirects);
        }
        let kw_span = self.sp(self.pos, self.pos + n);
        self.pos += n;
        self.tok_end = self.pos;
        let kind = match kw {
            Kw::Rem => self.rem(),
            Kw::Echo => self.echo(kw_span, &mut redirects),
            Kw::Goto => self.goto(kw_span, &mut redirects),
            Kw::Call => self.call(kw_span, &mut redirects),
            Kw::Set => self.set(kw_span, &mut redirects),
            Kw::Setlocal => {
                let args = self.args_box(&mut redirects);
                StmtKind::Setlocal(Setlocal {
                    keyword: kw_span,
                    args,
                })
            }
            Kw::Endlocal => {
                self.scan_args(&mut redirects);
                StmtKind::Endlocal
            }
            Kw::Exit => self.exit(kw_span, &mut redirects),
            Kw::If => return self.if_(start, kw_span, conn, cspan, at, redirects),
            Kw::For => return self.for_(start, kw_span, conn, cspan, at, redirects),
        };
        let end = self.tok_end;
        let id = self.push_stmt(start, end, kind, conn, cspan, at, redirects);
        self.check_else_argument(id);
        Outcome::Done
    }

    /// The first word from `at` on (past delimiters) is `/?`.
    fn help_request(&self, at: usize) -> bool {
        let t = &self.text.t;
        let mut p = at;
        while p < t.len() && is_delim(t[p]) {
            p += 1;
        }
        t.get(p..p + 2) == Some(b"/?") && t.get(p + 2).map_or(true, |&c| is_delim(c) || is_eol(c))
    }

    /// `else` read as an argument of a then-command that is not a block.
    fn check_else_argument(&mut self, id: StmtId) {
        let Some(Frame::Then(i)) = self.frames.last().copied() else {
            return;
        };
        let is_then = matches!(&self.stmts[i.index()].kind, StmtKind::If(f) if f.then == Some(id));
        if !is_then {
            return;
        }
        let src = &self.text;
        let stmt = &self.stmts[id.index()];
        let hit = match &stmt.kind {
            StmtKind::Simple(s) => s.args.iter().map(|w| w.span).find(|w| {
                let (a, b) = (w.start(), w.end());
                orig_slice_eq(src, a, b, b"else")
            }),
            StmtKind::Echo(e) => find_else_in(src, e.text),
            _ => None,
        };
        if let Some(sp) = hit {
            self.errors.push(SyntaxError {
                kind: SyntaxErrorKind::MisplacedElse,
                span: sp,
                message: "this `else` is only an argument of the command before it: ELSE works \
                          only after a parenthesised then-command, as `) else (`"
                    .into(),
            });
        }
    }

    fn simple(
        &mut self,
        start: usize,
        conn: Connector,
        cspan: Option<Span>,
        at: Option<Span>,
        mut redirects: Vec<Redirect>,
    ) -> Outcome {
        let name_start = self.pos;
        let Some(name) = self.word() else {
            // Cannot normally happen (command position holds a word byte); skip one byte.
            self.pos += 1;
            return Outcome::Empty;
        };
        let name_end = self.pos;
        if let Some(outcome) =
            self.macro_command(start, name_start, name, conn, cspan, at, &mut redirects)
        {
            return outcome;
        }
        let args = self.args_box(&mut redirects);
        let end = self.tok_end;
        // A `(` that ends the line as the last argument: a block opener in the wrong place
        // (`if not exist x do (`), remembered for the stray `)` that will close it.
        // (Not for `else (`: that misplaced ELSE is reported as such.)
        let is_else = orig_slice_eq(&self.text, name.span.start(), name.span.end(), b"else");
        if !is_else && !args.is_empty() {
            let (a, b) = self.last_word;
            if self.depth == 0 && b - a == 1 && self.text.t[a] == b'(' && self.at_cmd_end() {
                self.arg_paren = Some(((name_start, name_end), a));
            }
        }
        let id = self.push_stmt(
            start,
            end,
            StmtKind::Simple(Simple { name, args }),
            conn,
            cspan,
            at,
            redirects,
        );
        if is_else {
            self.errors.push(SyntaxError {
                kind: SyntaxErrorKind::MisplacedElse,
                span: name.span,
                message: "`else` here starts a new command, not an ELSE branch: cmd.exe reports \
                          \"'else' is not recognized…\"; the ELSE must follow the then-block's \
                          `)` on the same line"
                    .into(),
            });
        }
        self.check_else_argument(id);
        Outcome::Done
    }

    /// A command word that is one `%var%` atom followed by `(`: phase 1 may turn it into an
    /// IF or FOR whose `(` opens a block (cmd-semantics §1.3). Where the file sets the
    /// variable to `if …` / `for …`, or never sets it and the `(` ends the line, the `(` is
    /// read as the block of an IF with an [`Condition::Opaque`] test; a block opened on a
    /// guess that never closes is no error. A variable set to anything else keeps the plain
    /// reading (the `(` is an argument).
    #[allow(clippy::too_many_arguments)]
    fn macro_command(
        &mut self,
        start: usize,
        name_start: usize,
        name: Word,
        conn: Connector,
        cspan: Option<Span>,
        at: Option<Span>,
        redirects: &mut Vec<Redirect>,
    ) -> Option<Outcome> {
        let name_end = self.pos;
        if self.at(name_start) != Some(b'%') {
            return None;
        }
        // A `(` next, before the atom table is searched.
        let mut p = name_end;
        while self.at(p).is_some_and(is_delim) {
            p += 1;
        }
        if self.at(p) != Some(b'(') {
            return None;
        }
        let k = seek(&self.atoms.all, &self.atoms.all_hint, |x| {
            (x.0 as usize) < name_start
        });
        let (s, e, kind) = *self.atoms.all.get(k)?;
        let (s, e) = (s as usize, e as usize);
        if s != name_start || e != name_end || kind != ExpansionKind::Var {
            return None;
        }
        // The full table (plain values too): read once, only by files with such a line.
        let var = &self.text.t[s + 1..e - 1];
        let shape = self
            .all_sets
            .get_or_init(|| SetTable::scan(&self.text.t))
            .shape(var, &mut Vec::new());
        let guess = match shape {
            Some(Shape::If | Shape::For) => false,
            None => {
                // Unknown value: a block opener only when the `(` ends the line.
                let mut q = p + 1;
                while self.at(q).is_some_and(is_delim) {
                    q += 1;
                }
                if !self.at(q).map_or(true, is_eol) {
                    return None;
                }
                true
            }
            Some(_) => return None,
        };
        self.pos = p;
        let id = self.push_stmt(
            start,
            name_end,
            StmtKind::If(Box::new(If {
                keyword: name.span,
                case_insensitive: None,
                not: None,
                condition: Condition::Opaque { span: name.span },
                then: None,
                else_: None,
            })),
            conn,
            cspan,
            at,
            std::mem::take(redirects),
        );
        self.frames.push(Frame::Then(id));
        if guess {
            self.guessed_open = Some(p);
        }
        Some(Outcome::Opened)
    }

    /// `rem`: the first token after REM may be continued by a trailing caret; the rest of
    /// the line is comment text, special characters included.
    fn rem(&mut self) -> StmtKind {
        let text_start;
        match self.cur() {
            Some(b) if !is_eol(b) => {
                self.pos += 1; // the separator
                text_start = self.pos;
                while self.cur().is_some_and(is_delim) {
                    self.pos += 1;
                }
                // The second token: carets work here.
                while let Some(b) = self.cur() {
                    if is_eol(b) || is_delim(b) {
                        break;
                    }
                    if b == b'^' {
                        self.caret();
                    } else {
                        self.pos += 1;
                    }
                }
                // The rest of the physical line.
                self.pos = self.line_end(self.pos);
            }
            _ => text_start = self.pos,
        }
        self.tok_end = self.pos;
        StmtKind::Comment(Comment {
            style: CommentStyle::Rem,
            text: self.sp(text_start, self.pos),
        })
    }

    fn echo(&mut self, keyword: Span, redirects: &mut Vec<Redirect>) -> StmtKind {
        let separator = match self.cur() {
            Some(b)
                if is_delim(b)
                    || matches!(b, b'(' | b'.' | b':' | b'[' | b']' | b'\\' | b'+' | b'/') =>
            {
                self.pos += 1;
                self.tok_end = self.pos;
                Some(b)
            }
            _ => None,
        };
        let (s, e) = if separator.is_some() {
            self.raw_rest(redirects)
        } else {
            // `echo` directly followed by the end of the command (or a redirection).
            let r = self.raw_rest(redirects);
            (r.0, r.0)
        };
        let mode = match separator {
            Some(b) if is_delim(b) => {
                let t = &self.text.t[s..e];
                let a = t.iter().position(|&c| !is_delim(c)).unwrap_or(t.len());
                let z = t.iter().rposition(|&c| !is_delim(c)).map_or(a, |z| z + 1);
                let word = &t[a..z.max(a)];
                if word.eq_ignore_ascii_case(b"on") {
                    Some(true)
                } else if word.eq_ignore_ascii_case(b"off") {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        };
        StmtKind::Echo(Echo {
            keyword,
            mode,
            separator,
            text: self.sp(s, e),
        })
    }

    /// A GOTO/CALL target name at `pos`: up to a delimiter, `+`, `:`, an operator or (in a
    /// block) `)`. Carets escape; `%` atoms are taken whole.
    fn jump_name(&mut self) -> (usize, usize, Vec<u8>) {
        let s = self.pos;
        let mut key = Vec::with_capacity(16);
        while let Some(b) = self.cur() {
            if is_eol(b)
                || is_delim(b)
                || matches!(b, b'+' | b':' | b'&' | b'|' | b'<' | b'>')
                || (b == b')' && self.depth > 0)
            {
                break;
            }
            if b == b'%' {
                // A lone `%` (an atom of one byte) is removed before GOTO sees the line
                // (`goto ColorBack% == 10` goes to `:ColorBack`).
                if let Some(e) = self.opaque_at(self.pos) {
                    if e > self.pos + 1 {
                        key.extend_from_slice(&self.text.t[self.pos..e]);
                    }
                    self.pos = e;
                    continue;
                }
            }
            if b == b'^' {
                // GOTO and CALL take the name from the line after carets are removed, up to a
                // delimiter: an escaped one (`call :fetch^` with the arguments on the next,
                // indented line) ends it too. The arguments are read from the caret on.
                match self.at(self.pos + 1) {
                    None => self.pos += 1,
                    Some(n) if is_eol(n) => match self.at(self.pos + 2) {
                        Some(c) if is_delim(c) => break,
                        Some(c) => {
                            key.push(c);
                            self.pos += 3;
                        }
                        None => self.pos += 2,
                    },
                    Some(n) if is_delim(n) => break,
                    Some(n) => {
                        key.push(n);
                        self.pos += 2;
                    }
                }
                continue;
            }
            key.push(b);
            self.pos += 1;
        }
        self.tok_end = self.tok_end.max(self.pos);
        (s, self.pos, key)
    }

    fn target(&self, colon: bool, s: usize, e: usize, key: Vec<u8>) -> JumpTarget {
        let name = self.sp(s, e);
        if colon && key.eq_ignore_ascii_case(b"eof") {
            JumpTarget::Eof
        } else if self.has_dynamic(s, e) {
            JumpTarget::Dynamic { name }
        } else if !colon && key.is_empty() {
            JumpTarget::Missing
        } else {
            JumpTarget::Label { name, key }
        }
    }

    fn goto(&mut self, keyword: Span, redirects: &mut Vec<Redirect>) -> StmtKind {
        self.skip_d();
        // `goto 2>nul`: the redirection is read first (phase 2), so the GOTO has no target
        // (the "(goto)" idiom that leaves a called label silently).
        while let Some(r) = self.try_redirect() {
            redirects.push(r);
            self.skip_d();
        }
        let colon = self.cur() == Some(b':');
        if colon {
            self.pos += 1;
            self.tok_end = self.pos;
        }
        let (s, e, key) = self.jump_name();
        let target = self.target(colon, s, e, key);
        self.skip_d();
        let (a, b) = self.raw_rest(redirects);
        let ignored = (b > a).then(|| self.sp(a, b));
        StmtKind::Goto(Box::new(Goto {
            keyword,
            target,
            ignored,
        }))
    }

    fn call(&mut self, keyword: Span, redirects: &mut Vec<Redirect>) -> StmtKind {
        self.skip_d();
        if self.at_cmd_end() {
            return StmtKind::Call(Box::new(Call {
                keyword,
                target: CallTarget::Missing,
            }));
        }
        if self.cur() == Some(b':') {
            while self.cur() == Some(b':') {
                self.pos += 1;
            }
            self.tok_end = self.pos;
            let (s, e, key) = self.jump_name();
            let target = self.target(true, s, e, key);
            let args = self.args(redirects);
            return StmtKind::Call(Box::new(Call {
                keyword,
                target: CallTarget::Label { target, args },
            }));
        }
        while let Some(r) = self.try_redirect() {
            redirects.push(r);
            self.skip_d();
        }
        let target = match self.word() {
            Some(program) => {
                let args = self.args(redirects);
                CallTarget::External { program, args }
            }
            None => CallTarget::Missing,
        };
        StmtKind::Call(Box::new(Call { keyword, target }))
    }

    fn set(&mut self, keyword: Span, redirects: &mut Vec<Redirect>) -> StmtKind {
        self.skip_blanks();
        let mut kind = SetKind::Assign;
        let mut switch = None;
        for (w, k) in [("/a", SetKind::Arith), ("/p", SetKind::Prompt)] {
            if let Some(n) = self.kw_at(w, |c| {
                c.map_or(true, |c| is_delim(c) || is_eol(c) || c == b'"')
            }) {
                switch = Some(self.sp(self.pos, self.pos + n));
                self.pos += n;
                self.tok_end = self.pos;
                kind = k;
                self.skip_blanks();
                break;
            }
        }
        let mut set = Set {
            keyword,
            kind,
            switch,
            quoted: false,
            name: None,
            eq: None,
            value: None,
            expr: None,
        };
        if kind == SetKind::Arith {
            let (a, b) = self.raw_rest(redirects);
            set.expr = (b > a).then(|| self.sp(a, b));
            return StmtKind::Set(Box::new(set));
        }
        if self.at_cmd_end() {
            if kind == SetKind::Assign {
                set.kind = SetKind::List;
            }
            return StmtKind::Set(Box::new(set));
        }
        // `set "name=value"`, and the macro form `set ^"name=value"`: the escaped quote is
        // a literal `"` to SET, which then cuts the value at the last quote the same way.
        let escaped_quote = self.cur() == Some(b'^') && self.at(self.pos + 1) == Some(b'"');
        let quoted = self.cur() == Some(b'"') || escaped_quote;
        let (a, b) = self.raw_rest(redirects);
        let t = &self.text.t;
        let name_start = (a + usize::from(quoted) + usize::from(escaped_quote)).min(b);
        let eq = t[name_start..b]
            .iter()
            .position(|&c| c == b'=')
            .map(|p| name_start + p);
        let last_quote = if quoted {
            t[name_start..b]
                .iter()
                .rposition(|&c| c == b'"')
                .map(|p| name_start + p)
        } else {
            None
        };
        set.quoted = quoted;
        match eq {
            Some(eq) => {
                set.name = Some(self.sp(name_start, eq));
                set.eq = Some(self.sp(eq, eq + 1));
                let vend = match last_quote {
                    Some(q) if q > eq => q,
                    _ => b,
                };
                set.value = Some(self.sp(eq + 1, vend));
            }
            None => {
                let mut nend = last_quote.unwrap_or(b);
                while nend > name_start && is_delim(t[nend - 1]) {
                    nend -= 1;
                }
                set.name = Some(self.sp(name_start, nend.max(name_start)));
                if kind == SetKind::Assign {
                    set.kind = SetKind::List;
                }
            }
        }
        StmtKind::Set(Box::new(set))
    }

    fn exit(&mut self, keyword: Span, redirects: &mut Vec<Redirect>) -> StmtKind {
        self.skip_d();
        let mut b = None;
        // `/b` may have its exit code glued on (`exit /b1`): cmd.exe takes the switch and the
        // number after it. It looks at the first two characters only, so AveYo's snippet
        // marker `exit/b:ps_reg_own:` (a label-like tag PowerShell splits the file at) is
        // `exit /b` too.
        if let Some(n) = self.kw_at("/b", |c| {
            self.general_term(c) || c.is_some_and(|c| c.is_ascii_digit() || c == b':')
        }) {
            b = Some(self.sp(self.pos, self.pos + n));
            self.pos += n;
            self.tok_end = self.pos;
        }
        self.scan_args(redirects);
        StmtKind::Exit(Exit {
            keyword,
            b,
            code: self.words.first().copied(),
        })
    }

    fn if_(
        &mut self,
        start: usize,
        keyword: Span,
        conn: Connector,
        cspan: Option<Span>,
        at: Option<Span>,
        redirects: Vec<Redirect>,
    ) -> Outcome {
        self.skip_d();
        let mut ci = None;
        let mut not = None;
        loop {
            if ci.is_none() {
                if let Some(n) = self.kw_at("/i", Self::delim_or_end) {
                    ci = Some(self.sp(self.pos, self.pos + n));
                    self.pos += n;
                    self.skip_d();
                    continue;
                }
            }
            if not.is_none() {
                if let Some(n) = self.kw_at("not", Self::delim_or_end) {
                    not = Some(self.sp(self.pos, self.pos + n));
                    self.pos += n;
                    self.skip_d();
                    continue;
                }
            }
            break;
        }
        let cond_start = self.pos;
        let condition = self.condition();
        if let Condition::Invalid { .. } = condition {
            let p = self.pos;
            self.error(
                SyntaxErrorKind::BadIf,
                cond_start,
                p.max(cond_start),
                "this IF condition cannot be read: cmd.exe reports a syntax error and stops the \
                 script",
            );
        }
        self.tok_end = self.tok_end.max(self.pos);
        let end = self.tok_end;
        let id = self.push_stmt(
            start,
            end,
            StmtKind::If(Box::new(If {
                keyword,
                case_insensitive: ci,
                not,
                condition,
                then: None,
                else_: None,
            })),
            conn,
            cspan,
            at,
            redirects,
        );
        self.frames.push(Frame::Then(id));
        Outcome::Opened
    }

    fn condition(&mut self) -> Condition {
        let p0 = self.pos;
        let not_eq = |c: Option<u8>| c.is_some_and(|c| is_delim(c) && c != b'=');
        for name in ["errorlevel", "exist", "defined", "cmdextversion"] {
            let Some(n) = self.kw_at(name, not_eq) else {
                continue;
            };
            // `if errorlevel == 1` compares the word `errorlevel`.
            let mut q = self.pos + n;
            while self.at(q).is_some_and(|c| is_delim(c) && c != b'=') {
                q += 1;
            }
            if self.at(q) == Some(b'=') && self.at(q + 1) == Some(b'=') {
                break;
            }
            let kw = self.sp(self.pos, self.pos + n);
            self.pos += n;
            self.skip_d();
            let a = self.pos;
            let Some(w) = (if self.at_cmd_end() { None } else { self.word() }) else {
                return Condition::Invalid {
                    span: self.sp(p0, self.pos),
                };
            };
            return match name {
                "errorlevel" => {
                    let digits = &self.text.t[a..self.pos];
                    let value = std::str::from_utf8(digits)
                        .ok()
                        .filter(|s| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
                        .and_then(|s| s.parse::<u32>().ok());
                    Condition::Errorlevel {
                        keyword: kw,
                        level: w,
                        value,
                    }
                }
                "exist" => Condition::Exist {
                    keyword: kw,
                    path: w,
                },
                "defined" => Condition::Defined {
                    keyword: kw,
                    var: w,
                },
                _ => Condition::CmdExtVersion {
                    keyword: kw,
                    version: w,
                },
            };
        }
        let invalid = |p: &P| Condition::Invalid {
            span: p.sp(p0, p.pos),
        };
        if self.at_cmd_end() {
            return invalid(self);
        }
        let Some(lhs) = self.word() else {
            return invalid(self);
        };
        while self.cur().is_some_and(|c| is_delim(c) && c != b'=') {
            self.pos += 1;
        }
        // The right operand glued to `==` is read with `=` as part of it: cmd.exe lexes the
        // operator and what follows as one token in which `=` is no delimiter, and takes the
        // rest after the `==` as the operand. After a delimiter it is an ordinary word.
        let mut glued = false;
        let (op, op_span) = if self.cur() == Some(b'=') && self.at(self.pos + 1) == Some(b'=') {
            let s = self.sp(self.pos, self.pos + 2);
            self.pos += 2;
            glued = self.cur().is_some_and(|c| c == b'=' || !is_delim(c)) && !self.at_cmd_end();
            (CmpOp::EqEq, s)
        } else {
            let rest = &self.text.t[self.pos.min(self.len())..];
            match cmp_op(rest) {
                Ok((after, op)) if after.first().is_some_and(|&c| is_delim(c)) => {
                    let s = self.sp(self.pos, self.pos + 3);
                    self.pos += 3;
                    (op, s)
                }
                // `if "a" %op% "b"`, `if %1 %2 %3`: the operator comes from a variable or a
                // parameter (cmd-semantics §1.3, phase 1 runs first); read the condition as a
                // comparison, not an error.
                _ if matches!(self.cur(), Some(b'%' | b'!')) => {
                    let a = self.pos;
                    match self.word() {
                        Some(w) if self.only_atoms::<true>(a, self.pos) => (CmpOp::FromVar, w.span),
                        _ => return invalid(self),
                    }
                }
                _ => return invalid(self),
            }
        };
        let rhs = if glued {
            self.word_in::<true>()
        } else {
            self.skip_d();
            if self.at_cmd_end() {
                return invalid(self);
            }
            self.word()
        };
        let Some(rhs) = rhs else {
            return invalid(self);
        };
        if op == CmpOp::FromVar {
            self.more_condition_atoms();
        }
        Condition::Compare {
            lhs,
            op,
            op_span,
            rhs,
        }
    }

    /// After a condition whose operator comes from a variable or a parameter, more words of
    /// atoms right before the then-block's `(` (or a redirection before it) belong to the
    /// condition too: `if %~2 %3 %~4 %5 <nul (` expands to `if /i a == b` or `if not a == b`
    /// before IF reads it. Anything else after them leaves them as the then-command.
    fn more_condition_atoms(&mut self) {
        let start = self.pos;
        loop {
            self.skip_d();
            if !matches!(self.cur(), Some(b'%' | b'!')) {
                break;
            }
            let a = self.pos;
            if self.word().is_none() || !self.only_atoms::<true>(a, self.pos) {
                self.pos = start;
                return;
            }
        }
        if !matches!(self.cur(), Some(b'(' | b'<' | b'>')) {
            self.pos = start;
        }
    }

    /// Is the cleaned range `a..b` made only of `%var%` / `!var!` atoms (at least one)?
    fn only_var_atoms(&self, a: usize, b: usize) -> bool {
        self.only_atoms::<false>(a, b)
    }

    /// [`Self::only_var_atoms`], with `%1` / `%~1` atoms too when `ARGS`.
    fn only_atoms<const ARGS: bool>(&self, a: usize, b: usize) -> bool {
        let all = &self.atoms.all;
        if !matches!(self.at(a), Some(b'%' | b'!')) {
            return false;
        }
        let mut k = seek(all, &self.atoms.all_hint, |x| (x.0 as usize) < a);
        let mut p = a;
        while p < b {
            match all.get(k) {
                Some(&(s, e, kind))
                    if s as usize == p
                        && (matches!(kind, ExpansionKind::Var | ExpansionKind::Delayed)
                            || ARGS
                                && matches!(
                                    kind,
                                    ExpansionKind::Arg | ExpansionKind::ArgModifier
                                )) =>
                {
                    p = e as usize;
                    k += 1;
                }
                _ => return false,
            }
        }
        p == b && b > a
    }

    /// A FOR set written as a word of `%var%` / `!var!` atoms.
    fn set_from_atoms(&mut self) -> Option<Word> {
        let a = self.pos;
        if self.at_cmd_end() || !matches!(self.cur(), Some(b'%' | b'!')) {
            return None;
        }
        let w = self.word()?;
        if self.only_var_atoms(a, self.pos) {
            Some(w)
        } else {
            self.pos = a;
            None
        }
    }

    fn for_(
        &mut self,
        start: usize,
        keyword: Span,
        conn: Connector,
        cspan: Option<Span>,
        at: Option<Span>,
        mut redirects: Vec<Redirect>,
    ) -> Outcome {
        self.skip_d();
        let mut switches = Vec::new();
        let mut options = None;
        loop {
            let mut hit = None;
            for (w, s) in [
                ("/d", ForSwitch::D),
                ("/r", ForSwitch::R),
                ("/l", ForSwitch::L),
                ("/f", ForSwitch::F),
            ] {
                if let Some(n) = self.kw_at(w, Self::delim_or_end) {
                    hit = Some((s, n));
                    break;
                }
            }
            let Some((s, n)) = hit else { break };
            switches.push((s, self.sp(self.pos, self.pos + n)));
            self.pos += n;
            self.skip_d();
            if matches!(s, ForSwitch::R | ForSwitch::F)
                && options.is_none()
                && self.cur().is_some_and(|c| c != b'%' && c != b'/')
                && !self.at_cmd_end()
            {
                options = self.word();
                self.skip_d();
            }
        }
        // Switches, a `/r` root or `/f` options may also come from `%var%` atoms
        // (`for %re% %%a in …`, `for /r %root% %%f in …`): phase 1 expands them before FOR
        // is read. Such words are skipped; the last word before IN must be the variable.
        // With `/r` or `/f` and no root or options yet, a word that another word (not IN)
        // follows is the root or options (`for /r %ROOT%\doc %%f in …`), not the variable,
        // unless it is a `%%x` word or a switch.
        let root_slot = |options: &Option<Word>| {
            options.is_none()
                && switches
                    .iter()
                    .any(|(s, _)| matches!(s, ForSwitch::R | ForSwitch::F))
        };
        let mut var_start = self.pos;
        let mut var_word = if self.at_cmd_end() { None } else { self.word() };
        while let Some(w) = var_word {
            let (a, e) = (var_start, self.pos);
            // (Not a `%%x` word or a switch: cmd.exe reads those as the variable.)
            let plain_root = root_slot(&options)
                && !(self.text.t[a] == b'/'
                    || (self.text.t[a] == b'%' && self.text.t.get(a + 1) == Some(&b'%')));
            if !self.only_var_atoms(a, e) && !plain_root {
                break;
            }
            let save = self.pos;
            self.skip_d();
            if self.at_cmd_end()
                || self
                    .kw_at("in", |c| c.is_some_and(|c| is_delim(c) || c == b'('))
                    .is_some()
            {
                self.pos = save;
                break;
            }
            if options.is_none() {
                options = Some(w);
            }
            var_start = self.pos;
            var_word = self.word();
        }
        let var = var_word.map_or(self.sp(self.tok_end, self.tok_end), |w| w.span);
        // `%%x`; also a variable character that is escaped (`%%^^`) or comes from an
        // expansion (`%%%ESC%`): phase 1 and the caret leave one character after `%%`.
        let var_ok = {
            let t = &self.text.t;
            let e = self.pos;
            e >= var_start + 3
                && t[var_start] == b'%'
                && t[var_start + 1] == b'%'
                && (e == var_start + 3
                    || (e == var_start + 4 && t[var_start + 2] == b'^')
                    || self.only_var_atoms(var_start + 2, e))
        };
        let mut fail: Option<&'static str> = None;
        let mut set = self.sp(self.tok_end, self.tok_end);
        if var_word.is_none() {
            fail = Some("expected the FOR variable `%%x` after FOR");
        } else if !var_ok {
            fail = Some(
                "the FOR variable must be written `%%x` in a batch file (a single `%` is eaten \
                 by percent expansion)",
            );
        }
        if fail.is_none() {
            self.skip_d();
            match self.kw_at("in", |c| c.is_some_and(|c| is_delim(c) || c == b'(')) {
                Some(n) => {
                    self.pos += n;
                    self.skip_d();
                }
                None => fail = Some("expected `in (…)` after the FOR variable"),
            }
        }
        if fail.is_none() {
            if self.cur() == Some(b'(') {
                let open = self.pos;
                self.pos += 1;
                let mut inq = false;
                let mut closed = None;
                while let Some(b) = self.cur() {
                    if is_eol(b) {
                        inq = false;
                        self.pos += 1;
                        continue;
                    }
                    if b == b'%' {
                        if let Some(e) = self.opaque_at(self.pos) {
                            self.pos = e;
                            continue;
                        }
                    }
                    match b {
                        b'"' => {
                            inq = !inq;
                            self.pos += 1;
                        }
                        b'^' if !inq => self.caret(),
                        b')' if !inq => {
                            closed = Some(self.pos);
                            self.pos += 1;
                            break;
                        }
                        _ => self.pos += 1,
                    }
                }
                match closed {
                    Some(c) => {
                        set = self.sp(open, c + 1);
                        self.tok_end = self.pos;
                    }
                    None => {
                        set = self.sp(open, self.pos);
                        fail = Some("the FOR set `(` is never closed");
                    }
                }
            } else if let Some(w) = self.set_from_atoms() {
                // `in %list%` / `in !list!`: the set comes from a variable (cmd-semantics
                // §1.3); its contents are unknown, the DO part is read as usual.
                set = w.span;
            } else {
                fail = Some("expected `(` after IN");
            }
        }
        if fail.is_none() {
            self.skip_d();
            match self.kw_at("do", |c| {
                c.map_or(true, |c| is_delim(c) || is_eol(c) || c == b'(')
            }) {
                Some(n) => {
                    self.pos += n;
                    self.tok_end = self.pos;
                }
                None => fail = Some("expected `do` after the FOR set"),
            }
        }
        let kind = StmtKind::For(Box::new(For {
            keyword,
            switches,
            options,
            var,
            set,
            body: None,
        }));
        match fail {
            None => {
                let end = self.tok_end;
                let id = self.push_stmt(start, end, kind, conn, cspan, at, redirects);
                self.frames.push(Frame::For(id));
                Outcome::Opened
            }
            Some(msg) => {
                let err_at = self.pos;
                let (_, e) = if self.at_cmd_end() {
                    (self.pos, self.pos)
                } else {
                    self.raw_rest(&mut redirects)
                };
                let end = self.tok_end.max(e);
                let id = self.push_stmt(start, end, kind, conn, cspan, at, redirects);
                let s = self.stmts[id.index()].span;
                let _ = err_at;
                self.errors.push(SyntaxError {
                    kind: SyntaxErrorKind::BadFor,
                    span: s,
                    message: format!("{msg}: cmd.exe reports a syntax error and stops the script"),
                });
                Outcome::Done
            }
        }
    }
}

fn frame_is_else(frames: &[Frame]) -> bool {
    matches!(frames.last(), Some(Frame::Else(..)))
}

/// Do the original bytes behind original span `a..b` equal `want`, ignoring ASCII case?
/// (`Text` keeps only cleaned bytes; spans without CRs inside map one to one.)
fn orig_slice_eq(text: &Text, a: usize, b: usize, want: &[u8]) -> bool {
    // A CR inside the span would make it longer than what it reads as; such words are not
    // keywords anyway.
    if b.saturating_sub(a) != want.len() {
        return false;
    }
    let ca = text.clean_of(a);
    let cb = text.clean_of(b).max(ca);
    text.t[ca..cb].eq_ignore_ascii_case(want)
}

/// Find a delimited `else` inside an original span of echo text.
fn find_else_in(text: &Text, span: Span) -> Option<Span> {
    let ca = text.clean_of(span.start());
    let cb = text.clean_of(span.end()).max(ca);
    let t = &text.t[ca..cb.min(text.t.len())];
    let mut i = 0;
    while i + 4 <= t.len() {
        let before_ok = i == 0 || is_delim(t[i - 1]);
        let after_ok = t.get(i + 4).map_or(true, |&c| is_delim(c));
        if before_ok && after_ok && t[i..i + 4].eq_ignore_ascii_case(b"else") {
            return Some(text.span(ca + i, ca + i + 4));
        }
        i += 1;
    }
    None
}

impl Text {
    /// Cleaned offset of original offset `o` (a CR maps to the byte after it).
    fn clean_of(&self, o: usize) -> usize {
        // The j-th deleted CR stood at original offset `cr_at[j] + j` (strictly increasing).
        // The cleaned offset is `o` minus the number of CRs that stood before it.
        let cr = &self.cr_at;
        let (mut lo, mut hi) = (0usize, cr.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if cr[mid] as usize + mid < o {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (o - lo).min(self.t.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Expansion atoms and the lines ending in `^` or `^"`.
    type AtomsAndCaretLines = (Vec<(u32, u32, ExpansionKind)>, Vec<(usize, usize)>);

    /// The line-by-line phase-1 scan that [`scan_expansions`] replaced, kept as its oracle
    /// (the atom at a `%` or `!` is read by the same [`atom_at`]: the walk is what changed).
    fn scan_by_line(t: &[u8]) -> AtomsAndCaretLines {
        let mut all = Vec::new();
        let mut caret_lines = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let line_end = line_end_at(t, i);
            let line = &t[i..line_end];
            if line.strip_suffix(b"\"").unwrap_or(line).last() == Some(&b'^') {
                caret_lines.push((i, line_end));
            }
            while let Some(k) = memchr::memchr2(b'%', b'!', &t[i..line_end]) {
                let (atom, next) = atom_at(t, i + k, line_end);
                all.extend(atom);
                i = next;
            }
            i = line_end + 1;
        }
        (all, caret_lines)
    }

    /// Texts of the bytes phase 1 and the label scan care about.
    fn phase1_text() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            proptest::sample::select(b"a%!^\"\n\x1a\r ~0*:d".to_vec()),
            0..40,
        )
    }

    proptest! {
        #[test]
        fn expansion_scan_matches_the_line_by_line_scan(t in phase1_text()) {
            let atoms = scan_expansions(&t);
            let (all, caret_lines) = scan_by_line(&t);
            // The old selection of possible continuation macros, from the atom list.
            let opaque: Vec<_> = all.iter().filter(|a| a.2 != ExpansionKind::Delayed).collect();
            let line_final: Vec<(u32, u32, u32)> = (0..opaque.len())
                .filter(|&k| {
                    let (s, e, kind) = *opaque[k];
                    kind == ExpansionKind::Var
                        && e - s >= 3
                        && t.get(e as usize).map_or(true, |&b| is_eol(b))
                })
                .map(|k| (k as u32, opaque[k].0, opaque[k].1))
                .collect();
            prop_assert_eq!(atoms.line_final, line_final);
            prop_assert_eq!(atoms.all, all);
            prop_assert_eq!(atoms.caret_lines, caret_lines);
        }

        #[test]
        fn label_line_end_matches_the_byte_loop(t in phase1_text(), from in 0usize..40) {
            let p = |t: &[u8]| {
                let text = Text::new(t);
                let atoms = scan_expansions(&text.t);
                let mut p = P::new(text, atoms, 0);
                p.pos = from.min(p.len());
                p
            };
            let mut fast = p(&t);
            fast.skip_label_rest();
            let mut slow = p(&t);
            while let Some(b) = slow.cur() {
                if is_eol(b) {
                    break;
                }
                if b == b'^' {
                    slow.caret();
                } else {
                    slow.pos += 1;
                }
            }
            prop_assert_eq!(fast.pos, slow.pos);
        }

        #[test]
        fn text_of_a_source_is_its_bytes_without_crs(
            t in proptest::collection::vec(
                proptest::sample::select(b"a\r\n\0\x1a".to_vec()),
                0..40,
            ),
        ) {
            let of = Text::of(&Source::new(t.clone()));
            let new = Text::new(&t);
            prop_assert_eq!(of.t, new.t);
            prop_assert_eq!(of.cr_at, new.cr_at);
        }

        #[test]
        fn seek_finds_the_partition_point_from_any_hint(
            mut v in proptest::collection::vec(0u32..64, 0..80),
            asks in proptest::collection::vec((0u32..70, 0usize..90), 1..20),
        ) {
            v.sort_unstable();
            let hint = std::cell::Cell::new(0);
            for (x, h) in asks {
                hint.set(h);
                let want = v.partition_point(|&k| k < x);
                prop_assert_eq!(seek(&v, &hint, |&k| k < x), want);
                prop_assert_eq!(hint.get().min(v.len()), want.min(v.len()));
            }
        }

        #[test]
        fn orig_counts_the_crs_before_an_offset(
            t in phase1_text(),
            asks in proptest::collection::vec(0usize..48, 1..20),
        ) {
            let text = Text::new(&t);
            for i in asks {
                let i = i.min(text.t.len());
                let crs = text.cr_at.iter().filter(|&&k| k as usize <= i).count();
                prop_assert_eq!(text.orig(i), i + crs);
            }
        }
    }

    fn read(text: &[u8]) -> (Source, Script) {
        let s = Source::new(text.to_vec());
        let script = parse(&s);
        (s, script)
    }

    fn kind(script: &Script, i: u32) -> &StmtKind {
        &script.stmt(StmtId(i)).kind
    }

    #[test]
    fn clean_of_inverts_orig() {
        // Definition: the smallest cleaned offset whose original offset is >= `o`.
        for bytes in [
            &b"a\r\nb\r\r\r\nc\rd\r"[..],
            b"\r\r\rx",
            b"no crs",
            b"",
            b"\r",
            b"ab\r\n\r\ncd\r\n",
        ] {
            let text = Text::new(bytes);
            for o in 0..=bytes.len() + 1 {
                let want = (0..=text.t.len())
                    .find(|&i| text.orig(i) >= o)
                    .unwrap_or(text.t.len());
                assert_eq!(text.clean_of(o), want, "{bytes:?} at {o}");
            }
        }
    }

    #[test]
    fn spans_point_at_original_bytes_across_crs() {
        let (src, sc) = read(b"echo hi\r\nset x=1\r\necho a\rb\r\n");
        let StmtKind::Set(set) = kind(&sc, 1) else {
            panic!("not a set: {:?}", kind(&sc, 1))
        };
        assert_eq!(src.slice(set.name.unwrap()), b"x");
        assert_eq!(src.slice(set.value.unwrap()), b"1");
        assert_eq!(src.slice(sc.stmt(StmtId(1)).span), b"set x=1");
        let StmtKind::Echo(e) = kind(&sc, 2) else {
            panic!()
        };
        // The lone CR is deleted for reading but stays inside the span.
        assert_eq!(src.slice(e.text), b"a\rb");
    }

    #[test]
    fn if_else_and_chains_hang_off_the_if() {
        let (_, sc) =
            read(b"if a==b (echo y) else (echo n) & echo z\r\nif exist x echo a & echo b\r\n");
        let StmtKind::If(f) = kind(&sc, 0) else {
            panic!()
        };
        let then = f.then.unwrap();
        let (_, els) = f.else_.unwrap();
        assert!(matches!(sc.stmt(then).kind, StmtKind::Block(_)));
        assert!(matches!(sc.stmt(els).kind, StmtKind::Block(_)));
        let z = sc.stmts.len() - 4; // echo z
        assert!(matches!(kind(&sc, z as u32), StmtKind::Echo(_)));
        assert_eq!(sc.stmt(StmtId(z as u32)).parent(), Some(StmtId(0)));
        assert_eq!(sc.stmt(StmtId(z as u32)).connector, Connector::Amp);
        // Line 2: both echoes are conditional.
        let if2 = sc.top[1];
        let kids: Vec<_> = sc
            .ids()
            .filter(|i| sc.stmt(*i).parent() == Some(if2))
            .collect();
        assert_eq!(kids.len(), 2);
        assert_eq!(sc.stmt(kids[1]).connector, Connector::Amp);
        assert_eq!(sc.top.len(), 2);
    }

    #[test]
    fn goto_targets() {
        let (_, sc) = read(
            b"goto :En^d x\r\ngoto :EOF\r\ngoto %x%\r\ngoto\r\ngoto eof\r\ngoto 2>nul\r\ngoto 2nd\r\n",
        );
        let t = |i| match kind(&sc, i) {
            StmtKind::Goto(g) => g.target.clone(),
            k => panic!("{k:?}"),
        };
        assert!(matches!(t(0), JumpTarget::Label { key, .. } if key == b"End"));
        assert_eq!(t(1), JumpTarget::Eof);
        assert!(matches!(t(2), JumpTarget::Dynamic { .. }));
        assert_eq!(t(3), JumpTarget::Missing);
        assert!(matches!(t(4), JumpTarget::Label { key, .. } if key == b"eof"));
        // `goto 2>nul` has no target (the digit is a handle); `goto 2nd` is a label.
        assert_eq!(t(5), JumpTarget::Missing);
        assert_eq!(sc.stmt(StmtId(5)).redirects()[0].handle, Some(2));
        assert!(matches!(t(6), JumpTarget::Label { key, .. } if key == b"2nd"));
    }

    #[test]
    fn jump_names_end_at_escaped_delimiters_and_drop_lone_percents() {
        let (_, sc) = read(
            b"call :fetch^\r\n  \"a.msi\"\r\ngoto fo^\r\no\r\ngoto back% == 10\r\ngoto a^ b\r\n",
        );
        let targets: Vec<Vec<u8>> = sc
            .stmts
            .iter()
            .filter_map(|st| match &st.kind {
                StmtKind::Goto(g) => Some(g.target.clone()),
                StmtKind::Call(c) => match &c.target {
                    CallTarget::Label { target, .. } => Some(target.clone()),
                    _ => None,
                },
                _ => None,
            })
            .map(|t| match t {
                JumpTarget::Label { key, .. } => key,
                t => panic!("{t:?}"),
            })
            .collect();
        assert_eq!(
            targets,
            [
                b"fetch".to_vec(),
                b"foo".to_vec(),
                b"back".to_vec(),
                b"a".to_vec()
            ]
        );
    }

    #[test]
    fn words_redirects_and_for_parts() {
        let (src, sc) =
            read(b"copy \"a b\" %x% 2>&1\r\nfor /f \"delims=\" %%a in ('dir') do echo %%a\r\n");
        let StmtKind::Simple(c) = kind(&sc, 0) else {
            panic!()
        };
        assert!(c.args[0].quoted && !c.args[0].dynamic);
        assert!(c.args[1].dynamic && !c.args[1].quoted);
        let r = sc.stmt(StmtId(0)).redirects()[0];
        assert_eq!((r.handle, r.op), (Some(2), RedirectOp::DupOut));
        assert_eq!(src.slice(r.target.unwrap().span), b"1");
        let StmtKind::For(f) = kind(&sc, 1) else {
            panic!()
        };
        assert_eq!(f.switches.len(), 1);
        assert_eq!(f.switches[0].0, ForSwitch::F);
        assert_eq!(src.slice(f.options.unwrap().span), b"\"delims=\"");
        assert_eq!(src.slice(f.var), b"%%a");
        assert_eq!(src.slice(f.set), b"('dir')");
        assert_eq!(sc.stmt(f.body.unwrap()).parent(), Some(StmtId(1)));
    }

    #[test]
    fn the_delimiter_table_is_is_delim() {
        for b in 0..=255u8 {
            assert_eq!(DELIMS[usize::from(b)], is_delim(b), "{b:#04x}");
        }
        assert_eq!(DELIMS.iter().filter(|&&d| d).count(), 8);
    }

    #[test]
    fn expansions_are_sorted_atoms() {
        let (_, sc) = read(b"echo %~dp0 %1 %%i %ProgramFiles(x86)% !x! 5%\r\n");
        let kinds: Vec<_> = sc.expansions.iter().map(|e| e.kind).collect();
        use ExpansionKind::*;
        assert_eq!(kinds, vec![ArgModifier, Arg, ForVar, Var, Delayed, Lone]);
        assert!(sc
            .expansions
            .windows(2)
            .all(|w| w[0].span.start() < w[1].span.end()));
    }

    #[test]
    fn block_body_and_errors() {
        let (_, sc) = read(b"(\r\n echo a\r\n echo b)\r\n(echo c\r\n");
        let StmtKind::Block(b) = kind(&sc, 0) else {
            panic!()
        };
        assert_eq!(b.body.len(), 2);
        assert!(b.close.is_some());
        assert_eq!(sc.errors.len(), 1);
        assert_eq!(sc.errors[0].kind, SyntaxErrorKind::UnclosedBlock);
    }
}
