//! Control flow over a parsed script: label resolution as cmd.exe does it, edges for
//! `goto`, `call :x`, `if`, `for`, `exit`, `goto :eof` and the `&&`/`||` connectors,
//! reachability, and the NT-only regions behind `%OS%` tests.
//!
//! The graph has one node per statement plus [`Node::End`] (the end of the script). Every
//! analysis here is an iterative work-list over the arena: nothing recurses on the input, so
//! 10,000 nested blocks are as cheap as 10,000 lines.

use crate::source::{Source, Span};
use crate::syntax::ast::{
    CallTarget, CmpOp, Condition, Connector, ExpansionKind, JumpTarget, Script, StmtId, StmtKind,
    Word,
};
use crate::syntax::labels::{LabelIndex, Profile};
use crate::syntax::names::{file_name, program_ext_is, program_file_name_is};

/// A script's OS guards, each with the `if` edge only cmd.exe takes, and whether it reads
/// `%OS%` in a comparison (what the OS-guard reader of the 9x view finds; kept in [`Flow`]).
pub type NtGuards = (Vec<(StmtId, EdgeKind)>, bool);

/// A node of the control-flow graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    Stmt(StmtId),
    /// The end of the script (falling off the end, `exit`, `goto :eof`, a missing label).
    End,
    /// Any label: where a dynamic `goto %x%` / `call :%x%` may go. One hub whose targets are
    /// [`Flow::label_targets`], so a file with many dynamic jumps and many labels still has a
    /// graph linear in its size.
    AnyLabel,
}

/// Why control moves along an edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// Straight-line order (also into a block's first statement).
    Next,
    /// An `if` whose condition holds (the then-command; with `not`, the negated condition).
    Then,
    /// An `if` whose condition does not hold (the `else` command, or past the `if`).
    Else,
    /// A `goto` to a label.
    Jump,
    /// `call :label`: into the subroutine (the return is a `Next` edge past the call).
    Call,
    /// A `for` entering its body.
    LoopBody,
    /// Skipping: a `for` with no iterations, or `&&`/`||` not running the next command.
    Skip,
    /// A `goto`/`call :` written inside a variable's value or behind a command word that is
    /// a variable (`set onerror=if errorlevel 1 goto failed` … `%onerror%`, `%_Nul3% call
    /// :sub`): the label may be reached when the variable is expanded.
    Hidden,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Edge {
    pub to: Node,
    pub kind: EdgeKind,
}

/// Where a `goto` or `call :` goes, as cmd.exe resolves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// To the label definition `labels.defs[def]`, continuing at statement `to` (`End` when
    /// nothing follows the label).
    Label { def: usize, to: Node },
    /// `goto :eof`.
    Eof,
    /// No such label: cmd.exe prints "The system cannot find the batch label specified" and
    /// abandons the script (for `goto`).
    Unresolved,
    /// The target is computed at run time.
    Dynamic,
    /// `goto` with no target.
    Missing,
}

/// The analyses rules share. Built once per file.
#[derive(Clone, Debug, Default)]
pub struct Flow {
    /// The first statement executed (`End` for an empty script).
    pub entry: Option<Node>,
    /// Outgoing edges of all statements, statement by statement: those of `StmtId(i)` are
    /// `edges[succ_start[i]..succ_start[i + 1]]` (see [`Flow::successors`]). One shared
    /// vector instead of one per statement.
    pub edges: Vec<Edge>,
    /// Where each statement's edges start in `edges`; one more entry than statements.
    pub succ_start: Vec<u32>,
    /// Edges that are the NT side of an OS test (`%OS%`=="Windows_NT", [`os_test_is_nt`];
    /// `"%~f0"=="~f0"`, [`os_test_is_9x`]), in statement order.
    pub nt_edges: Vec<(StmtId, Edge)>,
    /// Resolution of each `goto` and `call :label` statement (`None` for other statements).
    pub jumps: Vec<Option<Resolution>>,
    /// `reachable[i]`: statement `StmtId(i)` can be reached from the top (cmd.exe semantics).
    pub reachable: Vec<bool>,
    /// `win9x_reachable[i]`: reachable when every `%OS%` test takes its non-NT side.
    pub win9x_reachable: Vec<bool>,
    /// The end of the script can be reached.
    pub end_reachable: bool,
    /// Where [`Node::AnyLabel`] leads: the statement after every label with a letter or digit
    /// in its name (separators such as `:_` or `:-----` are no entry points), in file order.
    pub label_targets: Vec<Node>,
    /// `runs[i]`: statement `StmtId(i)` is batch code cmd.exe really reads: reachable, and
    /// not inside a foreign region (a payload of another language) that only a dynamic jump
    /// could reach in a file that reads itself. See [`Flow::runs`].
    pub runs: Vec<bool>,
    /// Byte offsets where the innermost statement changes, with its `runs` value: the
    /// answer of [`Flow::runs_at`] for any offset from there to the next entry. An entry
    /// with the value of the one before it is left out (the offsets grow, so the answer is
    /// the same): a file whose statements all run has one entry.
    run_segments: Vec<(u32, bool)>,
    /// The file feeds itself to another engine (`cscript //E:JScript "%~f0"`,
    /// `ReadAllText('%~f0')`, `more +5 "%~f0"`, `"%~f0?.wsf"`, …): what follows its batch
    /// part may be a payload.
    pub reads_itself: bool,
    /// Some CALL takes its target from an argument or variable (`call %*`, `call %~1`):
    /// the file is a library module whose caller names the subroutine.
    pub call_dispatch: bool,
    /// Every statement that runs a batch file without CALL ([`runs_batch_file`]), with the
    /// node it would have continued at had control come back (in statement order). Control
    /// does not come back: the rest of its logical line runs, then the script ends.
    pub chained: Vec<(StmtId, Node)>,
    /// For every statement, the next one in its sequence (`link_sequences`; the SMS
    /// analysis reads it instead of linking the sequences again).
    pub seq_next: Vec<Option<StmtId>>,
    /// The script's OS guards ([`NtGuards`]), found on first use by their reader: the
    /// tree summary and the Windows 9x view of the rules share them.
    pub(crate) nt_guards: std::sync::OnceLock<NtGuards>,
    /// [`Flow::nt_reachable`], found on first use.
    nt_reachable: std::sync::OnceLock<Vec<bool>>,
    /// The statements Windows 9x runs with the NT sides of [`Flow::nt_guards`] cut off, found
    /// on first use (`tree::guards::Win9xView`: the tree summary and the rules share it).
    pub(crate) win9x_runs: std::sync::OnceLock<Vec<bool>>,
}

impl Flow {
    pub fn build(source: &Source, script: &Script, labels: &LabelIndex) -> Flow {
        Builder::new(source, script, labels).build()
    }

    pub fn is_reachable(&self, id: StmtId) -> bool {
        self.reachable.get(id.index()).copied().unwrap_or(false)
    }

    /// The statement is batch code that cmd.exe reads and runs: reachable from the top, and
    /// not a foreign payload that only a dynamic jump could land in. cmd.exe reads a script
    /// line by line as it runs, so lines it never reaches are never parsed: syntax and
    /// statement findings apply only where this holds.
    pub fn runs(&self, id: StmtId) -> bool {
        self.runs.get(id.index()).copied().unwrap_or(false)
    }

    /// [`Flow::runs`] for the innermost statement around byte `offset` (for findings whose
    /// span is not a statement, such as syntax errors). Bytes between statements take the
    /// value of the statement that follows them. `true` when the file has no statements.
    pub fn runs_at(&self, offset: usize) -> bool {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        let i = self.run_segments.partition_point(|s| s.0 <= offset);
        match i.checked_sub(1).and_then(|i| self.run_segments.get(i)) {
            Some(s) => s.1,
            None => self.run_segments.first().map_or(true, |s| s.1),
        }
    }

    /// Reachable, but only through the NT side of an `%OS%` test.
    pub fn is_nt_only(&self, id: StmtId) -> bool {
        self.is_reachable(id)
            && !self
                .win9x_reachable
                .get(id.index())
                .copied()
                .unwrap_or(false)
    }

    /// Reachable when every OS test takes its NT side: code cmd.exe can run. (A statement
    /// reachable only on the Windows 9x side of a test runs on COMMAND.COM alone.)
    pub fn nt_reachable(&self, id: StmtId) -> bool {
        if self.nt_edges.is_empty() {
            return self.is_reachable(id);
        }
        let nt = self.nt_reachable.get_or_init(|| {
            let Some(entry) = self.entry else {
                return Vec::new();
            };
            let tests = &self.nt_edges;
            // The other side (then or else) of a test whose NT side is known.
            let win9x_side = |from: StmtId, e: &Edge| {
                matches!(e.kind, EdgeKind::Then | EdgeKind::Else)
                    && tests[tests.partition_point(|x| x.0 < from)..]
                        .iter()
                        .take_while(|x| x.0 == from)
                        .any(|x| x.1.kind != e.kind)
            };
            self.reach_from(entry, |from, e| !win9x_side(from, e))
        });
        nt.get(id.index()).copied().unwrap_or(false)
    }

