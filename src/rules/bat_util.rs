//! Small helpers the batch rules share: tree navigation over the flat AST, byte classes.
//! Nothing here reports; the rules decide.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

use crate::flow::{Node, Resolution};
use crate::rules::Ctx;
use crate::source::{Source, Span};
use crate::syntax::ast::{
    CallTarget, Connector, ExpansionKind, JumpTarget, RedirectOp, Script, SetKind, Stmt, StmtId,
    StmtKind, Word,
};

/// cmd.exe's token delimiters (space, tab, `,`, `;`, `=`, VT, FF, 0xFF).
pub fn is_delim(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b',' | b';' | b'=' | 0x0B | 0x0C | 0xFF)
}

/// The children of every statement (by their `parent` link), each list sorted by span (source
/// order). Two allocations for the whole script. Linear.
pub struct Kids {
    /// `start[i]..start[i + 1]` indexes the children of `StmtId(i)` in `ids`.
    start: Vec<u32>,
    ids: Vec<StmtId>,
}

impl Kids {
    /// The children of `id`, by span.
    pub fn of(&self, id: StmtId) -> &[StmtId] {
        let i = id.index();
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.ids[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The children of every statement (see [`Kids`]).
pub fn kids(script: &Script) -> Kids {
    let n = script.stmts.len();
    let parent_of = |i: usize| {
        script.stmts[i]
            .parent()
            .map(|p| p.index())
            .filter(|&p| p < i)
    };
    // Counting sort by parent: children stay in arena order within each list.
    let mut start = vec![0u32; n + 1];
    for i in 0..n {
        if let Some(p) = parent_of(i) {
            start[p + 1] += 1;
        }
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut ids = vec![StmtId(0); start[n] as usize];
    for i in 0..n {
        if let Some(p) = parent_of(i) {
            ids[fill[p] as usize] = StmtId(i as u32);
            fill[p] += 1;
        }
    }
    // The arena is in source order, so every list already is; sorting keeps the lists by
    // span whatever the parser does (linear on sorted input).
    for p in 0..n {
        let list = &mut ids[start[p] as usize..start[p + 1] as usize];
        if list.len() > 1 {
            list.sort_by_key(|c| script.stmt(*c).span);
        }
    }
    Kids { start, ids }
}

/// The bytes of a statement that belong to it and not to its children: its span minus the
/// spans of its children, as sorted disjoint ranges (no allocation).
pub fn own_ranges<'a>(script: &'a Script, kids: &'a Kids, id: StmtId) -> OwnRanges<'a> {
    let span = script.stmt(id).span;
    OwnRanges {
        script,
        kids: kids.of(id).iter(),
        pos: span.start(),
        end: span.end(),
    }
}

/// The iterator of [`own_ranges`].
pub struct OwnRanges<'a> {
    script: &'a Script,
    kids: std::slice::Iter<'a, StmtId>,
    pos: usize,
    end: usize,
}

impl Iterator for OwnRanges<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        for k in self.kids.by_ref() {
            let k = self.script.stmt(*k).span;
            let ks = k.start().clamp(self.pos, self.end);
            let from = self.pos;
            self.pos = self.pos.max(k.end());
            if ks > from {
                return Some(Span::new(from, ks));
            }
        }
        if self.pos < self.end {
            let from = self.pos;
            self.pos = self.end;
            return Some(Span::new(from, self.end));
        }
        None
    }
}

/// For every statement: it is, or lies inside, a block that never closes, or it is an
/// `if`/`for` whose block never closes (its text runs to the end of the file). Linear:
/// parents start before their children, so they come first in the arena.
pub fn in_unclosed_block(script: &Script) -> Vec<bool> {
    let n = script.stmts.len();
    let mut flag = vec![false; n];
    for (i, s) in script.stmts.iter().enumerate() {
        let own = matches!(&s.kind, StmtKind::Block(b) if b.close.is_none());
        let inherited = s
            .parent()
            .map(|p| p.index() < i && flag[p.index()])
            .unwrap_or(false);
        flag[i] = own || inherited;
    }
    // The `if`/`for` heads of unclosed blocks, up through directly nested heads.
    for i in 0..n {
        if !matches!(&script.stmts[i].kind, StmtKind::Block(b) if b.close.is_none()) {
            continue;
        }
        let mut cur = script.stmts[i].parent();
        while let Some(p) = cur {
            let pi = p.index();
            if pi >= n
                || flag[pi]
                || !matches!(script.stmts[pi].kind, StmtKind::If(_) | StmtKind::For(_))
            {
                break;
            }
            flag[pi] = true;
            cur = script.stmts[pi].parent();
        }
    }
    flag
}

/// Statements that neither start nor end an unreachable run, nor count as code: comments
/// and ignored top-level `)` lines.
pub fn is_inert(kind: &StmtKind) -> bool {
    matches!(kind, StmtKind::Comment(_) | StmtKind::StrayClose)
}

/// The comparison key of a label definition under a profile ([`crate::syntax::labels::key`]
/// of its name) without a copy: `folded` is lower case already, so the key is a prefix of it.
pub fn def_key(
    def: &crate::syntax::labels::LabelDef,
    profile: crate::syntax::labels::Profile,
) -> &[u8] {
    &def.folded[..def.folded.len().min(profile.significant_len())]
}

/// A `goto`/`call :` target as `(name span, key bytes)` when it is a static label.
pub fn static_label(target: &JumpTarget) -> Option<(Span, &[u8])> {
    match target {
        JumpTarget::Label { name, key } => Some((*name, key.as_slice())),
        _ => None,
    }
}

/// The jump target of a `goto` or `call :label` statement, if it is one.
pub fn jump_target(stmt: &Stmt) -> Option<&JumpTarget> {
    match &stmt.kind {
        StmtKind::Goto(g) => Some(&g.target),
        StmtKind::Call(c) => match &c.target {
            CallTarget::Label { target, .. } => Some(target),
            _ => None,
        },
        _ => None,
    }
}

/// The bytes may hold `needle` (ASCII lower case, no `"` or `^` in it) as a word of a command
/// would read after its quotes and carets are dropped and its case folded: `needle` in any
/// case with any `"` and `^` between its bytes. A cheap test for a rule that looks for a
/// program or a path to skip a file that cannot hold one.
pub fn mentions(bytes: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let upper = first.to_ascii_uppercase();
    let mut from = 0;
    while let Some(p) = bytes[from..].iter().position(|&b| b == first || b == upper) {
        let mut i = from + p + 1;
        let mut want = rest.iter();
        let mut next = want.next();
        while let Some(&w) = next {
            match bytes.get(i) {
                Some(b'"' | b'^') => i += 1,
                Some(b) if b.to_ascii_lowercase() == w => {
                    i += 1;
                    next = want.next();
                }
                _ => break,
            }
        }
        if next.is_none() {
            return true;
        }
        from += p + 1;
    }
    false
}

/// A word made only of `%…%` / `%1` / `%*` / `%~…` expansions, with no literal byte: it
/// becomes empty when the variables are empty.
pub fn word_is_only_expansions(script: &Script, source: &Source, word: &Word) -> bool {
    if word.quoted || word.span.is_empty() {
        return false;
    }
    let mut pos = word.span.start();
    for e in script.expansions_in(word.span) {
        if !matches!(
            e.kind,
            ExpansionKind::Var
                | ExpansionKind::Arg
                | ExpansionKind::AllArgs
                | ExpansionKind::ArgModifier
        ) {
            return false;
        }
        if e.span.start() != pos {
            return false;
        }
        pos = e.span.end();
    }
    pos == word.span.end() && pos > word.span.start() && !source.slice(word.span).is_empty()
}

/// Human-readable text of a span for messages (one char per byte, control bytes shown).
pub fn text(source: &Source, span: Span) -> String {
    source.display(span)
}

/// Physical 1-based line of a byte offset.
pub fn line(source: &Source, offset: usize) -> usize {
    source.line_of(offset)
}

/// Position of each statement in its enclosing list, for O(1) sibling lookups.
pub struct Siblings<'a> {
    /// `(list index, position)` per statement (`NONE` when in no list); list 0 is
    /// `script.top`, list `k+1` the body of the k-th block in `lists`.
    pos: Vec<(u32, u32)>,
    lists: Vec<&'a [StmtId]>,
}

impl<'a> Siblings<'a> {
    const NONE: (u32, u32) = (u32::MAX, u32::MAX);

    pub fn build(script: &'a Script) -> Siblings<'a> {
        let mut lists: Vec<&'a [StmtId]> = vec![&script.top];
        for s in &script.stmts {
            if let StmtKind::Block(b) = &s.kind {
                lists.push(&b.body);
            }
        }
        let mut pos = vec![Self::NONE; script.stmts.len()];
        for (li, list) in lists.iter().enumerate() {
            for (pi, id) in list.iter().enumerate() {
                if let Some(slot) = pos.get_mut(id.index()) {
                    *slot = (li as u32, pi as u32);
                }
            }
        }
        Siblings { pos, lists }
    }

    fn pos(&self, id: StmtId) -> Option<(usize, usize)> {
        match self.pos.get(id.index()) {
            Some(&p) if p != Self::NONE => Some((p.0 as usize, p.1 as usize)),
            _ => None,
        }
    }

    /// The statements after `id` in its list.
    pub fn after(&self, id: StmtId) -> &'a [StmtId] {
        match self.pos(id) {
            Some((li, pi)) => &self.lists[li][pi + 1..],
            None => &[],
        }
    }

    /// The statement before `id` in its list.
    pub fn before(&self, id: StmtId) -> Option<StmtId> {
        let (li, pi) = self.pos(id)?;
        if pi == 0 {
            None
        } else {
            Some(self.lists[li][pi - 1])
        }
    }
}

/// In a logon script with an upgrade gate: the statements the script would reach if the
/// gate were not there. Code that only the gate makes unreachable is intended (Q237543).
/// `None` when the file is not a logon script or has no gate.
pub fn gate_exempt(ctx: &crate::rules::Ctx<'_>) -> Option<Vec<bool>> {
    let gate = crate::sms::gate(ctx.script, ctx.source, ctx.settings)?;
    let pos = ctx.script.top.iter().position(|&s| s == gate.stmt)?;
    let next = *ctx.script.top.get(pos + 1)?;
    Some(
        ctx.flow
            .reach_from(crate::flow::Node::Stmt(next), |_, _| true),
    )
}

/// Display text of a span for a message, cut to at most `max` bytes (from the end when
/// `tail` is set) with `…` marking the cut.
pub fn snippet(source: &Source, span: Span, max: usize, tail: bool) -> String {
    if span.len() <= max {
        return source.display(span);
    }
    if tail {
        format!(
            "…{}",
            source.display(Span::new(span.end() - max, span.end()))
        )
    } else {
        format!(
            "{}…",
            source.display(Span::new(span.start(), span.start() + max))
        )
    }
}

/// The handle digit of a redirection as a character (the AST stores the number 0-9; an
/// ASCII digit is accepted too).
pub fn handle_char(h: u8) -> char {
    match h {
        0..=9 => (b'0' + h) as char,
        _ => h as char,
    }
}

/// Every `set NAME=value` (plain or quoted form) whose name is one of `names` (any case):
/// the name's span and the value's span, in source order.
pub fn assignments<'a>(
    ctx: &'a crate::rules::Ctx<'_>,
    names: &'a [&'a [u8]],
) -> impl Iterator<Item = (Span, Span)> + 'a {
    ctx.assignments().iter().copied().filter(move |&(name, _)| {
        let n = ctx.source.slice(name);
        names.iter().any(|want| n.eq_ignore_ascii_case(want))
    })
}

/// The name inside a `%name%` / `%name:~1,2%` / `!name:a=b!` atom, without the signs and the
/// substring or substitution part. `None` for other atoms.
pub fn expansion_name<'a>(
    source: &'a Source,
    e: &crate::syntax::ast::Expansion,
) -> Option<&'a [u8]> {
    if !matches!(e.kind, ExpansionKind::Var | ExpansionKind::Delayed) {
        return None;
    }
    let b = source.slice(e.span);
    let inner = b.get(1..b.len().saturating_sub(1))?;
    let end = inner.iter().position(|&c| c == b':').unwrap_or(inner.len());
    Some(&inner[..end])
}

/// The argument an `%N` or `%~…N` atom reads (0: the script's own name); `None` for `%*` and
/// every other atom.
pub fn argument_digit(source: &Source, e: &crate::syntax::ast::Expansion) -> Option<u8> {
    match e.kind {
        ExpansionKind::Arg | ExpansionKind::ArgModifier => source
            .slice(e.span)
            .last()
            .filter(|b| b.is_ascii_digit())
            .map(|b| b - b'0'),
        _ => None,
    }
}

/// A variable name's key: a hash of its bytes in lower case (names are compared without case;
/// no copy is made). Equal keys need a comparison of the names to confirm.
pub fn name_key(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Which of `names` (any case) reachable statements read as `%name%`, `%name:…%` or
/// `!name!`, each in its own text (not its nested statements'). Names are compared without
/// copies; only the statements around a read of one of them are looked into.
pub fn reachable_reads_of(ctx: &crate::rules::Ctx<'_>, names: &[&[u8]]) -> Vec<bool> {
    let script = ctx.script;
    let mut wanted: rustc_hash::FxHashMap<u64, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, n) in names.iter().enumerate() {
        wanted.entry(name_key(n)).or_default().push(i);
    }
    let mut read = vec![false; names.len()];
    let wanted_at: Vec<usize> = script
        .expansions
        .iter()
        .filter(|e| {
            expansion_name(ctx.source, e).is_some_and(|n| wanted.contains_key(&name_key(n)))
        })
        .map(|e| e.span.start())
        .collect();
    if wanted_at.is_empty() {
        return read;
    }
    let kids = kids(script);
    for id in script.ids() {
        // Only a statement around one of those reads has it in its own text.
        let span = script.stmt(id).span;
        let k = wanted_at.partition_point(|&o| o < span.start());
        if wanted_at.get(k).map_or(true, |&o| o >= span.end()) || !ctx.flow.is_reachable(id) {
            continue;
        }
        for r in own_ranges(script, &kids, id) {
            for e in script.expansions_in(r) {
                let Some(n) = expansion_name(ctx.source, e) else {
                    continue;
                };
                if let Some(list) = wanted.get(&name_key(n)) {
                    for &i in list {
                        read[i] |= names[i].eq_ignore_ascii_case(n);
                    }
                }
            }
        }
    }
    read
}

/// One argument of an external program as its C runtime splits the command line: at spaces
/// and tabs outside quotes only. cmd.exe's words also end at `=`, `,` and `;`; words joined
/// by those alone are one argument (`/pass:a,b`, `password=x`), and a trailing `=` stays on
/// its argument (`password=` of `sc … password= x`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arg {
    pub span: Span,
    /// Contains an expansion.
    pub dynamic: bool,
}