    pub fn successors(&self, id: StmtId) -> &[Edge] {
        let i = id.index();
        match (self.succ_start.get(i), self.succ_start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.edges.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The statement the first `kind` edge out of `id` leads to (the subroutine a
    /// `call :label` enters, with [`EdgeKind::Call`]; the next statement, with
    /// [`EdgeKind::Next`]).
    pub fn successor_stmt(&self, id: StmtId, kind: EdgeKind) -> Option<StmtId> {
        self.successors(id).iter().find_map(|e| match e.to {
            Node::Stmt(t) if e.kind == kind => Some(t),
            _ => None,
        })
    }

    /// Number of statements the graph covers.
    pub fn len(&self) -> usize {
        self.succ_start.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn resolution(&self, id: StmtId) -> Option<&Resolution> {
        self.jumps.get(id.index()).and_then(Option::as_ref)
    }

    /// Nodes reachable from `entry` following edges accepted by `keep`.
    pub fn reach_from(&self, entry: Node, keep: impl Fn(StmtId, &Edge) -> bool) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut hub_seen = false;
        let mut stack = Vec::new();
        let visit = |n: Node, seen: &mut Vec<bool>, stack: &mut Vec<StmtId>| {
            if let Node::Stmt(t) = n {
                if t.index() < seen.len() && !seen[t.index()] {
                    seen[t.index()] = true;
                    stack.push(t);
                }
            }
        };
        visit(entry, &mut seen, &mut stack);
        while let Some(id) = stack.pop() {
            for e in self.successors(id) {
                if !keep(id, e) {
                    continue;
                }
                if e.to == Node::AnyLabel {
                    // The hub is expanded once, however many dynamic jumps reach it.
                    if !hub_seen {
                        hub_seen = true;
                        for t in &self.label_targets {
                            visit(*t, &mut seen, &mut stack);
                        }
                    }
                } else {
                    visit(e.to, &mut seen, &mut stack);
                }
            }
        }
        seen
    }
}

/// The bytes of a word with quotes removed and carets unescaped (a caret keeps the byte after
/// it), without building them.
fn word_bytes<'s>(source: &'s Source, w: &Word) -> impl Iterator<Item = u8> + 's {
    let mut bytes = source.slice(w.span).iter();
    std::iter::from_fn(move || loop {
        match *bytes.next()? {
            b'"' => {}
            b'^' => {
                if let Some(&n) = bytes.next() {
                    return Some(n);
                }
            }
            b => return Some(b),
        }
    })
}

/// The word's text (quotes and carets removed, see [`word_bytes`]) is `lower`, ASCII case
/// folded.
fn word_is_ci(source: &Source, w: &Word, lower: &[u8]) -> bool {
    word_bytes(source, w)
        .map(|b| b.to_ascii_lowercase())
        .eq(lower.iter().copied())
}

/// The result of an `if` that compares two fixed words with `==` (`if ans==n`, where the
/// author meant `%ans%`; `if /i Yes==yes`), `not` applied: the words are plain text (letters,
/// digits, `_`, `-`, `.`), so no expansion, quote or caret can change them. `None` for any
/// other test.
pub fn constant_test(source: &Source, ifs: &crate::syntax::ast::If) -> Option<bool> {
    let (lhs, rhs) = ifs.condition.string_eq()?;
    let (l, r) = (source.slice(lhs.span), source.slice(rhs.span));
    // `if errorlevel==1`: cmd.exe compares the word, but COMMAND.COM reads `=` as a
    // delimiter and tests the exit code. Left unknown.
    if !plain_word(l) || !plain_word(r) || names_if_test(l) {
        return None;
    }
    let equal = if ifs.case_insensitive.is_some() {
        l.eq_ignore_ascii_case(r)
    } else {
        l == r
    };
    Some(equal != ifs.not.is_some())
}

/// A fixed word of letters, digits, `_`, `-` and `.`: no expansion, quote or caret.
pub fn plain_word(b: &[u8]) -> bool {
    !b.is_empty()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
}

/// One of IF's own test words (`errorlevel`, `exist`, `defined`, `cmdextversion`), which
/// COMMAND.COM reads as the test, not as a compared string.
pub fn names_if_test(b: &[u8]) -> bool {
    [
        b"errorlevel".as_slice(),
        b"exist",
        b"defined",
        b"cmdextversion",
    ]
    .iter()
    .any(|k| b.eq_ignore_ascii_case(k))
}

/// The condition is false wherever `%OS%` is empty, as on Windows 9x: `"%OS%"=="Windows_NT"`
/// (any quoting, spacing, `/i` or case) or `%OS%` compared with any other fixed, non-empty
/// text. The caller applies `not`.
pub fn os_test_is_nt(source: &Source, cond: &Condition) -> bool {
    let Condition::Compare { lhs, op, rhs, .. } = cond else {
        return false;
    };
    if !matches!(op, CmpOp::EqEq | CmpOp::Equ) {
        return false;
    }
    // Windows 9x defines no OS variable: `%OS%` is empty there, so a compare with any
    // other fixed text (`Windows_NT`, the `WINNT` some scripts also test) is false on it.
    let fixed = |w: &Word| {
        let mut bytes = word_bytes(source, w).peekable();
        bytes.peek().is_some() && bytes.all(|b| b != b'%' && b != b'!')
    };
    (word_is_ci(source, lhs, b"%os%") && fixed(rhs))
        || (word_is_ci(source, rhs, b"%os%") && fixed(lhs))
}

/// The script sets a variable named `OS` itself (`set OS=64BIT`): its `%OS%` tests read
/// that value, not the one Windows NT defines, and say nothing about the client's system.
pub fn script_sets_os(source: &Source, script: &Script) -> bool {
    use crate::syntax::ast::SetKind;
    script.stmts.iter().any(|st| match &st.kind {
        StmtKind::Set(set) if matches!(set.kind, SetKind::Assign | SetKind::Prompt) => set
            .name
            .is_some_and(|n| source.slice(n).trim_ascii().eq_ignore_ascii_case(b"os")),
        _ => false,
    })
}

/// The condition is true exactly on Windows 9x: the RubyGems stub's `"%~f0" == "~f0"` (any
/// `%~` modifiers of `%0`…`%9`, any quoting). cmd.exe expands `%~f0` to a path, so the
/// compare is false there; COMMAND.COM knows no `%~`, drops the line's only `%`, and
/// compares `~f0` with itself. (Another `%` on the line would pair with the first on
/// COMMAND.COM, so the test is read only on a line with a single `%`.) The caller applies
/// `not`.
pub fn os_test_is_9x(source: &Source, cond: &Condition) -> bool {
    let Condition::Compare { lhs, op, rhs, .. } = cond else {
        return false;
    };
    if !matches!(op, CmpOp::EqEq | CmpOp::Equ) {
        return false;
    }
    let arg_tilde = |pct: &Word, bare: &Word| {
        // Most compares have no `%~` at all: decided before anything is gathered.
        if memchr::memmem::find(source.slice(pct.span), b"%~").is_none() {
            return false;
        }
        let p: Vec<u8> = word_bytes(source, pct).collect();
        let b: Vec<u8> = word_bytes(source, bare).collect();
        p.len() >= 4
            && p[0] == b'%'
            && p[1..].eq_ignore_ascii_case(&b)
            && b[0] == b'~'
            && b[b.len() - 1].is_ascii_digit()
            && b[1..b.len() - 1].iter().all(u8::is_ascii_alphabetic)
    };
    if !(arg_tilde(lhs, rhs) || arg_tilde(rhs, lhs)) {
        return false;
    }
    let line = source.line_span(source.line_of(lhs.span.start()));
    // (Stops at the second `%`: a long line of such tests costs each one a short scan.)
    memchr::memchr_iter(b'%', source.slice(line))
        .take(2)
        .count()
        == 1
}

/// The command name `name` (as written) runs a batch file: a `.bat` or `.cmd` name, or SMSLS
/// (the SMS logon-script helper, run by bare name or as `%0\..\SMSLS`). Run without CALL,
/// it never returns to the script.
pub fn runs_batch_file(name: &[u8]) -> bool {
    // Most command names end in another letter: `…bat`, `…cmd` and `smsls` end in t, d or
    // s (a quote or caret may follow them, and `smsls.` in a dot).
    if !matches!(
        name.last().map(u8::to_ascii_lowercase),
        Some(b't' | b'd' | b's' | b'.' | b'"' | b'^')
    ) {
        return false;
    }
    // cmd.exe ends an unquoted command name at `/` (the switch character): `./setup.bat`
    // runs `.` ("'.' is not recognized …") and the script goes on.
    let mut quoted = false;
    for &b in name {
        match b {
            b'"' => quoted = !quoted,
            b'/' if !quoted => return false,
            _ => {}
        }
    }
    let file = file_name(name);
    program_file_name_is(file, b"smsls")
        || program_file_name_is(file, b"smsls.")
        || program_ext_is(file, b"bat")
        || program_ext_is(file, b"cmd")
}

/// Where execution continues after a label on physical line `line`: the first statement
/// starting on or after that line (`End` when none does).
pub fn label_node(source: &Source, script: &Script, line: usize) -> Node {
    let start = source
        .line_starts()
        .get(line.saturating_sub(1))
        .copied()
        .unwrap_or(usize::MAX);
    let i = script.stmts.partition_point(|s| s.span.start() < start);
    if i < script.stmts.len() {
        Node::Stmt(StmtId(i as u32))
    } else {
        Node::End
    }
}

/// For every statement, the next one in its sequence: the top level, a block body, a `for`
/// body, or the then/else side of an `if` (the else side from its `else` on). With `first`
/// (one slot per statement), also the first statement of each container's sequences: for an
/// `if`, (then, else); for a block or `for`, `.0`. Children in source order are the arena
/// order, so one pass links them. Linear time.
pub(crate) fn link_sequences(
    script: &Script,
    mut first: Option<&mut [(Option<StmtId>, Option<StmtId>)]>,
) -> Vec<Option<StmtId>> {
    let n = script.stmts.len();
    let mut next: Vec<Option<StmtId>> = vec![None; n];
    for w in script.top.windows(2) {
        if let Some(slot) = next.get_mut(w[0].index()) {
            *slot = Some(w[1]);
        }
    }
    // Last child seen per parent, then side and else side; `NONE` for none yet.
    const NONE: u32 = u32::MAX;
    let mut last: Vec<[u32; 2]> = Vec::new();
    for id in script.ids() {
        let Some(p) = script.stmt(id).parent() else {
            continue;
        };
        if p.index() >= n || p.index() == id.index() {
            continue;
        }
        let else_side = match &script.stmt(p).kind {
            StmtKind::If(i) => i
                .else_
                .is_some_and(|(kw, _)| script.stmt(id).span.start() >= kw.start()),
            _ => false,
        };
        if last.is_empty() {
            last = vec![[NONE; 2]; n];
        }
        let slot = &mut last[p.index()][usize::from(else_side)];
        if *slot != NONE {
            next[*slot as usize] = Some(id);
        } else if let Some(first) = first.as_deref_mut() {
            let f = &mut first[p.index()];
            *(if else_side { &mut f.1 } else { &mut f.0 }) = Some(id);
        }
        *slot = id.0;
    }
    next
}

struct Builder<'a> {
    source: &'a Source,
    script: &'a Script,
    labels: &'a LabelIndex,
    /// The statement after each one in its sequence, or what follows its container.
    after: Vec<Node>,
    /// First statement of each container's sequences: for `If`, (then, else); `Block`/`For`
    /// use `.0`.
    first: Vec<(Option<StmtId>, Option<StmtId>)>,
    /// The statement before each one in its sequence.
    prev: Vec<Option<StmtId>>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a Source, script: &'a Script, labels: &'a LabelIndex) -> Self {
        let n = script.stmts.len();
        Builder {
            source,
            script,
            labels,
            after: vec![Node::End; n],
            first: vec![(None, None); n],
            prev: vec![None; n],
        }
    }

    /// Split children into sequences and compute `after` for every statement, in index
    /// order (a parent always precedes its children in the arena). Returns the next
    /// statement of each one's sequence.
    fn sequences(&mut self) -> Vec<Option<StmtId>> {
        let next = link_sequences(self.script, Some(&mut self.first));
        for (i, nx) in next.iter().enumerate() {
            if let Some(s) = nx {
                self.prev[s.index()] = Some(StmtId(i as u32));
            }
        }
        for (i, nx) in next.iter().enumerate() {
            self.after[i] = match nx {
                Some(s) => Node::Stmt(*s),
                None => match self.script.stmts[i].parent() {
                    Some(p) if p.index() < i => self.after[p.index()],
                    _ => Node::End,
                },
            };
        }
        next
    }

    /// For every statement: it, or a statement it is nested in, is one side of a pipe
    /// (`a.bat | more`, `( … ) | tee.bat log`). Each side runs in a child cmd.exe (`cmd /c`),
    /// where a batch file run without CALL returns when it ends, so the script goes on. One
    /// pass in source order (a parent comes before what it holds).
    fn piped(&self, seq_next: &[Option<StmtId>]) -> Vec<bool> {
        let mut piped = vec![false; self.script.stmts.len()];
        for (i, stmt) in self.script.stmts.iter().enumerate() {
            let id = StmtId(i as u32);
            let left_of_pipe = seq_next.get(i).copied().flatten().is_some_and(|b| {
                self.prev[b.index()] == Some(id) && self.script.stmt(b).connector == Connector::Pipe
            });
            let in_piped_parent = stmt
                .parent()
                .is_some_and(|p| p.index() < i && piped[p.index()]);
            piped[i] = stmt.connector == Connector::Pipe || left_of_pipe || in_piped_parent;
        }
        piped
    }

    /// The line a jump searches from: the last line of its top-level logical line (cmd.exe
    /// has read the whole line or block before it runs any of it).
    fn jump_line(&self, id: StmtId) -> usize {
        let mut top = id;
        let mut guard = 0usize;
        while let Some(p) = self.script.stmt(top).parent() {
            if p.index() >= top.index() || guard > self.script.stmts.len() {
                break;
            }
            top = p;
            guard += 1;
        }
        let span = self.script.stmt(top).span;
        self.source
            .line_of(span.end().saturating_sub(1).max(span.start()))
    }

    /// Where execution continues after the label on physical line `line`.
    fn label_target(&self, line: usize) -> Node {
        label_node(self.source, self.script, line)
    }

    fn resolve(&self, id: StmtId, target: &JumpTarget) -> Resolution {
        match target {
            JumpTarget::Eof => Resolution::Eof,
            JumpTarget::Missing => Resolution::Missing,
            JumpTarget::Dynamic { .. } => Resolution::Dynamic,
            JumpTarget::Label { key, .. } => {
                let from = self.jump_line(id);
                // The next definition after the jump, else the first (cmd.exe's search).
                let def = self
                    .labels
                    .resolve_index(key, from, Profile::Nt)
                    .and_then(|d| Some((d, self.labels.defs.get(d)?)));
                match def {
                    Some((i, d)) => Resolution::Label {
                        def: i,
                        to: self.label_target(d.line),
                    },
                    None => Resolution::Unresolved,
                }
            }
        }
    }

    fn build(mut self) -> Flow {
        let seq_next = self.sequences();
        let n = self.script.stmts.len();
        let mut edges: Vec<Edge> = Vec::with_capacity(n + n / 2);
        let mut succ_start: Vec<u32> = Vec::with_capacity(n + 1);
        succ_start.push(0);
        let mut jumps: Vec<Option<Resolution>> = vec![None; n];
        let mut nt_edges = Vec::new();
        // Every label target, for dynamic gotos (they may go anywhere).
        // A separator label (`:_`, `:----`, `:////`: no letter or digit) is no entry point
        // a caller names.
        let all_labels: Vec<Node> = {
            let mut v: Vec<Node> = self
                .labels
                .defs
                .iter()
                .filter(|d| {
                    d.folded
                        .iter()
                        .any(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
                })
                .map(|d| self.label_target(d.line))
                .collect();
            v.sort_by_key(|n| match n {
                Node::Stmt(s) => s.0,
                Node::End | Node::AnyLabel => u32::MAX,
            });
            v.dedup();
            v
        };
        let edge = |to: Node, kind: EdgeKind| Edge { to, kind };
        // Logical lines: a top-level statement and everything joined to it by `&`, `&&`,
        // `||`, `|` or nested in it. A GOTO with no target or a missing label finishes its
        // logical line (and block), then leaves the batch context (§1.9, T36): the rest of
        // its line still runs, the next line does not.
        let group = self.logical_lines();
        let mut fails_at: Vec<u32> = vec![u32::MAX; n + 1];
        let conditional = self.conditional_in_line();
        // A GOTO to a missing label and a batch file run without CALL leave the batch
        // context once their logical line is done: the rest of the line runs, the next line
        // does not. Marks the line (statements before `i` on it are not affected: the check
        // below reads `fails_at` only for this one and later ones) and gives the edge out.
        let leave_after_line = |i: usize, after: Node, fails_at: &mut [u32]| {
            let gi = group[i] as usize;
            if !conditional[i] && (i as u32) < fails_at[gi] {
                fails_at[gi] = i as u32;
            }
            match after {
                Node::Stmt(t) if group[t.index()] == group[i] => edge(after, EdgeKind::Next),
                _ => edge(Node::End, EdgeKind::Jump),
            }
        };
        let mut call_dispatch = false;
        let mut chained = Vec::new();
        // [`script_sets_os`], found at the first `%OS%` test.
        let own_os = std::cell::OnceCell::new();
        // [`Builder::piped`], made at the first batch file run without CALL.
        let piped = std::cell::OnceCell::new();
        // [`Builder::exit_variables`], made at the first command word that is a variable.
        let exit_vars = std::cell::OnceCell::new();
        let mut hub_used = false;
        // Jump names found in a variable's text (`hidden_jumps_at`), reused per statement.
        let mut hidden: Vec<Node> = Vec::new();
        for id in self.script.ids() {
            let i = id.index();
            let stmt = self.script.stmt(id);
            let after = self.after[i];
            let start = edges.len();
            let out = &mut edges;
            match &stmt.kind {
                StmtKind::Goto(g) => {
                    let r = self.resolve(id, &g.target);
                    match &r {
                        Resolution::Label { to, .. } => out.push(edge(*to, EdgeKind::Jump)),
                        Resolution::Eof => out.push(edge(Node::End, EdgeKind::Jump)),
                        Resolution::Dynamic => {
                            out.push(edge(Node::AnyLabel, EdgeKind::Jump));
                            out.push(edge(Node::End, EdgeKind::Jump));
                        }
                        // The `(goto) 2>nul & del "%~f0"` idiom.
                        Resolution::Missing | Resolution::Unresolved => {
                            out.push(leave_after_line(i, after, &mut fails_at))
                        }
                    }
                    jumps[i] = Some(r);
                }
                StmtKind::Call(c) => {
                    if let CallTarget::Label { target, .. } = &c.target {
                        let r = self.resolve(id, target);
                        match &r {
                            Resolution::Label { to, .. } => out.push(edge(*to, EdgeKind::Call)),
                            Resolution::Dynamic => out.push(edge(Node::AnyLabel, EdgeKind::Call)),
                            _ => {}
                        }
                        jumps[i] = Some(r);
                    }
                    // `call %*`, `call %~1 args`, `for … do call %%#`: the caller names the
                    // target, which may be any `:label` of the file (a dispatcher).
                    if let CallTarget::External { program, .. } = &c.target {
                        if self.is_dispatch(program) {
                            out.push(edge(Node::AnyLabel, EdgeKind::Call));
                            call_dispatch = true;
                        }
                    }
                    out.push(edge(after, EdgeKind::Next));
                }
                StmtKind::Exit(_) => out.push(edge(Node::End, EdgeKind::Next)),
                // `%RETURN%` where every `set RETURN=` of the file gives `exit /b`.
                StmtKind::Simple(sc)
                    if sc.name.dynamic
                        && self.exits_by_variable(sc, &exit_vars)
                        && !piped.get_or_init(|| self.piped(&seq_next))[i] =>
                {
                    out.push(edge(Node::End, EdgeKind::Next))
                }
                StmtKind::If(ifs) => {
                    let (then_first, else_first) = self.first[i];
                    let then_to = then_first.map(Node::Stmt).unwrap_or(after);
                    let else_to = else_first.map(Node::Stmt).unwrap_or(after);
                    let t = edge(then_to, EdgeKind::Then);
                    let e = edge(else_to, EdgeKind::Else);
                    // `if ans==n goto EOF` (the `%` forgotten) compares two fixed words:
                    // only one side is ever taken.
                    match constant_test(self.source, ifs) {
                        Some(true) => out.push(t),
                        Some(false) => out.push(e),
                        None => {
                            out.push(t);
                            out.push(e);
                        }
                    }
                    if os_test_is_nt(self.source, &ifs.condition)
                        && !*own_os.get_or_init(|| script_sets_os(self.source, self.script))
                    {
                        nt_edges.push((id, if ifs.not.is_some() { e } else { t }));
                    } else if os_test_is_9x(self.source, &ifs.condition) {
                        nt_edges.push((id, if ifs.not.is_some() { t } else { e }));
                    }
                }
                StmtKind::For(_) => {
                    let body = self.first[i].0.map(Node::Stmt).unwrap_or(after);
                    out.push(edge(body, EdgeKind::LoopBody));
                    out.push(edge(after, EdgeKind::Skip));
                }
                StmtKind::Block(_) => {
                    let body = self.first[i].0.map(Node::Stmt).unwrap_or(after);
                    out.push(edge(body, EdgeKind::Next));
                }
                // A batch file run without CALL takes over the batch context: like a failing
                // GOTO, the rest of its logical line runs, then the script is left.
                StmtKind::Simple(sc)
                    if runs_batch_file(self.source.slice(sc.name.span))
                        && !piped.get_or_init(|| self.piped(&seq_next))[i] =>
                {
                    chained.push((id, after));
                    out.push(leave_after_line(i, after, &mut fails_at));
                }
                _ => out.push(edge(after, EdgeKind::Next)),
            }
            // `a && b` / `a || b`: b may not run, an extra edge out of `a` (after its own).
            // An `exit` never completes, so nothing after it on the line or below it runs
            // (`… & exit /b ||#>` opens the PowerShell half of a hybrid script).
            if let Some(b) = seq_next[i] {
                if self.prev[b.index()] == Some(id)
                    && !matches!(stmt.kind, StmtKind::Exit(_))
                    && matches!(
                        self.script.stmt(b).connector,
                        Connector::AndAnd | Connector::OrOr
                    )
                {
                    let skip = edge(self.after[b.index()], EdgeKind::Skip);
                    if !edges[start..].contains(&skip) {
                        edges.push(skip);
                    }
                }
            }
            self.hidden_jumps_at(id, &mut hidden);
            for &to in &hidden {
                let e = edge(to, EdgeKind::Hidden);
                if !edges[start..].contains(&e) {
                    edges.push(e);
                }
            }
            hub_used |= edges[start..].iter().any(|e| e.to == Node::AnyLabel);
            // After a failing GOTO earlier on this logical line, leaving the line leaves
            // the batch context.
            if fails_at[group[i] as usize] <= id.0 {
                for e in &mut edges[start..] {
                    if let Node::Stmt(t) = e.to {
                        if group[t.index()] != group[i] {
                            e.to = Node::End;
                        }
                    }
                }
            }
            // At most a few edges a statement, and fewer than 2^32 statements.
            succ_start.push(u32::try_from(edges.len()).unwrap_or(u32::MAX));
        }
        let entry = self
            .script
            .top
            .first()
            .map(|s| Node::Stmt(*s))
            .unwrap_or(Node::End);
        let mut flow = Flow {
            entry: Some(entry),
            edges,
            succ_start,
            nt_edges,
            jumps,
            reachable: Vec::new(),
            win9x_reachable: Vec::new(),
            end_reachable: false,
            label_targets: all_labels,
            runs: Vec::new(),
            run_segments: Vec::new(),
            reads_itself: reads_itself(self.source),
            call_dispatch,
            chained,
            seq_next,
            nt_guards: std::sync::OnceLock::new(),
            nt_reachable: std::sync::OnceLock::new(),
            win9x_runs: std::sync::OnceLock::new(),
        };
        flow.reachable = flow.reach_from(entry, |_, _| true);
        flow.runs = self.runs(&flow, hub_used);
        flow.run_segments = self.run_segments(&flow.runs);
        flow.win9x_reachable = if flow.nt_edges.is_empty() {
            // No edge to cut: the walk would find `reachable` again.
            flow.reachable.clone()
        } else {
            // `nt_edges` is in statement order (pushed in the loop above).
            let nt = &flow.nt_edges;
            let cut = |from: StmtId, e: &Edge| {
                nt[nt.partition_point(|x| x.0 < from)..]
                    .iter()
                    .take_while(|x| x.0 == from)
                    .any(|x| x.1 == *e)
            };
            flow.reach_from(entry, |from, e| !cut(from, e))
        };
        flow.end_reachable = entry == Node::End
            || (0..flow.len()).any(|i| {
                flow.reachable[i]
                    && flow
                        .successors(StmtId(i as u32))
                        .iter()
                        .any(|e| e.to == Node::End)
            });
        flow
    }

    /// The logical line of every statement: top-level statements joined by a connector
    /// share one, and a nested statement has its top-level ancestor's. One extra slot
    /// (index `n`) stays unused so every value indexes a vector of `n + 1`.
    fn logical_lines(&self) -> Vec<u32> {
        let n = self.script.stmts.len();
        let mut group: Vec<u32> = (0..n as u32).collect();
        let mut cur = u32::MAX;
        for &t in &self.script.top {
            let s = self.script.stmt(t);
            if cur == u32::MAX || s.connector == Connector::None {
                cur = t.0;
            }
            if let Some(g) = group.get_mut(t.index()) {
                *g = cur;
            }
        }
        for i in 0..n {
            if let Some(p) = self.script.stmts[i].parent() {
                if p.index() < i {
                    group[i] = group[p.index()];
                }
            }
        }
        group
    }

    /// For every statement: it runs only under a condition within its logical line (an IF
    /// above it, or after `&&` / `||`, itself or an ancestor). Linear: parents come first.
    fn conditional_in_line(&self) -> Vec<bool> {
        let n = self.script.stmts.len();
        let mut cond = vec![false; n];
        for i in 0..n {
            let s = &self.script.stmts[i];
            let own = matches!(s.connector, Connector::AndAnd | Connector::OrOr);
            let inherited = s.parent().is_some_and(|p| {
                p.index() < i
                    && (cond[p.index()]
                        || matches!(self.script.stmts[p.index()].kind, StmtKind::If(_)))
            });
            cond[i] = own || inherited;
        }
        cond
    }

    /// `call %*`, `call %~1`, `call %var%`, `call %%#`, `call !x!`: a CALL whose program is
    /// only an expansion may be handed `:label` by its caller. `call %0` (the script itself)
    /// is no dispatch.
    fn is_dispatch(&self, program: &Word) -> bool {
        if program.quoted || !program.dynamic {
            return false;
        }
        let text = self.source.slice(program.span);
        let exps = self.script.expansions_in(program.span);
        let Some(first) = exps.first() else {
            return false;
        };
        if first.span.start() != program.span.start()
            || exps.last().map(|e| e.span.end()) != Some(program.span.end())
        {
            return false;
        }
        // Contiguous atoms, none of them `%0` / `%~dp0`.
        let mut pos = program.span.start();
        for e in exps {
            if e.span.start() != pos {
                return false;
            }
            pos = e.span.end();
            let atom = self.source.slice(e.span);
            if matches!(e.kind, ExpansionKind::Arg | ExpansionKind::ArgModifier)
                && atom.last() == Some(&b'0')
            {
                return false;
            }
            if matches!(e.kind, ExpansionKind::Percent | ExpansionKind::Lone) {
                return false;
            }
        }
        !text.is_empty()
    }

    /// A command that is one variable (`%RETURN%`, arguments allowed) whose every assignment in
    /// the file ends the script or the subroutine (`set "RETURN=exit /b"`,
    /// `set ret=goto :eof`): the variable ends the script there as the command it holds does.
    /// A variable the file never sets is unknown (its caller may set it).
    fn exits_by_variable(
        &self,
        sc: &crate::syntax::ast::Simple,
        exit_vars: &std::cell::OnceCell<rustc_hash::FxHashMap<Vec<u8>, bool>>,
    ) -> bool {
        let word = self.source.slice(sc.name.span);
        let Some(name) = word
            .strip_prefix(b"%")
            .and_then(|w| w.strip_suffix(b"%"))
            .filter(|n| !n.is_empty() && !n.iter().any(|b| b"%:~!\"^".contains(b)))
        else {
            return false;
        };
        let vars = exit_vars.get_or_init(|| self.exit_variables());
        vars.get(name.to_ascii_uppercase().as_slice()) == Some(&true)
    }

    /// Each variable the file assigns (its name in upper case), and whether every assignment
    /// gives a command that ends the script or subroutine: `exit` or `goto :eof`.
    fn exit_variables(&self) -> rustc_hash::FxHashMap<Vec<u8>, bool> {
        let mut out: rustc_hash::FxHashMap<Vec<u8>, bool> = Default::default();
        for stmt in &self.script.stmts {
            let StmtKind::Set(set) = &stmt.kind else {
                continue;
            };
            let Some(name) = set.name else { continue };
            let name = self.source.slice(name).to_ascii_uppercase();
            let exits = matches!(set.kind, crate::syntax::ast::SetKind::Assign)
                && set
                    .value
                    .is_some_and(|v| value_ends_script(self.source.slice(v)));
            *out.entry(name).or_insert(true) &= exits;
        }
        out
    }

    /// Jumps written inside text that a variable carries to the command line later: the
    /// value of a `set`, or a command whose first word is a variable (`%_Nul3% call :sub`,
    /// `%nul% && %nul% call :x`). Each `call :name` / `goto name` found there gives an
    /// edge to the label, so the subroutine is not dead code. Those of statement `id`, in
    /// `out` (cleared first).
    fn hidden_jumps_at(&self, id: StmtId, out: &mut Vec<Node>) {
        out.clear();
        let stmt = self.script.stmt(id);
        let span = match &stmt.kind {
            StmtKind::Set(set) => match set.value {
                Some(v) => v,
                None => return,
            },
            StmtKind::Simple(sm) if sm.name.dynamic => stmt.span,
            _ => return,
        };
        let names = jump_names_in(self.source.slice(span));
        if names.is_empty() {
            return;
        }
        let line = self.source.line_of(span.start());
        for name in names {
            if let Some(d) = self
                .labels
                .resolve_index(&name, line, Profile::Nt)
                .and_then(|d| self.labels.defs.get(d))
            {
                out.push(self.label_target(d.line));
            }
        }
    }

    /// Which statements are batch code that runs (see [`Flow::runs`]). A region (a run of
    /// statements split at labels) is a payload, not code, when:
    /// - only the [`Node::AnyLabel`] hub reaches it, and either the file reads itself and the
    ///   region does not read as batch (PowerShell after `:ps:`, XML, JScript), or the region
    ///   plainly is another language (its first line and most of the rest are no batch);
    /// - only the hub reaches it and its label is handed, by name, to a reader of the file's
    ///   own text (`call :render "%~f0" "tpl.demo"`): a template read as text;
    /// - the file reads itself, the region is entered only by falling through a statement
    ///   that exits on one of its branches (`choice …` then `if errorlevel 1 (exit /b) else
    ///   (rem.)`) and it does not read as batch (`<package>` after it).
    fn runs(&self, flow: &Flow, hub_used: bool) -> Vec<bool> {
        let n = self.script.stmts.len();
        let mut runs = flow.reachable.clone();
        runs.resize(n, false);
        let is_label = |i: usize| matches!(self.script.stmts[i].kind, StmtKind::Label(_));
        let region_end = |start: usize, keep: &dyn Fn(usize) -> bool| {
            let mut i = start + 1;
            while i < n && keep(i) && !is_label(i) {
                i += 1;
            }
            i
        };
        // Without an edge into the hub, every statement that runs is reached directly: no
        // region to look at.
        if !flow.label_targets.is_empty() && hub_used {
            let direct = flow.reach_from(flow.entry.unwrap_or(Node::End), |_, e| {
                e.to != Node::AnyLabel
            });
            let direct_at = |i: usize| direct.get(i).copied().unwrap_or(false);
            // Built on first use: most files have no region only the hub reaches.
            let text_read = std::cell::OnceCell::new();
            // Regions: runs of statements reached only through the hub, split at labels.
            let mut i = 0;
            while i < n {
                if !runs[i] || direct_at(i) {
                    i += 1;
                    continue;
                }
                let start = i;
                i = region_end(start, &|k| runs[k] && !direct_at(k));
                let ids = (start..i).map(|k| StmtId(k as u32));
                let region = readings(self.source, self.script, ids);
                let data = if flow.reads_itself {
                    !batch_reading(region)
                } else {
                    foreign_reading(region)
                };
                let template = self.label_before(start).is_some_and(|k| {
                    text_read
                        .get_or_init(|| self.labels_read_as_text())
                        .contains(&k)
                });
                if data || template {
                    runs[start..i].iter_mut().for_each(|r| *r = false);
                }
            }
        }
        if flow.reads_itself {
            self.payload_after_exit_branch(&mut runs);
        }
        runs
    }

    /// The folded name of the label statement right before `start`, if `start` follows one.
    fn label_before(&self, start: usize) -> Option<Vec<u8>> {
        let at = match self.script.stmts.get(start)?.kind {
            StmtKind::Label(_) => start,
            _ => start.checked_sub(1)?,
        };
        let s = self.script.stmts.get(at)?;
        match &s.kind {
            StmtKind::Label(l) => Some(self.source.slice(l.name).to_ascii_lowercase()),
            _ => None,
        }
    }

    /// Names the file hands, as arguments, to a reader of its own text: every word on a line
    /// that names the script itself (`%~f0`, `%~dpnx0`) and is not a jump target
    /// (`call :render "%~f0" "tpl.demo"` reads the lines under `:tpl.demo`). Folded like
    /// label names.
    fn labels_read_as_text(&self) -> rustc_hash::FxHashSet<Vec<u8>> {
        labels_read_as_text(self.source.bytes())
    }
}