/// The IF whose branch statement `id` ends: `id` is the IF's then- or else-command itself, or
/// the last statement of the block that is (`only`: the block's only statement). Returns the
/// IF and the branch (`id`, or its block).
pub fn if_branch_of(script: &Script, id: StmtId, only: bool) -> Option<(StmtId, StmtId)> {
    let mut up = script.stmt(id).parent()?;
    let mut branch = id;
    if let StmtKind::Block(b) = &script.stmt(up).kind {
        let ends = if only {
            b.body.as_slice() == [id]
        } else {
            b.body.last() == Some(&id)
        };
        if !ends {
            return None;
        }
        branch = up;
        up = script.stmt(up).parent()?;
    }
    matches!(script.stmt(up).kind, StmtKind::If(_)).then_some((up, branch))
}

/// One finding per key for a mistake a file repeats (a password given to twenty accounts, a
/// month table of twelve broken tests): the first place is reported, the next
/// [`Repeats::RELATED`] are related places of that finding, and [`Repeats::finish`] says how
/// many more there are. Linear: one hash map per file.
pub struct Repeats<K> {
    /// Per key: the finding's index in the rule's output and how many repeats it has.
    first: HashMap<K, (usize, usize)>,
}

impl<K: std::hash::Hash + Eq> Default for Repeats<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: std::hash::Hash + Eq> Repeats<K> {
    /// At most this many repeats are shown as related places.
    pub const RELATED: usize = 8;

    pub fn new() -> Self {
        Repeats {
            first: HashMap::default(),
        }
    }

    /// A repeat of `key` at `span`: its finding in `out`, with `span` added as a related place
    /// labelled `label` (up to [`Repeats::RELATED`]); `None` when `key` is not reported yet.
    pub fn again<'d, Q>(
        &mut self,
        key: &Q,
        out: &'d mut [crate::diagnostic::Diagnostic],
        span: Span,
        label: &str,
    ) -> Option<&'d mut crate::diagnostic::Diagnostic>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        use crate::diagnostic::IntoText;
        let (at, more) = self.first.get_mut(key)?;
        *more += 1;
        let d = &mut out[*at];
        if *more <= Self::RELATED {
            d.related.push((span, label.into_text()));
        }
        Some(d)
    }

    /// `key` is reported already.
    pub fn seen<Q>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.first.contains_key(key)
    }

    /// `key`'s first place is the finding at index `at` of the rule's output.
    pub fn first(&mut self, key: K, at: usize) {
        self.first.insert(key, (at, 0));
    }

    /// End each repeated finding's message with how often the file repeats it: `"; {what}
    /// once more"` or `"; {what} N more times"`.
    pub fn finish(self, out: &mut [crate::diagnostic::Diagnostic], what: &str) {
        for (at, more) in self.first.into_values() {
            if more > 0 {
                let times = if more == 1 {
                    "once more".to_string()
                } else {
                    format!("{more} more times")
                };
                out[at].append_message(&format!("; {what} {times}"));
            }
        }
    }
}

/// The arguments of an external program from cmd.exe's words (see [`Arg`]). Linear.
pub fn argv(source: &Source, words: &[Word]) -> Vec<Arg> {
    let glue = |b: u8| matches!(b, b'=' | b',' | b';');
    let bytes = source.bytes();
    let mut out: Vec<Arg> = Vec::with_capacity(words.len());
    for w in words {
        if let Some(last) = out.last_mut() {
            let gap = source.slice(Span::new(last.span.end(), w.span.start()));
            if w.span.start() >= last.span.end() && gap.iter().all(|&b| glue(b)) {
                last.span.set_end(w.span.end());
                last.dynamic |= w.dynamic;
                continue;
            }
        }
        out.push(Arg {
            span: w.span,
            dynamic: w.dynamic,
        });
    }
    for a in &mut out {
        while a.span.end() < bytes.len() && glue(bytes[a.span.end()]) {
            a.span.set_end(a.span.end() + 1);
        }
    }
    out
}

/// The names in a folder (ASCII lower case), read once per folder for a whole run: a NETLOGON
/// share of thousands of scripts is listed once, not once per question about a sibling.
#[derive(Debug, Default)]
pub struct DirListings {
    /// `None`: the folder cannot be read. A folder's slot is made under the lock and filled
    /// outside it, once: two workers that ask about one folder at once read it once.
    dirs: std::sync::Mutex<HashMap<std::path::PathBuf, Arc<OnceLock<Option<Names>>>>>,
    /// How many folders were read (a test checks that each is read once).
    #[cfg(test)]
    reads: std::sync::atomic::AtomicUsize,
}

/// The lower-case names of one folder.
type Names = Arc<HashSet<Vec<u8>>>;

impl DirListings {
    /// The lower-case names in `dir`, as `read_dir` gives them (entries that cannot be read
    /// left out); `None` when the folder cannot be read.
    fn names(&self, dir: &std::path::Path) -> Option<Names> {
        let slot = {
            let mut dirs = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            match dirs.get(dir) {
                Some(slot) => slot.clone(),
                None => dirs.entry(dir.to_path_buf()).or_default().clone(),
            }
        };
        slot.get_or_init(|| {
            #[cfg(test)]
            self.reads
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            std::fs::read_dir(dir).ok().map(|entries| {
                Arc::new(
                    entries
                        .flatten()
                        .map(|e| {
                            e.file_name()
                                .to_string_lossy()
                                .to_ascii_lowercase()
                                .into_bytes()
                        })
                        .collect::<HashSet<Vec<u8>>>(),
                )
            })
        })
        .clone()
    }
}

/// Is there a file `stem.<ext>` (any case, one of `exts`, lower case without the dot) in
/// the script's own folder or in one of `subdirs` beside it? `false` for standard input or
/// a folder that cannot be read. Each folder is listed once per run
/// ([`LintSettings::dirs`](crate::rules::LintSettings)).
pub fn sibling_exists(ctx: &Ctx<'_>, stem: &[u8], exts: &[&str], subdirs: &[&str]) -> bool {
    if stem.is_empty() {
        return false;
    }
    let Some(dir) = ctx.path.parent() else {
        return false;
    };
    let dir = if dir.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        dir
    };
    // A name `stem.ext` splits at its last dot into `stem` and `ext` (no ext has a dot).
    let mut want: Vec<u8> = stem.iter().map(|b| b.to_ascii_lowercase()).collect();
    want.push(b'.');
    let base = want.len();
    let found_in = |d: &std::path::Path, want: &mut Vec<u8>| {
        let Some(names) = ctx.settings.dirs.names(d) else {
            return false;
        };
        exts.iter().any(|x| {
            want.truncate(base);
            want.extend_from_slice(x.as_bytes());
            names.contains(want.as_slice())
        })
    };
    found_in(dir, &mut want)
        || subdirs
            .iter()
            .any(|sub| found_in(&dir.join(sub), &mut want))
}

/// The folders below the script's own that it makes the current folder or puts on the PATH
/// (`cd bin`, `cd /d "%~dp0tools"`, `pushd lib`, `set PATH=%~dp0bin;%PATH%`), as relative
/// paths with `/` between folders: a command the script runs by bare name may be found
/// there. Only plain relative names count (no variable other than a leading `%~dp0` or
/// `%cd%\`, no drive, no `..`).
pub fn entered_subdirs(ctx: &Ctx<'_>) -> Vec<String> {
    let mut dirs: Vec<String> = Vec::new();
    let mut add = |raw: &[u8]| {
        let t: Vec<u8> = raw.iter().copied().filter(|&b| b != b'"').collect();
        let lower = t.to_ascii_lowercase();
        let mut rest: &[u8] = &t;
        for prefix in [&b"%~dp0"[..], b"%cd%\\", b".\\"] {
            if lower.starts_with(prefix) {
                rest = &t[prefix.len()..];
                break;
            }
        }
        let rest = rest.strip_prefix(b"\\").unwrap_or(rest);
        let rest = rest.strip_suffix(b"\\").unwrap_or(rest);
        let plain = !rest.is_empty()
            && !rest.starts_with(b".")
            && rest
                .iter()
                .all(|&b| !matches!(b, b'%' | b'!' | b':' | b'*' | b'?' | b'<' | b'>' | b'|'));
        if let (true, Ok(d)) = (plain, std::str::from_utf8(rest)) {
            let d = d.replace('\\', "/");
            if !dirs.contains(&d) {
                dirs.push(d);
            }
        }
    };
    cd_targets(ctx).for_each(&mut add);
    for stmt in &ctx.script.stmts {
        if let StmtKind::Set(st) = &stmt.kind {
            let (SetKind::Assign, Some(n), Some(v)) = (st.kind, st.name, st.value) else {
                continue;
            };
            if ctx
                .source
                .slice(n)
                .trim_ascii()
                .eq_ignore_ascii_case(b"path")
            {
                ctx.source.slice(v).split(|&b| b == b';').for_each(&mut add);
            }
        }
    }
    dirs
}

/// The folder of each `cd`, `chdir` or `pushd` with one (after an optional `/d`), as
/// written.
pub fn cd_targets<'a>(ctx: &'a Ctx<'_>) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut buf = Vec::new();
    ctx.script.stmts.iter().filter_map(move |stmt| {
        let StmtKind::Simple(c) = &stmt.kind else {
            return None;
        };
        let stem =
            crate::syntax::names::program_stem_into(ctx.source.slice(c.name.span), &mut buf)?;
        if !matches!(stem, b"cd" | b"chdir" | b"pushd") {
            return None;
        }
        let mut args = c.args.iter().map(|w| ctx.source.slice(w.span));
        let mut first = args.next();
        if first.is_some_and(|a| a.eq_ignore_ascii_case(b"/d")) {
            first = args.next();
        }
        match (first, args.next()) {
            (Some(a), None) => Some(a),
            _ => None,
        }
    })
}

/// The statement's standard error goes to `nul` (`2>nul`, `>nul 2>&1`), on itself or on a
/// block around it: the author silenced cmd.exe's message on purpose.
pub fn stderr_silenced(source: &Source, script: &Script, id: StmtId) -> bool {
    let is_nul = |w: &Option<Word>| {
        w.is_some_and(|w| {
            let t: Vec<u8> = source
                .slice(w.span)
                .iter()
                .filter(|&&b| b != b'"')
                .map(|b| b.to_ascii_lowercase())
                .collect();
            t == b"nul" || t == b"nul:"
        })
    };
    let mut cur = Some(id);
    let mut steps = 0;
    while let Some(c) = cur {
        let stmt = script.stmt(c);
        let mut out_nul = false;
        for r in stmt.redirects() {
            match (r.handle, r.op) {
                (Some(2), RedirectOp::Out | RedirectOp::Append) if is_nul(&r.target) => {
                    return true
                }
                (None | Some(1), RedirectOp::Out | RedirectOp::Append) => {
                    out_nul = is_nul(&r.target)
                }
                (Some(2), RedirectOp::DupOut)
                    if out_nul && r.target.is_some_and(|t| source.slice(t.span) == b"1") =>
                {
                    return true
                }
                _ => {}
            }
        }
        steps += 1;
        cur = stmt
            .parent()
            .filter(|p| p.index() < c.index() && steps < 64);
    }
    false
}

/// The statement right after this one on its line is joined by `&&` or `||`: the author
/// branches on whether this one succeeded.
pub fn result_tested(script: &Script, id: StmtId) -> bool {
    let next = StmtId(id.0.saturating_add(1));
    script.stmts.get(next.index()).is_some_and(|n| {
        n.parent() == script.stmt(id).parent()
            && matches!(
                n.connector,
                crate::syntax::ast::Connector::AndAnd | crate::syntax::ast::Connector::OrOr
            )
    })
}

/// `stmt` lies inside a `( … )` block (at any depth): a `)` there closes the block, and the
/// rest of the block runs before whatever ends the script.
pub fn in_block(script: &crate::syntax::ast::Script, stmt: &crate::syntax::ast::Stmt) -> bool {
    std::iter::successors(stmt.parent(), |&p| script.stmt(p).parent())
        .any(|p| matches!(script.stmt(p).kind, StmtKind::Block(_)))
}

/// The bytes with their quotes removed are `want` (ASCII lower case) in any case: a
/// comparison with [`unquoted_lower`] without the copy.
pub fn unquoted_is(bytes: &[u8], want: &[u8]) -> bool {
    bytes
        .iter()
        .filter(|&&b| b != b'"')
        .map(u8::to_ascii_lowercase)
        .eq(want.iter().copied())
}