/// [`Builder::labels_read_as_text`] on the file's bytes.
fn labels_read_as_text(bytes: &[u8]) -> rustc_hash::FxHashSet<Vec<u8>> {
    let mut out = rustc_hash::FxHashSet::default();
    // The lines holding `~f0`, `x0%"` or `nx0"` (any case; `~f0%` contains `~f0`): one
    // scan for their `0`, each line taken once.
    let mut done_to = 0;
    for at in memchr::memchr_iter(b'0', bytes) {
        if at < done_to || !names_self_at(bytes, at) {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        done_to = end;
        let line = &bytes[start..end];
        for word in line.split(|b| b" \t\"\r,;=".contains(b)) {
            if word.is_empty() || word[0] == b':' || word.contains(&b'%') {
                continue;
            }
            if word.iter().any(|b| b.is_ascii_alphabetic()) {
                out.insert(word.to_ascii_lowercase());
            }
        }
    }
    out
}

impl Builder<'_> {
    /// In a file that reads itself: a region after a top-level statement that exits on one of
    /// its branches and that no jump enters, which does not read as batch, is a payload.
    fn payload_after_exit_branch(&self, runs: &mut [bool]) {
        let n = self.script.stmts.len();
        let top = &self.script.top;
        for (k, &t) in top.iter().enumerate().skip(1) {
            let start = t.index();
            if !runs[start] || matches!(self.script.stmts[start].kind, StmtKind::Label(_)) {
                continue;
            }
            if self.script.stmts[start].connector != Connector::None {
                continue;
            }
            // The previous top-level statement on its own logical line.
            let prev = top[k - 1].index();
            if !matches!(self.script.stmts[prev].kind, StmtKind::If(_)) {
                continue;
            }
            let exits =
                (prev..start).any(|i| matches!(self.script.stmts[i].kind, StmtKind::Exit(_)));
            if !exits {
                continue;
            }
            // Up to the next label. (Not reading as batch is implied by reading as foreign:
            // both look at the first counted statement, which stops most regions at once.)
            let is_label = |i: usize| matches!(self.script.stmts[i].kind, StmtKind::Label(_));
            let region = std::iter::once(start)
                .chain((start + 1..n).take_while(|&i| !is_label(i)))
                .map(|i| StmtId(i as u32));
            if foreign_reading(readings(self.source, self.script, region)) {
                let end = (start + 1..n).find(|&i| is_label(i)).unwrap_or(n);
                runs[start..end].iter_mut().for_each(|r| *r = false);
            }
        }
    }

    /// The flat map of [`Flow::runs_at`]: one entry wherever the innermost statement
    /// around an offset changes. A stack sweep over statements in source order: linear.
    fn run_segments(&self, runs: &[bool]) -> Vec<(u32, bool)> {
        // Merged as they come while the offsets grow; in the (unexpected) case of an offset
        // going back, built again entry by entry, which [`Flow::runs_at`] then reads as it
        // always did.
        if runs.iter().all(|&r| r) {
            // Every answer is `true`: the first entry says it (none without statements).
            return self.script.stmts.first().map_or(Vec::new(), |s| {
                vec![(u32::try_from(s.span.start()).unwrap_or(u32::MAX), true)]
            });
        }
        self.run_segments_merged(runs, true)
            .unwrap_or_else(|| self.run_segments_merged(runs, false).unwrap_or_default())
    }

    /// [`Builder::run_segments`]; with `merge`, an entry with the value of the one before
    /// it is left out, and `None` when an offset goes back.
    fn run_segments_merged(&self, runs: &[bool], merge: bool) -> Option<Vec<(u32, bool)>> {
        let mut segs: Vec<(u32, bool)> = Vec::new();
        let mut last_offset = 0u32;
        // `false` when merging and `offset` goes back.
        let mut push = |segs: &mut Vec<(u32, bool)>, offset: usize, value: bool| {
            let offset = u32::try_from(offset).unwrap_or(u32::MAX);
            if merge {
                if offset < last_offset {
                    return false;
                }
                last_offset = offset;
                if segs.last().is_some_and(|s| s.1 == value) {
                    return true;
                }
            }
            segs.push((offset, value));
            true
        };
        let mut open: Vec<(usize, bool)> = Vec::new();
        let value = |i: usize| runs.get(i).copied().unwrap_or(false);
        // `Source::line_of` for the ends of top-level statements, which grow: a cursor over
        // the line starts (the count of starts at or before the offset) instead of a binary
        // search each, searched again should an end ever go back.
        let starts = self.source.line_starts();
        let mut cursor = 0usize;
        let mut line_of = |offset: usize| {
            if cursor > 0 && starts[cursor - 1] > offset {
                cursor = self.source.line_of(offset);
            }
            while cursor < starts.len() && starts[cursor] <= offset {
                cursor += 1;
            }
            cursor
        };
        let mut ok = true;
        for (i, s) in self.script.stmts.iter().enumerate() {
            while let Some(&(end, ended)) = open.last() {
                if end > s.span.start() {
                    break;
                }
                open.pop();
                match open.last() {
                    Some(o) => ok &= push(&mut segs, end, o.1),
                    None => {
                        // The rest of a top-level statement's line (text the parser could
                        // not place, after a closing `)`) belongs to that statement; the
                        // lines up to the next statement belong to the next one.
                        let line_end = self.source.line_span(line_of(end)).end();
                        if line_end > end && line_end <= s.span.start() {
                            ok &= push(&mut segs, end, ended);
                            ok &= push(&mut segs, line_end, value(i));
                        } else {
                            ok &= push(&mut segs, end, value(i));
                        }
                    }
                }
            }
            ok &= push(&mut segs, s.span.start(), value(i));
            if !ok {
                return None;
            }
            open.push((s.span.end().max(s.span.start() + 1), value(i)));
        }
        let last = runs.last().copied().unwrap_or(true);
        while let Some((end, _)) = open.pop() {
            ok &= push(&mut segs, end, open.last().map_or(last, |o| o.1));
        }
        ok.then_some(segs)
    }
}