/// A word's bytes in lower case with its quotes removed (`"C:\Out.TXT"` → `c:\out.txt`).
pub fn unquoted_lower(source: &Source, span: Span) -> Vec<u8> {
    source
        .slice(span)
        .iter()
        .filter(|&&b| b != b'"')
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// A password value that only stands for one in an example or a usage note (`password`,
/// `<pass>`, `blah`, `foo`/`bar`, `xxxx`, `****`, `...`, `YOUR-VCLOUD-PASSWORD`), or the word for "no
/// value" a script sets as the default of an option and tests for (`NULL`, `none`): no
/// credential to leak. Real weak passwords (`changeme`, `test`, `Summer2001`) are not in
/// the list.
pub fn is_placeholder_password(value: &[u8]) -> bool {
    let mut v = value.trim_ascii();
    // `set pw="password"`: the quotes are part of the value, the word inside is the note.
    if v.len() >= 2 && v[0] == b'"' && v[v.len() - 1] == b'"' {
        v = v[1..v.len() - 1].trim_ascii();
    }
    if let (Some(&a), Some(&z)) = (v.first(), v.last()) {
        if v.len() >= 2 && matches!((a, z), (b'<', b'>') | (b'[', b']') | (b'{', b'}')) {
            v = &v[1..v.len() - 1];
            // `set password=[]`: the script's mark for "no value yet".
            if v.trim_ascii().is_empty() {
                return true;
            }
        }
    }
    let lower = v.to_ascii_lowercase();
    let lower = lower.as_slice();
    if !lower.is_empty()
        && lower
            .iter()
            .all(|&b| matches!(b, b'x' | b'*' | b'.' | b'?'))
    {
        return true;
    }
    // `***REMOVED***`, `[REDACTED]`: a secret already taken out before publishing.
    let letters: Vec<u8> = lower
        .iter()
        .copied()
        .filter(u8::is_ascii_alphabetic)
        .collect();
    if matches!(letters.as_slice(), b"removed" | b"redacted")
        && lower
            .iter()
            .all(|&b| b.is_ascii_alphabetic() || matches!(b, b'*' | b'_' | b'-' | b'#' | b' '))
    {
        return true;
    }
    let squashed: Vec<u8> = lower
        .iter()
        .copied()
        .filter(|&b| b != b'_' && b != b'-')
        .collect();
    // `YOUR-VCLOUD-PASSWORD`, `enter_password_here`: a note to whoever fills it in. Words of
    // letters only, the first a prompt word, one of them `password`/`pass`/`pwd`/`passwd`.
    let words: Vec<&[u8]> = lower
        .split(|&b| matches!(b, b'-' | b'_' | b' ' | b'.'))
        .filter(|w| !w.is_empty())
        .collect();
    let fill_in = words.len() >= 2
        && words.iter().all(|w| w.iter().all(u8::is_ascii_alphabetic))
        && matches!(
            words[0],
            b"your" | b"enter" | b"insert" | b"put" | b"replace" | b"type"
        )
        && words
            .iter()
            .any(|w| matches!(*w, b"password" | b"pass" | b"pwd" | b"passwd"));
    // `the-password-entered-when-exporting-the-pfx`: a sentence (four or more words of
    // letters, one of them `password`) that says what goes there.
    let sentence = words.len() >= 4
        && words.iter().all(|w| w.iter().all(u8::is_ascii_alphabetic))
        && words
            .iter()
            .any(|w| matches!(*w, b"password" | b"passwd" | b"passphrase"));
    // The word for "password" in another language, alone or with a filler word
    // (`Hasło_Lokalne`, `Mot_de_passe`, `Ihr-Kennwort`): the same note in the author's
    // language (ASCII or UTF-8 spellings).
    let foreign = !words.is_empty()
        && words.iter().any(|w| FOREIGN_PASSWORD_WORDS.contains(w))
        && words
            .iter()
            .all(|w| FOREIGN_PASSWORD_WORDS.contains(w) || FOREIGN_FILLERS.contains(w));
    // `DatabasePasswordHere`, `SQL_PASS_HERE`: a note naming what goes there.
    let here = squashed.iter().all(u8::is_ascii_alphabetic)
        && [
            b"passwordhere".as_slice(),
            b"passhere",
            b"pwdhere",
            b"passwordgoeshere",
        ]
        .iter()
        .any(|s| squashed.ends_with(s));
    fill_in
        || sentence
        || foreign
        || here
        || matches!(
            squashed.as_slice(),
            b"password"
                | b"passwd"
                | b"pass"
                | b"pwd"
                | b"pw"
                | b"yourpassword"
                | b"mypassword"
                | b"userpassword"
                | b"thepassword"
                | b"newpassword"
                | b"adminpassword"
                | b"secretpassword"
                | b"supersecretpassword"
                | b"mysecretpassword"
                | b"yoursecretpassword"
                | b"dummypassword"
                | b"examplepassword"
                | b"samplepassword"
                | b"passwordhere"
                | b"yourpasswordhere"
                | b"passwordgoeshere"
                | b"foo"
                | b"bar"
                | b"baz"
                | b"qux"
                | b"foobar"
                | b"blah"
                | b"blahblah"
                | b"null"
                | b"none"
                | b"nil"
                | b"guest"
                | b"anonymous"
        )
}

/// "Password" in other languages than English (lower case; ASCII and UTF-8 spellings).
const FOREIGN_PASSWORD_WORDS: &[&[u8]] = &[
    b"passwort",
    b"kennwort",
    "hasło".as_bytes(),
    b"haslo",
    b"heslo",
    b"senha",
    "contraseña".as_bytes(),
    b"contrasena",
    b"clave",
    b"wachtwoord",
    b"motdepasse",
    b"passe",
    b"salasana",
    b"jelszo",
    "jelszó".as_bytes(),
    "lösenord".as_bytes(),
    b"losenord",
    b"passord",
    b"adgangskode",
    b"parola",
    b"sifre",
    "şifre".as_bytes(),
    "пароль".as_bytes(),
    "密码".as_bytes(),
    "你的密码".as_bytes(),
    "您的密码".as_bytes(),
    "密碼".as_bytes(),
    "パスワード".as_bytes(),
    "비밀번호".as_bytes(),
];

/// Words that go with [`FOREIGN_PASSWORD_WORDS`] in a placeholder ("local", "your", "new",
/// "here", "of"), in the same languages.
const FOREIGN_FILLERS: &[&[u8]] = &[
    b"lokalne",
    b"lokalny",
    b"lokales",
    b"lokal",
    b"local",
    b"locale",
    b"mot",
    b"de",
    b"du",
    b"di",
    b"ihr",
    b"dein",
    b"neues",
    b"votre",
    b"ton",
    b"nouveau",
    b"su",
    b"tu",
    b"nueva",
    b"sua",
    b"seu",
    b"nova",
    b"uw",
    b"jouw",
    b"nieuw",
    b"twoje",
    b"nowe",
    b"hier",
    b"ici",
    b"aqui",
    "aquí".as_bytes(),
    b"qui",
];

/// From `node` on, nothing would run that matters: only `exit`, `goto :eof`, a GOTO to such
/// a place, `endlocal`, `echo off`/`echo on`, `popd` when `setlocal_open`, comments, labels
/// and the end of the file. Chaining to another batch file there is a tail call and behaves
/// like CALL followed by the same ending. (The end of a batch file ends its SETLOCAL, which
/// also restores the folder it saved; the echo state matters only to commands that would
/// follow, and none does. Without a SETLOCAL, a skipped POPD leaves the console in the
/// folder PUSHD went to.)
///
/// Also harmless: `cd`, `chdir`, `cls`, `color`, `title` and clearing a variable (`set
/// CHOICE=`), which matter only to what follows (`cd \` at the end of an AUTOEXEC.BAT), a
/// last wait (`timeout 2`, a `ping -n 3 127.0.0.1 >nul` delay), and the messages of an abort
/// handler the straight-line code falls into: past a label some `goto` lands on, up to an
/// explicit `exit` (`:die`, `echo Aborting.`, `exit 1`).
pub fn nothing_runs_from(ctx: &Ctx<'_>, mut node: Node, setlocal_open: bool) -> bool {
    // Past a label that a jump lands on: the code from here is a shared handler.
    let mut in_handler = false;
    // A handler's message was passed: only an explicit `exit` makes it an abort handler.
    let mut message = false;
    for _ in 0..64 {
        let Node::Stmt(id) = node else {
            return node == Node::End && !message;
        };
        let stmt = ctx.script.stmt(id);
        let harmless = match &stmt.kind {
            StmtKind::Exit(_) => return true,
            StmtKind::Goto(_) => match ctx.flow.resolution(id) {
                Some(Resolution::Label { to, .. }) => {
                    node = *to;
                    continue;
                }
                Some(Resolution::Dynamic) => return false,
                _ => return !message,
            },
            StmtKind::Simple(s) => {
                let name = ctx.source.slice(s.name.span);
                (setlocal_open && s.args.is_empty() && name.eq_ignore_ascii_case(b"popd"))
                    || exits_with_errorlevel(ctx, s)
                    // The console's look only: no later command reads it.
                    || [b"cd".as_slice(), b"chdir", b"cls", b"color", b"title"]
                        .iter()
                        .any(|w| name.eq_ignore_ascii_case(w))
                    // A last wait (`timeout 2`, `ping -n 3 127.0.0.1 >nul`): nothing is
                    // lost but the pause.
                    || crate::syntax::names::program_file_name_is(name, b"timeout")
                    || ping_wait(ctx, stmt, s)
                    // `cd\`, `cd..`: the folder glued to the command word.
                    || (name.len() > 2
                        && name[..2].eq_ignore_ascii_case(b"cd")
                        && matches!(name[2], b'.' | b'\\' | b'/'))
            }
            // `if "%OS%"=="Windows_NT" endlocal` (the Ant template's last line): an
            // ENDLOCAL that runs or not, then the same next statement.
            StmtKind::If(f) if f.else_.is_none() => match f.then {
                Some(t) if matches!(ctx.script.stmt(t).kind, StmtKind::Endlocal) => {
                    match (ctx.flow.successors(id), ctx.flow.successors(t)) {
                        ([_, skip], [after]) if skip.to == after.to => {
                            node = after.to;
                            continue;
                        }
                        _ => return false,
                    }
                }
                _ => false,
            },
            StmtKind::Echo(e) if e.mode.is_some() => true,
            StmtKind::Echo(_) => {
                message = true;
                in_handler && stmt.redirects().is_empty()
            }
            StmtKind::Label(_) => {
                in_handler |= jumped_to(ctx, node)
                    || ctx
                        .flow
                        .successors(id)
                        .first()
                        .is_some_and(|e| jumped_to(ctx, e.to));
                true
            }
            // `set CHOICE=`: clearing a variable, the clean-up of a DOS script's end.
            StmtKind::Set(set) => {
                set.kind == crate::syntax::ast::SetKind::Assign
                    && set
                        .value
                        .map_or(true, |v| ctx.source.slice(v).trim_ascii().is_empty())
                    && stmt.redirects().is_empty()
            }
            StmtKind::Comment(_) | StmtKind::Endlocal | StmtKind::StrayClose => true,
            _ => false,
        };
        // On to the one statement that follows a harmless one.
        match ctx.flow.successors(id) {
            [only] if harmless => node = only.to,
            _ => return false,
        }
    }
    false
}

/// The text of an IF's test, between the `if` keyword and its command, trimmed (`not
/// exist %d%:`): two IFs with the same text test the same thing.
pub fn if_test_text<'s>(ctx: &Ctx<'s>, i: &crate::syntax::ast::If, at: StmtId) -> &'s [u8] {
    let script = ctx.script;
    let end = i
        .then
        .map_or(script.stmt(at).span.end(), |t| script.stmt(t).span.start());
    ctx.source
        .slice(Span::new(i.keyword.end(), end.max(i.keyword.end())))
        .trim_ascii()
}

/// The then-command jumps away or exits: `goto x`, `exit /b`, a block with one of them
/// among its own commands (`(set f=1 & goto x)`), or (with no else) one chained after it with
/// `&` on the IF's line (`if errorlevel 8 echo failed & goto end`: cmd.exe runs the whole rest
/// of the line under the test).
pub fn always_leaves(ctx: &Ctx<'_>, id: StmtId, i: &crate::syntax::ast::If) -> bool {
    let leaves = |s: &Stmt| {
        matches!(s.kind, StmtKind::Goto(_) | StmtKind::Exit(_))
            && matches!(s.connector, Connector::None | Connector::Amp)
    };
    let Some(t) = i.then else {
        return false;
    };
    if let StmtKind::Block(b) = &ctx.script.stmt(t).kind {
        return b.body.iter().any(|&s| leaves(ctx.script.stmt(s)));
    }
    // The chained commands hang off the IF, after the then-command's own statements.
    let end = ctx.script.stmt(id).span.end();
    leaves(ctx.script.stmt(t))
        || (i.else_.is_none()
            && ctx.script.stmts[t.index() + 1..]
                .iter()
                .take_while(|s| s.span.start() < end)
                .any(|s| s.parent() == Some(id) && leaves(s)))
}

/// A `goto` or `call :label` of the file lands on `node` (its label, or the statement after
/// it).
pub fn jumped_to(ctx: &Ctx<'_>, node: Node) -> bool {
    let Node::Stmt(id) = node else {
        return false;
    };
    let landings = ctx.shared.landings.get_or_init(|| {
        let mut at = vec![false; ctx.script.stmts.len()];
        for r in ctx.flow.jumps.iter().flatten() {
            if let Resolution::Label {
                to: Node::Stmt(t), ..
            } = r
            {
                if let Some(slot) = at.get_mut(t.index()) {
                    *slot = true;
                }
            }
        }
        at
    });
    landings.get(id.index()).copied().unwrap_or(false)
}

/// `%COMSPEC% /C exit /B %ERRORLEVEL%` (or `cmd /c exit %errorlevel%`): a child shell that
/// only hands the current ERRORLEVEL back as the exit code, which it already is.
fn exits_with_errorlevel(ctx: &Ctx<'_>, s: &crate::syntax::ast::Simple) -> bool {
    let text = |w: &Word| ctx.source.slice(w.span);
    let name = text(&s.name);
    let shell = name.eq_ignore_ascii_case(b"%comspec%")
        || name.eq_ignore_ascii_case(b"cmd")
        || name.eq_ignore_ascii_case(b"cmd.exe");
    let args: Vec<&[u8]> = s.args.iter().map(text).collect();
    let rest = match args.as_slice() {
        [c, exit, rest @ ..]
            if c.eq_ignore_ascii_case(b"/c") && exit.eq_ignore_ascii_case(b"exit") =>
        {
            rest
        }
        _ => return false,
    };
    let rest = match rest {
        [b, rest @ ..] if b.eq_ignore_ascii_case(b"/b") => rest,
        _ => rest,
    };
    shell && matches!(rest, [level] if level.eq_ignore_ascii_case(b"%errorlevel%"))
}

/// The words the script compares `%1` (or `%~1`) with: `nextstep` from `if %1#==NextStep#`,
/// `start` from `if .%1 == .start`, `stage2` from `if "%~1"=="stage2"`, `scan` from
/// `set action=%1` … `if "%action%"=="scan"` (lower case, quotes removed).
pub fn first_arg_stages(ctx: &Ctx<'_>) -> rustc_hash::FxHashSet<Vec<u8>> {
    // `%1`, `%~1`, and the variables the script copies the first argument into.
    let mut params: Vec<Vec<u8>> = vec![b"%1".to_vec(), b"%~1".to_vec()];
    for st in &ctx.script.stmts {
        let StmtKind::Set(set) = &st.kind else {
            continue;
        };
        let (crate::syntax::ast::SetKind::Assign, Some(name), Some(value)) =
            (set.kind, set.name, set.value)
        else {
            continue;
        };
        // A few copies are plenty (each IF is compared against every one of them).
        if params.len() >= 2 + 2 * 8 {
            break;
        }
        let value = unquoted_lower(ctx.source, value);
        if matches!(value.trim_ascii(), b"%1" | b"%~1") {
            let name = unquoted_lower(ctx.source, name);
            let name = name.trim_ascii();
            if !name.is_empty() && !name.iter().any(|&b| matches!(b, b'%' | b'!')) {
                params.push([b"%", name, b"%"].concat());
                params.push([b"!", name, b"!"].concat());
            }
        }
    }
    let mut out = rustc_hash::FxHashSet::default();
    for st in &ctx.script.stmts {
        let StmtKind::If(f) = &st.kind else {
            continue;
        };
        let crate::syntax::ast::Condition::Compare { lhs, rhs, .. } = &f.condition else {
            continue;
        };
        let (l, r) = (
            unquoted_lower(ctx.source, lhs.span),
            unquoted_lower(ctx.source, rhs.span),
        );
        for (side, other) in [(&l, &r), (&r, &l)] {
            if let Some(stage) = stage_against(&params, side, other) {
                out.insert(stage.to_vec());
            }
        }
    }
    out
}