/// A variable's value that, run as a command, ends the script or subroutine: `exit`
/// (`exit /b`, `exit/b 1`) or `goto :eof` (`goto:eof`), any case, after leading blanks.
fn value_ends_script(value: &[u8]) -> bool {
    let delim = |b: u8| matches!(b, b' ' | b'\t' | b',' | b';' | b'=');
    let v = value.trim_ascii_start();
    let word_end = |rest: &[u8]| rest.first().map_or(true, |&b| delim(b) || b == b'/');
    if v.len() >= 4 && v[..4].eq_ignore_ascii_case(b"exit") {
        return word_end(&v[4..]);
    }
    if v.len() >= 4 && v[..4].eq_ignore_ascii_case(b"goto") {
        let mut rest = &v[4..];
        while let Some((&b, tail)) = rest.split_first() {
            if !delim(b) {
                break;
            }
            rest = tail;
        }
        return rest.len() >= 4
            && rest[..4].eq_ignore_ascii_case(b":eof")
            && rest[4..].first().map_or(true, |&b| delim(b));
    }
    false
}

/// The `0` at `at` ends `~f0`, `x0%"` or `nx0"` (ASCII case folded): a name of the script
/// itself.
fn names_self_at(bytes: &[u8], at: usize) -> bool {
    let before = |k: usize| at.checked_sub(k).map(|i| bytes[i] | 0x20);
    let after = &bytes[at + 1..];
    (at >= 2 && bytes[at - 2] == b'~' && before(1) == Some(b'f'))
        || (before(1) == Some(b'x') && after.starts_with(b"%\""))
        || (before(2) == Some(b'n') && before(1) == Some(b'x') && after.starts_with(b"\""))
}

/// Label names after `call :` and `goto` (with or without the colon) in a piece of text,
/// as keys (carets removed). Dynamic names and `:eof` are left out.
fn jump_names_in(text: &[u8]) -> Vec<Vec<u8>> {
    // `goto` or `call` in any case: `| 0x20` folds exactly the two cases of each of their
    // letters (no other byte becomes one of them), four bytes at once.
    const GOTO: u32 = u32::from_le_bytes(*b"goto");
    const CALL: u32 = u32::from_le_bytes(*b"call");
    // Only where a `g` or a `c` starts (a vectorised search for either case of each).
    let at = |i: usize, word: u32| {
        text.get(i..i + 4)
            .is_some_and(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]) | 0x2020_2020 == word)
    };
    let mentions = memchr::memchr2_iter(b'g', b'G', text).any(|i| at(i, GOTO))
        || memchr::memchr2_iter(b'c', b'C', text).any(|i| at(i, CALL));
    if !mentions {
        return Vec::new();
    }
    let lower: Vec<u8> = text.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut out = Vec::new();
    let mut p = 0;
    while p + 4 <= lower.len() {
        let (kw, colon_needed) = if lower[p..].starts_with(b"goto") {
            (4, false)
        } else if lower[p..].starts_with(b"call") {
            (4, true)
        } else {
            p += 1;
            continue;
        };
        let word_start = p == 0 || !lower[p - 1].is_ascii_alphanumeric();
        p += kw;
        if !word_start {
            continue;
        }
        let mut q = p;
        while q < lower.len() && crate::syntax::parse::is_delim(lower[q]) {
            q += 1;
        }
        let colon = q < lower.len() && lower[q] == b':';
        if colon {
            q += 1;
        } else if colon_needed || q == p {
            continue;
        }
        let mut name = Vec::new();
        while q < lower.len() {
            let b = lower[q];
            if crate::syntax::parse::is_delim(b)
                || matches!(
                    b,
                    b':' | b'+' | b'&' | b'|' | b'<' | b'>' | b'\r' | b'\n' | b')' | b'"'
                )
            {
                break;
            }
            if matches!(b, b'%' | b'!') {
                name.clear();
                break;
            }
            if b != b'^' {
                name.push(b);
            }
            q += 1;
        }
        if !(name.is_empty() || colon && name == b"eof") {
            out.push(name);
        }
        p = q.max(p);
    }
    out
}

/// The file passes itself to another engine or reads its own text: `%~f0` (or `%~dpnx0`,
/// `%~nx0`…) together with `cscript`, `wscript`, `mshta`, `powershell`, `findstr`, `more`,
/// `ReadAllText`, `Get-Content`, `iexpress`, `makecab`, or a `?.wsf` self-reference.
pub fn reads_itself(source: &Source) -> bool {
    reads_itself_bytes(source.bytes())
}

/// The programs and calls that read a file named by `%~f0`, ASCII lower case.
const SELF_READERS: &[&[u8]] = &[
    b"cscript",
    b"wscript",
    b"mshta",
    b"powershell",
    b"pwsh",
    b"findstr",
    b"more +",
    b"readalltext",
    b"readalllines",
    b"get-content",
    b"iexpress",
    b"makecab",
];

/// [`reads_itself`] on bytes: one `memmem` pass for `%~`, no copy unless the file names
/// itself.
fn reads_itself_bytes(bytes: &[u8]) -> bool {
    static TILDE: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let tildes = TILDE
        .get_or_init(|| memchr::memmem::Finder::new(b"%~"))
        .find_iter(bytes);
    let mut tildes = tildes.peekable();
    // Cheap test first: no `%~…0` and no `?.wsf`, no self-reference.
    if tildes.peek().is_none() {
        return false;
    }
    let wsf = memchr::memchr_iter(b'?', bytes).any(|i| {
        bytes
            .get(i + 1..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b".wsf"))
    });
    if wsf {
        return true;
    }
    // `%~` modifiers naming the script's own file (f, or n with x). (Modifier letters hold
    // no `%`, so every `%~` is looked at.)
    let self_ref = tildes.any(|at| {
        let mut q = at + 2;
        let mut file = false;
        while q < bytes.len() && bytes[q].is_ascii_alphabetic() {
            file |= matches!(bytes[q] | 0x20, b'f' | b'n');
            q += 1;
        }
        file && bytes.get(q) == Some(&b'0')
    });
    if !self_ref {
        return false;
    }
    names_self_reader(bytes)
}

/// Some [`SELF_READERS`] name occurs in `bytes`, ASCII case folded: lower-cased a chunk at a
/// time on the stack (chunks overlap by more than the longest name), searched with finders
/// built once.
fn names_self_reader(bytes: &[u8]) -> bool {
    const CHUNK: usize = 8192;
    const OVERLAP: usize = 16;
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        SELF_READERS
            .iter()
            .map(|n| memchr::memmem::Finder::new(*n))
            .collect()
    });
    let mut buf = [0u8; CHUNK + OVERLAP];
    let mut start = 0;
    loop {
        let end = (start + CHUNK + OVERLAP).min(bytes.len());
        let chunk = &mut buf[..end - start];
        chunk.copy_from_slice(&bytes[start..end]);
        chunk.make_ascii_lowercase();
        if finders.iter().any(|f| f.find(chunk).is_some()) {
            return true;
        }
        if end == bytes.len() {
            return false;
        }
        start += CHUNK;
    }
}

/// The first words of lines that open another language's text in a hybrid script: the
/// JScript `@if (@X)==(@Y) @end` trick, comment and tag openers, PowerShell and INF/DDF
/// headers.
fn is_foreign_opener(line: &[u8]) -> bool {
    let t = match line
        .iter()
        .position(|b| !(b.is_ascii_whitespace() || *b == b'@'))
    {
        Some(i) => &line[i..],
        None => return false,
    };
    const OPENERS: &[&[u8]] = &[
        b"if (@",
        b"*/",
        b"/*",
        b"<",
        b"//",
        b"#",
        b"$",
        b"{",
        b"}",
        b"param(",
        b"param (",
        b"function ",
        b"[version]",
        b";;",
        b".set ",
        b"import ",
        b"from ",
        b"var ",
        b"-->",
        b"wscript.",
        b"write-host",
        b"try {",
        b"try{",
    ];
    // (The openers are lower case: a case-blind prefix test is `starts_with` on the
    // lowered line.)
    OPENERS
        .iter()
        .any(|o| t.get(..o.len()).is_some_and(|h| h.eq_ignore_ascii_case(o)))
}

/// Internal commands and common programs: a statement starting with one reads as batch.
const BATCH_WORDS: &[&[u8]] = &[
    b"assoc",
    b"attrib",
    b"bitsadmin",
    b"break",
    b"cacls",
    b"cd",
    b"certutil",
    b"chcp",
    b"chdir",
    b"choice",
    b"chkdsk",
    b"cls",
    b"cmd",
    b"color",
    b"comp",
    b"copy",
    b"cscript",
    b"date",
    b"del",
    b"dir",
    b"diskpart",
    b"dism",
    b"erase",
    b"expand",
    b"fc",
    b"find",
    b"findstr",
    b"forfiles",
    b"format",
    b"ftype",
    b"gpupdate",
    b"icacls",
    b"ipconfig",
    b"label",
    b"md",
    b"mkdir",
    b"mklink",
    b"mode",
    b"more",
    b"move",
    b"msiexec",
    b"net",
    b"netsh",
    b"nslookup",
    b"path",
    b"pause",
    b"ping",
    b"popd",
    b"powershell",
    b"prompt",
    b"pushd",
    b"rd",
    b"reg",
    b"regedit",
    b"regsvr32",
    b"ren",
    b"rename",
    b"rmdir",
    b"robocopy",
    b"rundll32",
    b"sc",
    b"schtasks",
    b"setx",
    b"shift",
    b"shutdown",
    b"sort",
    b"start",
    b"subst",
    b"takeown",
    b"taskkill",
    b"tasklist",
    b"time",
    b"timeout",
    b"title",
    b"type",
    b"ver",
    b"verify",
    b"vol",
    b"where",
    b"wmic",
    b"wscript",
    b"xcopy",
];