/// `side` holds one of `params` (`%1`, `%~1`, a copy of it) with `pre` before it and `post`
/// after it, and `other` is `pre`, a word of no `%` or `!`, then `post`: that word.
fn stage_against<'a>(params: &[Vec<u8>], side: &[u8], other: &'a [u8]) -> Option<&'a [u8]> {
    for param in params {
        if let Some(at) = side
            .windows(param.len())
            .position(|w| w == param.as_slice())
        {
            let (pre, post) = (&side[..at], &side[at + param.len()..]);
            if other.len() <= pre.len() + post.len()
                || !other.starts_with(pre)
                || !other.ends_with(post)
            {
                return None;
            }
            let stage = &other[pre.len()..other.len() - post.len()];
            return (!stage.iter().any(|&b| matches!(b, b'%' | b'!'))).then_some(stage);
        }
    }
    None
}

/// `ping` arguments that make a delay: a count of 2 or more (`-n 3`) to this machine
/// (`127.0.0.1`, `localhost`, `0.0.0.0`, `::1`), not a reachability test of a server.
pub fn ping_delay<'a>(args: impl Iterator<Item = &'a [u8]>) -> bool {
    let (mut count, mut local) = (false, false);
    let mut after_n = false;
    for a in args {
        if after_n {
            count = std::str::from_utf8(a)
                .ok()
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n >= 2);
        }
        after_n = matches!(a, b"-n" | b"/n" | b"-N" | b"/N");
        let lower = a.to_ascii_lowercase();
        local |= lower.starts_with(b"127.")
            || matches!(lower.as_slice(), b"localhost" | b"0.0.0.0" | b"::1");
    }
    count && local
}

/// `ping -n 3 127.0.0.1 >nul` (the statement `stmt`, the command `sm`; `ping` in any case,
/// with a path or an extension): the old way to wait a few seconds, its output thrown away.
pub fn ping_wait(ctx: &Ctx<'_>, stmt: &Stmt, sm: &crate::syntax::ast::Simple) -> bool {
    let mut name = Vec::new();
    crate::syntax::names::program_stem_into(ctx.source.slice(sm.name.span), &mut name)
        .is_some_and(|stem| stem == b"ping")
        && ping_delay(sm.args.iter().map(|a| ctx.source.slice(a.span)))
        && stmt.redirects().iter().any(|r| {
            r.target
                .as_ref()
                .is_some_and(|t| ctx.source.slice(t.span).eq_ignore_ascii_case(b"nul"))
        })
}

/// Per statement: reachable from the top when a `call :label` of a subroutine that always
/// ends the script with a bare `exit` does not return (its caller's next command never runs:
/// `call :bye & goto done`). Computed on demand: one search per file and per such callee.
pub fn reachable_past_exiting_calls(ctx: &Ctx<'_>) -> Vec<bool> {
    use crate::flow::{EdgeKind, Node};
    let flow = ctx.flow;
    let mut memo: HashMap<StmtId, bool> = HashMap::default();
    let mut never_returns = |entry: StmtId| -> bool {
        *memo.entry(entry).or_insert_with(|| {
            let seen = flow.reach_from(Node::Stmt(entry), |_, e| e.kind != EdgeKind::Call);
            !seen.iter().enumerate().any(|(i, &s)| {
                if !s {
                    return false;
                }
                let id = StmtId(i as u32);
                let bare_exit =
                    matches!(&ctx.script.stmt(id).kind, StmtKind::Exit(x) if x.b.is_none());
                !bare_exit
                    && flow
                        .successors(id)
                        .iter()
                        .any(|e| matches!(e.to, Node::End | Node::AnyLabel))
            })
        })
    };
    // The calls whose subroutine never returns.
    let mut cut = vec![false; ctx.script.stmts.len()];
    for id in ctx.script.ids() {
        if !matches!(&ctx.script.stmt(id).kind, StmtKind::Call(c)
            if matches!(c.target, CallTarget::Label { .. }))
        {
            continue;
        }
        cut[id.index()] = flow
            .successor_stmt(id, EdgeKind::Call)
            .is_some_and(&mut never_returns);
    }
    match flow.entry {
        Some(entry) => flow.reach_from(entry, |from, e| {
            e.kind == EdgeKind::Call || !cut.get(from.index()).copied().unwrap_or(false)
        }),
        None => vec![false; ctx.script.stmts.len()],
    }
}

/// Messages, comments and screen commands (`cls`, `title`, `color`, `pause`, `timeout`, a
/// `ping` delay): what may stand between a `cd` and the command it prepares (BAT220, BAT222).
pub fn message_or_screen(ctx: &Ctx<'_>, id: StmtId) -> bool {
    let stmt = ctx.script.stmt(id);
    match &stmt.kind {
        StmtKind::Echo(_) | StmtKind::Comment(_) => true,
        StmtKind::Simple(sm) => {
            const SCREEN: [&[u8]; 7] = [
                b"cls", b"title", b"color", b"pause", b"timeout", b"mode", b"chcp",
            ];
            let raw = ctx.source.slice(sm.name.span);
            // A bare name (the usual case) is compared as it stands, with no copy.
            let name;
            let stem = if raw.iter().any(|b| b"\\/\"^.:".contains(b)) {
                name = crate::syntax::names::program_file_name(raw);
                crate::syntax::names::split_ext(&name).0
            } else {
                raw
            };
            SCREEN.iter().any(|w| stem.eq_ignore_ascii_case(w)) || ping_wait(ctx, stmt, sm)
        }
        _ => false,
    }
}

/// A `del`/`erase`, or an `rd`/`rmdir` with `/s`, whose names are all relative (see
/// [`relative_name`]): those names (BAT220, BAT222). `None` for any other statement, and for
/// one with a switch the command rejects (it then deletes nothing).
pub fn relative_delete<'a>(ctx: &Ctx<'a>, id: StmtId) -> Option<Vec<&'a [u8]>> {
    let StmtKind::Simple(sm) = &ctx.script.stmt(id).kind else {
        return None;
    };
    let name = ctx.source.slice(sm.name.span).to_ascii_lowercase();
    let args: Vec<&'a [u8]> = sm.args.iter().map(|w| ctx.source.slice(w.span)).collect();
    let switch = |a: &[u8]| a.starts_with(b"/");
    let names: Vec<&'a [u8]> = args.iter().copied().filter(|a| !switch(a)).collect();
    if names.is_empty() || !names.iter().all(|a| relative_name(a)) {
        return None;
    }
    let recursive = || {
        args.iter()
            .any(|a| switch(a) && a.len() >= 2 && a[1].eq_ignore_ascii_case(&b's'))
    };
    let (valid, dirs): (&[u8], bool) = match name.as_slice() {
        b"del" | b"erase" => (b"pfsqa", false),
        b"rd" | b"rmdir" if recursive() => (b"sq", true),
        _ => return None,
    };
    // A switch the command does not know (`del * /y`, `rd /s /y x`) makes it print "Invalid
    // switch" and delete nothing, in any folder.
    let known = |piece: &[u8]| {
        let p = piece.strip_prefix(b"-").unwrap_or(piece);
        match p.first().map(u8::to_ascii_lowercase) {
            Some(b'a') if !dirs => true,
            Some(c) => p.len() == 1 && valid.contains(&c),
            None => false,
        }
    };
    let all_known = args.iter().filter(|a| switch(a)).all(|a| {
        a.split(|&b| b == b'/')
            .skip(1)
            .all(|piece| !piece.is_empty() && known(piece))
    });
    all_known.then_some(names)
}