/// How one statement reads, for the batch-or-data tests: `None` for comments, labels and
/// blocks (not counted).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Batch,
    NotBatch,
    /// It opens another language's text (`<package>`, `/*`, `$x = …`).
    Foreign,
}

fn stmt_reading(source: &Source, stmt: &crate::syntax::ast::Stmt) -> Option<Reading> {
    let yes = match &stmt.kind {
        StmtKind::Comment(_) | StmtKind::Label(_) | StmtKind::Block(_) => return None,
        StmtKind::StrayClose | StmtKind::RedirectOnly => false,
        StmtKind::Simple(sm) => {
            let line_end = source
                .line_span(source.line_of(stmt.span.start()))
                .end()
                .max(stmt.span.start());
            let head = source.slice(Span::new(
                stmt.span.start(),
                line_end.min(stmt.span.end().max(stmt.span.start())),
            ));
            if is_foreign_opener(head) {
                return Some(Reading::Foreign);
            }
            let word = source.slice(sm.name.span);
            // `Date  Version  Machine` is a table header, `date /t` a command.
            let clock = word.eq_ignore_ascii_case(b"date") || word.eq_ignore_ascii_case(b"time");
            if clock {
                sm.args
                    .first()
                    .map_or(true, |a| source.slice(a.span).starts_with(b"/"))
            } else {
                sm.name.dynamic || command_word_is_batch(word)
            }
        }
        _ => {
            let line_end = source.line_span(source.line_of(stmt.span.start())).end();
            let head = source.slice(Span::new(
                stmt.span.start(),
                line_end.max(stmt.span.start()),
            ));
            if is_foreign_opener(head) {
                return Some(Reading::Foreign);
            }
            true
        }
    };
    Some(if yes {
        Reading::Batch
    } else {
        Reading::NotBatch
    })
}

/// The readings of the counted statements of `ids`, in order.
fn readings<'a>(
    source: &'a Source,
    script: &'a Script,
    ids: impl IntoIterator<Item = StmtId> + 'a,
) -> impl Iterator<Item = Reading> + 'a {
    ids.into_iter().filter_map(move |id| {
        script
            .stmts
            .get(id.index())
            .and_then(|s| stmt_reading(source, s))
    })
}

/// [`looks_like_batch`] over any run of statements; it stops at the first counted statement
/// that is no batch and at the first foreign one.
fn batch_reading(mut readings: impl Iterator<Item = Reading>) -> bool {
    if readings.next() != Some(Reading::Batch) {
        return false;
    }
    let (mut total, mut batch) = (1usize, 1usize);
    for r in readings {
        if r == Reading::Foreign {
            return false;
        }
        total += 1;
        batch += usize::from(r == Reading::Batch);
    }
    batch * 2 >= total
}

/// [`reads_as_foreign`] over any run of statements; it stops when the first counted statement
/// is batch.
fn foreign_reading(mut readings: impl Iterator<Item = Reading>) -> bool {
    match readings.next() {
        None | Some(Reading::Batch) => return false,
        Some(_) => {}
    }
    let (mut total, mut batch) = (1usize, 0usize);
    for r in readings {
        total += 1;
        batch += usize::from(r == Reading::Batch);
    }
    batch * 2 < total
}

/// Does a run of statements read as batch code rather than as data (prose, tables, art,
/// another language's text)? Yes when no statement opens a foreign language, the first
/// counted statement is batch-like, and at least half of them are. Batch-like: a cmd.exe
/// keyword statement (`set`, `if`, `for`, `goto`, `call`, `echo`, `exit`, `setlocal`…), or a
/// command word that is an internal command or common program, a variable, or a path or
/// file name of a program (`.exe`/`.com`/`.bat`/`.cmd`, or a path without extension). Comments and labels do not count.
pub fn looks_like_batch(source: &Source, script: &Script, ids: &[StmtId]) -> bool {
    batch_reading(readings(source, script, ids.iter().copied()))
}

/// Is a run of statements plainly another language, even in a file that does not read
/// itself (test data, a Python or PowerShell listing under a label)? Yes when its first
/// counted statement opens a foreign language or is no batch, and fewer than half of the
/// counted statements read as batch.
pub fn reads_as_foreign(source: &Source, script: &Script, ids: &[StmtId]) -> bool {
    foreign_reading(readings(source, script, ids.iter().copied()))
}

/// A command word that reads as batch: an internal command or common program, or a path /
/// program file name.
fn command_word_is_batch(word: &[u8]) -> bool {
    // The word without quotes, carets and `@`, lower case: on the stack when short.
    let mut short = [0u8; 64];
    let mut long = Vec::new();
    let kept = word
        .iter()
        .filter(|&&b| b != b'"' && b != b'^' && b != b'@')
        .map(|b| b.to_ascii_lowercase());
    let w: &[u8] = if word.len() <= short.len() {
        let mut n = 0;
        for b in kept {
            short[n] = b;
            n += 1;
        }
        &short[..n]
    } else {
        long.extend(kept);
        &long
    };
    if w.is_empty() {
        return false;
    }
    for ext in [&b".exe"[..], b".com", b".bat", b".cmd"] {
        if w.ends_with(ext) {
            return true;
        }
    }
    // A path to a program: no extension in its last part (`\\srv\tools\setup`); a path to
    // a data file (`c:\data\list.xlsx`) is a line of a file list.
    if w.contains(&b'\\') {
        let last = w.rsplit(|&b| b == b'\\').next().unwrap_or(&[]);
        return !last.contains(&b'.');
    }
    let bare = match w.iter().position(|&b| b == b'.') {
        Some(i) if i > 0 && w[i..].len() <= 4 => &w[..i],
        _ => w,
    };
    BATCH_WORDS.contains(&bare)
}

/// Why a file is not a cmd.exe script at all, when it is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// An OS/2 REXX program: a `.cmd` whose first bytes are a `/*` comment.
    Rexx,
    /// An OS/2 REXX program saved with its tokenized image (the `REXX.METACONTROL` /
    /// `REXX.TOKENSIMAGE` extended attributes written out with it): binary, not text.
    RexxImage,
    /// A 4DOS / 4NT / Take Command script (`iff … endiff`, `gosub`, `%+`).
    FourDos,
    /// Binary data: the first byte is NUL, and the file is not UTF-16 text (a NUL in every
    /// other byte of its start). cmd.exe stops reading at a NUL, so it runs nothing of it: a
    /// data file another program reads (a database job file saved as `.cmd`).
    Binary,
    /// Binary data after a few bytes of text ([`binary_after_text`]): an editor's tool
    /// definition, a game's level file named `LEVEL1.CMD`.
    BinaryAfterText,
    /// A first line `#!name` naming another interpreter: `#!ps` / `#!powershell` (the
    /// header remote-management tools read to run the body with PowerShell), `#!/bin/sh`,
    /// `#!/usr/bin/env python`. `#!cmd` and `#!bat` name cmd.exe itself and do not count.
    Shebang,
    /// An HTML page ([`is_html_page`]): most often a repository's web page saved under the
    /// script's name instead of the raw file.
    Html,
    /// C or C++ source ([`is_c_source`]): the first line is `#include <…>` or `#include
    /// "…"` (a program's source saved under a `.bat` name).
    CSource,
}

impl Foreign {
    /// The reason, for the user.
    pub fn describe(self) -> &'static str {
        match self {
            Foreign::Rexx => {
                "this file starts with a `/*` comment: it is a program in another language \
                 (most often an OS/2 REXX program, run by the REXX interpreter, or a command \
                 file a tool reads, such as a linker script), not a cmd.exe script (on Windows, cmd.exe would fail on its first line)"
            }
            Foreign::RexxImage => {
                "this file holds the tokenized image of an OS/2 REXX program (binary data \
                 named `REXX.METACONTROL` / `REXX.TOKENSIMAGE`), not a cmd.exe script: cmd.exe \
                 stops reading it at its first NUL byte"
            }
            Foreign::FourDos => {
                "this file uses 4DOS / 4NT / Take Command syntax (`iff … endiff`, `gosub`, \
                 `%+`), which cmd.exe and COMMAND.COM do not have: it is run by that shell, \
                 not by cmd.exe"
            }
            Foreign::Binary => {
                "this file is binary data, not text: its first byte is NUL, where cmd.exe stops \
                 reading, so it runs nothing of it (a data file another program reads)"
            }
            Foreign::BinaryAfterText => {
                "this file is binary data, not text: after a few bytes of text its first line \
                 runs into NUL bytes, where cmd.exe stops reading, and pairs of them follow, \
                 which no script has (a data file another program reads)"
            }
            Foreign::Shebang => {
                "this file starts with a `#!` line naming another interpreter (`#!ps` is the \
                 header remote-management tools read to run the body with PowerShell; \
                 `#!/bin/sh` a Unix shell): that interpreter runs it, not cmd.exe (which would \
                 fail on its first line)"
            }
            Foreign::Html => {
                "this file is an HTML page (it starts with `<!DOCTYPE html>` or `<html>`), not a \
                 script: most often a web page saved under the script's name instead of the raw \
                 file. cmd.exe reads every line of it as a failing command"
            }
            Foreign::CSource => {
                "this file is C or C++ source (it starts with `#include`), not a script: a \
                 compiler reads it; cmd.exe would fail on its first line"
            }
        }
    }

    /// The help line: what the user can do.
    pub fn help(self) -> &'static str {
        match self {
            Foreign::Html => {
                "replace the page with the script itself (on GitHub, its Raw view), or exclude \
                 the file (`exclude` in smslint.toml)"
            }
            _ => {
                "nothing to fix; exclude the file (`exclude` in smslint.toml) to silence this note"
            }
        }
    }
}