/// A file name relative to the current folder: no drive, no leading `\` or `/`, no variable
/// (quotes around it allowed).
pub fn relative_name(name: &[u8]) -> bool {
    let n = name.strip_prefix(b"\"").unwrap_or(name);
    let n = n.strip_suffix(b"\"").unwrap_or(n);
    !n.is_empty()
        && !matches!(n[0], b'\\' | b'/')
        && !n.iter().any(|b| matches!(b, b':' | b'%' | b'!'))
}

/// The comparison of a plain `if` at `id`: no `not`, no `else`, a `lhs op rhs` test. Returns
/// the IF, its operands and the operator.
pub fn plain_compare(
    script: &Script,
    id: StmtId,
) -> Option<(
    &crate::syntax::ast::If,
    &Word,
    crate::syntax::ast::CmpOp,
    &Word,
)> {
    let StmtKind::If(i) = &script.stmt(id).kind else {
        return None;
    };
    if i.not.is_some() || i.else_.is_some() {
        return None;
    }
    match &i.condition {
        crate::syntax::ast::Condition::Compare { lhs, op, rhs, .. } => Some((i, lhs, *op, rhs)),
        _ => None,
    }
}

/// One finding per file for a rule whose mistake a file tends to repeat (a cleaner's paths, a
/// menu's lines): the first occurrence is the finding, the next eight its related places, and
/// its message ends with how many more there are.
pub struct OnePerFile {
    /// Where the file's finding is (or will be) in the output.
    start: usize,
    /// Occurrences after the first.
    more: usize,
}

impl OnePerFile {
    /// Before the rule's first finding in `out`.
    pub fn new(out: &[crate::diagnostic::Diagnostic]) -> Self {
        OnePerFile {
            start: out.len(),
            more: 0,
        }
    }

    /// When the file has its finding already, add `span` to it as a related place (up to
    /// eight) and return `true`: the caller reports nothing new. Called on findings only:
    /// kept out of the rules' loops over every statement.
    #[cold]
    #[inline(never)]
    pub fn absorb(
        &mut self,
        out: &mut [crate::diagnostic::Diagnostic],
        span: Span,
        label: impl crate::diagnostic::IntoText,
    ) -> bool {
        let Some(d) = out.get_mut(self.start) else {
            return false;
        };
        self.more += 1;
        if self.more <= 8 {
            d.related.push((span, label.into_text()));
        }
        true
    }

    /// End the finding's message with `; ` and `count(n)` for the `n` occurrences after the
    /// first (nothing when there were none).
    #[inline(never)]
    pub fn finish(
        self,
        out: &mut [crate::diagnostic::Diagnostic],
        count: impl Fn(usize) -> String,
    ) {
        if self.more > 0 {
            if let Some(d) = out.get_mut(self.start) {
                d.append_message(&format!("; {}", count(self.more)));
            }
        }
    }
}

/// The aside of the password rules (NET101, NET103) on who can read the script: said for a
/// logon script, a script the tree's logon scripts reach, one in a `netlogon` folder, or one
/// whose name says it is one (`logon.bat`, `logon_staff.cmd`).
pub fn netlogon_readers(ctx: &Ctx<'_>) -> &'static str {
    let path = ctx.path.as_os_str().as_encoded_bytes().to_ascii_lowercase();
    let name = crate::syntax::names::file_name(&path);
    let netlogon = ctx.settings.logon_script
        || ctx.settings.nt4_client
        || memchr::memmem::find(&path, b"netlogon").is_some()
        || memchr::memmem::find(name, b"logon").is_some();
    if netlogon {
        " (on a NETLOGON share, every user of the domain)"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argv_joins_what_only_cmd_splits() {
        let text = b"sc config s obj= x password= a,b;c=d \"q r\"\r\n";
        let src = Source::new(text.to_vec());
        let script = crate::syntax::parse(&src);
        let StmtKind::Simple(s) = &script.stmts[0].kind else {
            panic!("a simple command");
        };
        let args: Vec<String> = argv(&src, &s.args)
            .iter()
            .map(|a| src.display(a.span))
            .collect();
        assert_eq!(
            args,
            [
                "config",
                "s",
                "obj=",
                "x",
                "password=",
                "a,b;c=d",
                "\"q r\""
            ]
        );
    }

    #[test]
    fn placeholder_passwords_are_fillers_only() {
        for p in [
            "password",
            "<Password>",
            "[pass]",
            "your_password",
            "blah",
            "xxxxxx",
            "****",
            "...",
            "YOUR-VCLOUD-PASSWORD",
            "enter_password_here",
            "NULL",
            "none",
            "guest",
            "Hasło_Lokalne",
            "Haslo_Lokalne",
            "Mot_de_passe_local",
            "Ihr-Kennwort",
            "senha",
            "\"password\"",
            "\" <pass> \"",
            "***REMOVED***",
            "[REDACTED]",
            "你的密码",
            "<您的密码>",
            "\"bar\"",
            "foo",
            "[]",
            "<>",
            "pw",
        ] {
            assert!(is_placeholder_password(p.as_bytes()), "{p}");
        }
        for p in [
            "changeme",
            "Summer2001",
            "test",
            "P@ssw0rd",
            "x1",
            "passw0rd",
            "yourock2001",
            "typhoon",
            "EnterprisePass1",
            "Typepwd#77",
            "nullpass",
            "none1",
            "Kennwort2020",
            "\"Summer2001\"",
            "$ecret99",
            "zaq1@WSX",
            "haslo_admina1",
            "guest123",
            "foobar99",
            "barkeep",
        ] {
            assert!(!is_placeholder_password(p.as_bytes()), "{p}");
        }
    }

    /// A folder is listed once for all the workers that ask about it, even at the same time:
    /// every answer is the one listing (the same `Arc`), names in lower case; a folder that
    /// cannot be read answers `None`.
    #[test]
    fn a_folder_is_listed_once_for_every_worker() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("Helper.BAT"), b"@echo off\r\n").expect("write");
        std::fs::create_dir(dir.path().join("Sub")).expect("mkdir");
        let listings = DirListings::default();
        let answers: Vec<Names> = std::thread::scope(|s| {
            let asks: Vec<_> = (0..8)
                .map(|_| s.spawn(|| listings.names(dir.path()).expect("readable")))
                .collect();
            asks.into_iter()
                .map(|a| a.join().expect("no panic"))
                .collect()
        });
        let want: HashSet<Vec<u8>> = [b"helper.bat".to_vec(), b"sub".to_vec()]
            .into_iter()
            .collect();
        assert_eq!(*answers[0], want);
        assert!(answers.iter().all(|a| Arc::ptr_eq(a, &answers[0])));
        assert_eq!(listings.reads.load(std::sync::atomic::Ordering::Relaxed), 1);
        assert!(listings.names(&dir.path().join("missing")).is_none());
        assert!(listings.names(&dir.path().join("missing")).is_none());
        assert_eq!(listings.reads.load(std::sync::atomic::Ordering::Relaxed), 2);
    }
}