/// The bytes from the first one that is not blank, after a UTF-8 BOM.
fn text_start(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// The file's first bytes (after a UTF-8 BOM and blanks) are `<!DOCTYPE html` or `<html`,
/// any case, followed by a blank or `>`. (A batch/HTA or batch/WSF hybrid starts with
/// `<!-- :`, which cmd.exe runs as a label line; it is not one of these.)
fn is_html_page(bytes: &[u8]) -> bool {
    let head = text_start(bytes);
    [&b"<!doctype html"[..], b"<html"].iter().any(|tag| {
        head.len() > tag.len()
            && head[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(head[tag.len()], b' ' | b'\t' | b'\r' | b'\n' | b'>')
    })
}

/// The file's first bytes (after a UTF-8 BOM and blanks) are `#include`, maybe blanks, then
/// `<` or `"`: C or C++ source. (cmd.exe would run `#include` as a command; no script starts so.)
fn is_c_source(bytes: &[u8]) -> bool {
    let Some(rest) = text_start(bytes).strip_prefix(b"#include") else {
        return false;
    };
    let blanks = rest
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    matches!(rest.get(blanks), Some(b'<' | b'"'))
}

/// The file's first bytes (after a UTF-8 BOM and blanks) are `#!` and name an interpreter
/// other than cmd.exe: `#!ps`, `#!PowerShell`, `#!/bin/bash`, `#!/usr/bin/env python3`.
fn shebang_names_other(bytes: &[u8]) -> bool {
    let Some(rest) = text_start(bytes).strip_prefix(b"#!") else {
        return false;
    };
    let line = &rest[..rest
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(rest.len())];
    let mut words = line
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    // `/usr/bin/env python`: the interpreter is the word after `env`.
    let mut name = first
        .rsplit(|&b| b == b'/' || b == b'\\')
        .next()
        .unwrap_or(first);
    if name.eq_ignore_ascii_case(b"env") {
        match words.next() {
            Some(w) => name = w,
            None => return false,
        }
    }
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(b".exe").unwrap_or(&name);
    // A piece of a line that only cmd.exe reads makes the file batch whatever its first line
    // says: cmd.exe prints one error for the `#!` line and runs the rest. The shell/batch
    // polyglot's `@echo off` (also `@ echo off`, or after an `&`: `# & @echo off & goto
    // win`), or a piece starting `cd /d`, `goto`, `rem`, `::`, `exit /b`, `setlocal` or `if
    // errorlevel`, or holding `>nul` or `%~dp0` (`#!/usr/bin/env bash` above `cd /D C:\` /
    // `start other.bat` / `timeout 2 >nul`).
    let batch = bytes
        .split(|&b| matches!(b, b'\n' | b'\r' | b'&'))
        .any(|l| {
            let l = l.trim_ascii();
            let starts = |w: &[u8]| l.len() >= w.len() && l[..w.len()].eq_ignore_ascii_case(w);
            let echo_off = l.strip_prefix(b"@").is_some_and(|l| {
                let l = l.trim_ascii_start();
                l.len() > 4
                    && l[..4].eq_ignore_ascii_case(b"echo")
                    && matches!(l[4], b' ' | b'\t')
                    && l[5..].trim_ascii().eq_ignore_ascii_case(b"off")
            });
            echo_off
                || [
                    &b"cd /d "[..],
                    b"goto ",
                    b"goto:",
                    b"rem ",
                    b"::",
                    b"exit /b",
                    b"setlocal",
                    b"if errorlevel",
                ]
                .iter()
                .any(|w| starts(w))
                || l.windows(4).any(|w| w.eq_ignore_ascii_case(b">nul"))
                || memchr::memmem::find(l, b"%~dp0").is_some()
        });
    !batch
        && !name.is_empty()
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(b))
        && !matches!(
            name,
            b"cmd" | b"bat" | b"batch" | b"command" | b"command.com"
        )
}

/// Is this a script for another interpreter? OS/2 REXX: the first non-blank bytes are `/*`.
/// 4DOS/4NT/TCC: at least two distinct marks among `iff … then`, `elseiff`, `endiff`,
/// `enddo`, `gosub`, `%+` at the start of lines (or `%+` anywhere).
/// Binary data that starts with a few bytes of text (`User Command 3.40` and NUL-padded
/// records, a game's level file named `LEVEL1.CMD`): the first line already holds a NUL, and
/// the first 4 KB hold at least 8 pairs of NULs, which no text has (UTF-16 text puts one NUL
/// beside each ASCII character, never two together). A stray NUL in a script is a single one.
fn binary_after_text(head: &[u8]) -> bool {
    let line_end = memchr::memchr(b'\n', head).unwrap_or(head.len());
    memchr::memchr(0, &head[..line_end]).is_some()
        && memchr::memmem::find_iter(head, b"\0\0").take(8).count() == 8
}

/// A batch file that wraps another language's source (`/*` alone on the first line, then
/// `@echo off` and the batch code that compiles the rest, `exit`, `*/` and the source):
/// cmd.exe prints one "not recognized" for the `/*` line and runs the batch code after it.
/// A REXX program's first comment holds text, not an `@` command.
/// Likewise a DOS batch file whose first line is a comment of its own (`/* RUN.BAT */`, then
/// `echo off`): COMMAND.COM reports a bad command for that line and goes on.
fn batch_after_comment_opener(bytes: &[u8]) -> bool {
    let mut lines = bytes.split(|&b| b == b'\n');
    let first = lines.next().unwrap_or_default().trim_ascii();
    if first != b"/*" && !(first.len() >= 4 && first.ends_with(b"*/")) {
        return false;
    }
    lines.find(|l| !l.trim_ascii().is_empty()).is_some_and(|l| {
        let l = l.trim_ascii();
        l.starts_with(b"@")
            || (first != b"/*"
                && (l.eq_ignore_ascii_case(b"echo off") || l.eq_ignore_ascii_case(b"echo on")))
    })
}

pub fn foreign_script(source: &Source) -> Option<Foreign> {
    let bytes = source.bytes();
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if bytes[start..].starts_with(b"/*") && !batch_after_comment_opener(&bytes[start..]) {
        return Some(Foreign::Rexx);
    }
    // The extended attributes OS/2 keeps for a REXX program, written out with it.
    let head = &bytes[..bytes.len().min(4096)];
    if memchr::memchr(0, head).is_some()
        && (memchr::memmem::find(head, b"REXX.METACONTROL").is_some()
            || memchr::memmem::find(head, b"REXX.TOKENSIMAGE").is_some())
    {
        return Some(Foreign::RexxImage);
    }
    if bytes.first() == Some(&0) {
        // UTF-16 big-endian text (`\0@\0e\0c\0h\0o`) is text in the wrong encoding, which
        // the encoding rules report: binary only when its start does not alternate so.
        let start = &bytes[..bytes.len().min(32)];
        let utf16 = start.len() >= 8
            && start
                .chunks(2)
                .all(|p| p[0] == 0 && p.get(1).map_or(true, |&b| b != 0));
        if !utf16 {
            return Some(Foreign::Binary);
        }
    }
    if binary_after_text(head) {
        return Some(Foreign::BinaryAfterText);
    }
    if shebang_names_other(bytes) {
        return Some(Foreign::Shebang);
    }
    if is_html_page(bytes) {
        return Some(Foreign::Html);
    }
    if is_c_source(bytes) {
        return Some(Foreign::CSource);
    }
    // One look at the first word of each line, no copy: `iff … then`, `elseiff`, `endiff`,
    // `enddo`, `gosub` (any case, after blanks and `@`); `%+` anywhere (no line holds part
    // of one).
    let mut marks = [false; 6];
    marks[5] = memchr::memmem::find(bytes, b"%+").is_some();
    // The source's line starts: each line runs to the next start (its `\n` included, which
    // is blank) or to the end.
    let starts = source.line_starts();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(bytes.len());
        let line = &bytes[start..end];
        let t = match line
            .iter()
            .position(|b| !(b.is_ascii_whitespace() || *b == b'@'))
        {
            Some(i) => &line[i..],
            None => continue,
        };
        if !matches!(t[0] | 0x20, b'i' | b'e' | b'g') {
            continue;
        }
        let word_end = t
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(t.len());
        let first = &t[..word_end];
        // The line ends with the word `then` (trailing blanks aside).
        let is_then = || {
            let end = t
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(0, |i| i + 1);
            end >= 4
                && t[end - 4..end].eq_ignore_ascii_case(b"then")
                && (end == 4 || !t[end - 5].is_ascii_alphanumeric())
        };
        let mark = if first.eq_ignore_ascii_case(b"iff") {
            if is_then() {
                0
            } else {
                continue;
            }
        } else if first.eq_ignore_ascii_case(b"elseiff") {
            1
        } else if first.eq_ignore_ascii_case(b"endiff") {
            2
        } else if first.eq_ignore_ascii_case(b"enddo") {
            3
        } else if first.eq_ignore_ascii_case(b"gosub") {
            4
        } else {
            continue;
        };
        marks[mark] = true;
    }
    (marks.iter().filter(|m| **m).count() >= 2).then_some(Foreign::FourDos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foreign(text: &str) -> Option<Foreign> {
        foreign_script(&Source::new(text.as_bytes().to_vec()))
    }

    /// The next state of a xorshift generator (random test texts, the same on every run).
    fn xorshift(state: &mut u64) {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
    }

    /// A random text of up to 23 bytes of `alphabet` (the oracle tests' inputs).
    fn random_text(state: &mut u64, alphabet: &[u8]) -> Vec<u8> {
        xorshift(state);
        let len = (*state % 24) as usize;
        (0..len)
            .map(|_| {
                xorshift(state);
                alphabet[(*state % alphabet.len() as u64) as usize]
            })
            .collect()
    }

    /// The implementation `reads_itself_bytes` replaced (windows scans and a lowered copy of
    /// every file with `%~`), kept as the oracle.
    fn reads_itself_old(bytes: &[u8]) -> bool {
        let has_ci = |needle: &[u8]| {
            bytes
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
        };
        if memchr::memmem::find(bytes, b"%~").is_none() {
            return false;
        }
        if has_ci(b"?.wsf") {
            return true;
        }
        let lower: Vec<u8> = bytes.iter().map(|b| b.to_ascii_lowercase()).collect();
        let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
        let mut self_ref = false;
        let mut p = 0;
        while let Some(off) = lower[p..].windows(2).position(|w| w == b"%~") {
            let mut q = p + off + 2;
            let mut mods = Vec::new();
            while q < lower.len() && lower[q].is_ascii_alphabetic() {
                mods.push(lower[q]);
                q += 1;
            }
            if q < lower.len() && lower[q] == b'0' && (mods.contains(&b'f') || mods.contains(&b'n'))
            {
                self_ref = true;
                break;
            }
            p = q.max(p + off + 2);
        }
        self_ref && SELF_READERS.iter().any(|n| has(n))
    }

    #[test]
    fn batch_files_are_named_by_extension_or_smsls() {
        for name in [
            "x.bat",
            "X.CMD",
            "%0\\..\\SMSLS",
            "\"%~dp0run me.bat\"",
            "smsls.",
            "c:\\tools\\go.ba^t",
            "\"tools/setup.bat\"",
        ] {
            assert!(runs_batch_file(name.as_bytes()), "{name}");
        }
        for name in [
            "bat",
            "x.exe",
            "smslsx",
            "notepad",
            "x.batch",
            "cmd",
            "\"a.bat\\x\"",
            "./setup.bat",
            "tools/setup.cmd",
        ] {
            assert!(!runs_batch_file(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn a_batch_file_run_without_call_ends_the_script_after_its_line() {
        let text = "@echo off\r\nother.bat & echo same line\r\necho never\r\n";
        let source = Source::new(text.as_bytes().to_vec());
        let script = crate::syntax::parse(&source);
        let labels = LabelIndex::build(&source);
        let flow = Flow::build(&source, &script, &labels);
        let echoes: Vec<bool> = script
            .ids()
            .filter(|&id| matches!(script.stmt(id).kind, StmtKind::Echo(_)))
            .map(|id| flow.is_reachable(id))
            .collect();
        // `@echo off`, `echo same line` (the rest of its line runs), `echo never`.
        assert_eq!(echoes, vec![true, true, false]);
        assert_eq!(flow.chained.len(), 1);
    }

    #[test]
    fn reads_itself_gives_the_old_answers() {
        for text in [
            "",
            "%~",
            "%~0",
            "%~f0",
            "%~F0 cscript",
            "cscript %~f0",
            "CScript //E:JScript \"%~dpnx0\"",
            "more +5 \"%~nx0\"",
            "more  +5 \"%~nx0\"",
            "%~dp0 cscript",
            "%~x0 powershell",
            "%~%~f0 findstr",
            "%~~f0 findstr",
            "%~f%~n0 pwsh",
            "%~fz",
            "\"%~f0?.WSF\"",
            "?.wsf",
            "%~ ?.ws",
            "%~ ?.wsf",
            "%~ ?",
            "%~dpnx0\n[IO.File]::ReadAllText('x')",
            "%~n0 GET-CONTENT",
            "%~\u{e9}f0 mshta",
            "%~fN0 iexpress makecab",
            "%~f0\0\x7fMAKECAB",
        ] {
            assert_eq!(
                reads_itself_bytes(text.as_bytes()),
                reads_itself_old(text.as_bytes()),
                "{text:?}"
            );
        }
        // Random texts over the bytes that matter.
        let alphabet = b"%~fFnNxX0?.wWsSdp cCrRiIpPtT+m\"\n\xc3\xa9";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut text = random_text(&mut state, alphabet);
            if state % 3 == 0 {
                text.extend_from_slice(SELF_READERS[(state % 12) as usize]);
            }
            assert_eq!(
                reads_itself_bytes(&text),
                reads_itself_old(&text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }

    /// The per-line windows scan `labels_read_as_text` replaced, kept as the oracle.
    fn labels_read_as_text_old(bytes: &[u8]) -> rustc_hash::FxHashSet<Vec<u8>> {
        let mut out = rustc_hash::FxHashSet::default();
        let has = |line: &[u8], needle: &[u8]| {
            line.windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
        };
        for line in bytes.split(|&b| b == b'\n') {
            let names_self = has(line, b"~f0") || has(line, b"x0%\"") || has(line, b"nx0\"");
            if !names_self {
                continue;
            }
            for word in line.split(|b| b" \t\"\r,;=".contains(b)) {
                if word.is_empty() || word[0] == b':' || word.contains(&b'%') {
                    continue;
                }
                if word.iter().any(|b| b.is_ascii_alphabetic()) {
                    out.insert(word.to_ascii_lowercase());
                }
            }
        }
        out
    }

    #[test]
    fn self_readers_are_found_across_chunks() {
        for at in (8192 - 20..8192 + 4).chain([0, 16_384 - 7, 20_000]) {
            let mut text = b"set me=%~f0\n".to_vec();
            text.resize(at.max(text.len()), b'x');
            let plain = text.clone();
            text.extend_from_slice(b"PowerShell -c x\n");
            assert!(reads_itself_bytes(&text), "{at}");
            assert_eq!(reads_itself_bytes(&text), reads_itself_old(&text), "{at}");
            assert!(!reads_itself_bytes(&plain), "{at}");
        }
    }

    /// [`Flow::runs_at`] over the segments built entry by entry (as before they were merged).
    fn runs_at_unmerged(source: &Source, flow: &Flow, offset: usize) -> bool {
        let script = crate::syntax::parse(source);
        let labels = LabelIndex::build(source);
        let segs = Builder::new(source, &script, &labels)
            .run_segments_merged(&flow.runs, false)
            .unwrap_or_default();
        let offset = offset as u32;
        let i = segs.partition_point(|s| s.0 <= offset);
        match i.checked_sub(1).and_then(|i| segs.get(i)) {
            Some(s) => s.1,
            None => segs.first().map_or(true, |s| s.1),
        }
    }

    #[test]
    fn merged_run_segments_give_every_offset_the_same_answer() {
        for text in [
            "",
            "echo a\n",
            "@echo off\ngoto :eof\n<package>\n<job>\n</job>\n</package>\n",
            "cscript //E:JScript \"%~f0\"\nexit /b\n:x\n$a = 1\n$b = 2\n:y\necho y\n",
            "goto %1\n:a\necho a\n) stray\n:b\nif 1==1 (echo b\n  echo c) else (echo d)\ngoto :eof\nnever\n",
            "(\n(\necho deep\n)\n)\nexit\necho dead & echo dead2\n",
        ] {
            let source = Source::new(text.as_bytes().to_vec());
            let script = crate::syntax::parse(&source);
            let labels = LabelIndex::build(&source);
            let flow = Flow::build(&source, &script, &labels);
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    flow.runs_at(offset),
                    runs_at_unmerged(&source, &flow, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn labels_read_as_text_gives_the_old_names() {
        for text in [
            "call :render \"%~f0\" \"tpl.demo\"\r\n:tpl.demo\r\n",
            "0\n00\n~F0 a\nX0%\" b\nNX0\" c\nnx0 d\nx0% e\n~f0~f0 f\n",
            "more +3 \"%~dpnX0\" > out.txt & type Plan\r\n",
            "\"%~dpnx0\" x y\n\"%~nx0%\"",
            "~f",
            "~",
            "",
        ] {
            assert_eq!(
                labels_read_as_text(text.as_bytes()),
                labels_read_as_text_old(text.as_bytes()),
                "{text:?}"
            );
        }
        let alphabet = b"~fFnNxX0%\"\n\r ab:";
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let text = random_text(&mut state, alphabet);
            assert_eq!(
                labels_read_as_text(&text),
                labels_read_as_text_old(&text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }

    #[test]
    fn jump_names_are_found_in_any_case() {
        assert_eq!(
            jump_names_in(b"if errorlevel 1 GoTo Failed"),
            vec![b"failed".to_vec()]
        );
        assert_eq!(
            jump_names_in(b"CALL :Sub & cAlL :two"),
            vec![b"sub".to_vec(), b"two".to_vec()]
        );
        // `call` needs its colon; `gOtO:eof` is no label; near misses are nothing.
        assert!(jump_names_in(b"call sub").is_empty());
        assert!(jump_names_in(b"gOtO:eof").is_empty());
        assert!(jump_names_in(b"G0TO x C@LL :y GOT").is_empty());
        assert!(jump_names_in(b"").is_empty());
    }

    #[test]
    fn foreign_marks_are_first_words_of_lines() {
        assert_eq!(foreign("  /* REXX */\r\nsay hi\r\n"), Some(Foreign::Rexx));
        assert_eq!(foreign("/*\r\nsay hi\r\n*/\r\n"), Some(Foreign::Rexx));
        // A batch wrapper around VB.NET source: the batch code runs after the `/*` line.
        assert_eq!(
            foreign(
                "/*\r\n@echo off\r\nvbc /out:x.exe \"%~f0\"\r\nexit /b\r\n*/\r\nImports System\r\n"
            ),
            None
        );
        assert_eq!(
            foreign("/* RUN.BAT */\r\necho off\r\nsound.exe\r\ngame.exe\r\n"),
            None
        );
        assert_eq!(
            foreign("/* REXX */\r\n'@echo off'\r\nsay 'hi'\r\n"),
            Some(Foreign::Rexx)
        );
        assert_eq!(
            foreign("\u{1e}\0\0REXX.METACONTROL\0\u{c}OS/2 REXXSAA\r\nx\r\n"),
            Some(Foreign::RexxImage)
        );
        assert_eq!(foreign("@echo off\r\nrem REXX.METACONTROL\r\n"), None);
        // Binary data from its first byte; UTF-16 big-endian text is not that.
        assert_eq!(
            foreign("\0A\0\0\0\0\0\0\u{2}\u{2}\0\u{10}\0\0 \0 \0"),
            Some(Foreign::Binary)
        );
        assert_eq!(foreign("\0@\0e\0c\0h\0o\0 \0o\0f\0f\0\r\0\n"), None);
        // Text, then NUL-padded records; a script with a stray NUL or two is still one.
        let records = format!("User Command 3.40{}", "\0\0\0\0x\0\0\0\0".repeat(4));
        assert_eq!(foreign(&records), Some(Foreign::BinaryAfterText));
        assert_eq!(foreign("@echo off\0\0\r\necho \0\0 done\r\n"), None);
        assert_eq!(foreign("@\0e\0c\0h\0o\0 \0o\0f\0f\0\r\0\n\0"), None);
        // `iff … then` (any case, after blanks and `@`, trailing blanks) and `endiff`.
        assert_eq!(
            foreign("@echo off\r\n  @IFF x == y THEN  \r\n endiff\r\n"),
            Some(Foreign::FourDos)
        );
        // No `then` word at the end: only `endiff` counts.
        assert_eq!(foreign("iff x thenx\r\nendiff\r\n"), None);
        assert_eq!(foreign("iff x\r\nendiff\r\n"), None);
        // `%+` anywhere, `gosub` first on a line, no newline at the end.
        assert_eq!(
            foreign("echo a %+ echo b\ngosub sub"),
            Some(Foreign::FourDos)
        );
        assert_eq!(foreign("ENDDO\nGoSub x"), Some(Foreign::FourDos));
        // Not the first word: no mark.
        assert_eq!(foreign("echo gosub\r\necho enddo\r\necho iff\r\n"), None);
        // One mark twice is one mark.
        assert_eq!(foreign("gosub a\r\ngosub b\r\n"), None);
        assert_eq!(foreign(""), None);
    }

    #[test]
    fn fixed_words_compared_give_a_known_result() {
        for (text, want) in [
            ("if ans==n goto x", Some(false)),
            ("if not ans==n goto x", Some(true)),
            ("if /i Yes==yes goto x", Some(true)),
            ("if Yes==yes goto x", Some(false)),
            ("if 1==1 goto x", Some(true)),
            // Expansions, quotes and carets may change the words; COMMAND.COM reads
            // `errorlevel==1` as an exit-code test.
            ("if %ans%==n goto x", None),
            ("if \"a\"==\"a\" goto x", None),
            ("if a^b==ab goto x", None),
            ("if errorlevel==1 goto x", None),
            ("if ERRORLEVEL == 1 goto x", None),
            ("if exist a goto x", None),
        ] {
            let source = Source::new(format!("{text}\r\n:x\r\n").into_bytes());
            let script = crate::syntax::parse(&source);
            let StmtKind::If(ifs) = &script.stmt(StmtId(0)).kind else {
                panic!("{text}: not an if");
            };
            assert_eq!(constant_test(&source, ifs), want, "{text}");
        }
    }

    #[test]
    fn a_first_line_naming_another_interpreter_is_foreign() {
        let yes = [
            "#!ps\r\n$dir = 'C:\\Temp'\r\n",
            "\u{FEFF}#!PowerShell\nWrite-Output hi\n",
            "  #!/bin/bash\necho hi\n",
            "#! /usr/bin/env python3\nprint(1)\n",
            "#!pwsh.exe",
        ];
        let no = [
            "#!cmd\r\n@echo off\r\n",
            "#!bat\r\necho hi\r\n",
            "#!\r\necho hi\r\n",
            "#!/usr/bin/env\necho hi\n",
            // Only the first line: a Ruby payload after the batch part is batch to cmd.exe.
            "@echo off\r\n#!ruby\r\nputs 1\r\n",
            "# !ps\r\necho hi\r\n",
            "#!/bin/sh\n# 2>nul & @ECHO OFF & goto batch\nexec java \"$@\"\n:batch\njava %*\n",
        ];
        foreign_cases(Foreign::Shebang, &yes, &no);
    }

    /// Each of `yes` is read as `kind`, none of `no` as foreign.
    fn foreign_cases(kind: Foreign, yes: &[&str], no: &[&str]) {
        for text in yes {
            assert_eq!(foreign(text), Some(kind), "{text:?}");
        }
        for text in no {
            assert_eq!(foreign(text), None, "{text:?}");
        }
    }

    #[test]
    fn an_html_page_is_foreign() {
        let yes = [
            "<!DOCTYPE html>\n<html lang=\"en\">\n",
            "\u{FEFF}\r\n  <!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\r\n",
            "<HTML>\r\n<body>echo</body>\r\n",
            "<html\n lang=en>",
        ];
        let no = [
            // Batch/HTA and batch/WSF hybrids: cmd.exe runs the first line as a label.
            "<!-- :\r\n@echo off\r\nmshta \"%~f0\"\r\nexit /b\r\n-->\r\n<html>\r\n",
            "<!-- : Begin batch script\r\n@echo off\r\n",
            "<htmlfile.txt echo hi\r\n",
            "@echo off\r\n<!DOCTYPE html>\r\n",
        ];
        foreign_cases(Foreign::Html, &yes, &no);
    }

    #[test]
    fn c_source_is_foreign() {
        let yes = [
            "#include <windows.h>\r\nint main()\r\n{\r\n",
            "\r\n#include \"resource.h\"\n",
            "#include\t<stdio.h>\n",
        ];
        let no = [
            "@echo off\r\n#include <windows.h>\r\n",
            "#includes.bat\r\n",
            "#include\r\n",
        ];
        foreign_cases(Foreign::CSource, &yes, &no);
    }
}
