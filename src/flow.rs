//! Control flow over a parsed script: label resolution as cmd.exe does it, edges for
//! `goto`, `call :x`, `if`, `for`, `exit`, `goto :eof` and the `&&`/`||` connectors,
//! reachability, and the NT-only regions behind `%OS%` tests.
//!
//! The graph has one node per statement plus [`Node::End`] (the end of the script). Every
//! analysis here is an iterative work-list over the arena: nothing recurses on the input, so
//! 10,000 nested blocks are as cheap as 10,000 lines.

use crate::source::Source;
use crate::syntax::ast::{
    CallTarget, CmpOp, Condition, Connector, JumpTarget, Script, StmtId, StmtKind, Word,
};
use crate::syntax::labels::{LabelIndex, Profile};

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
    pub succ_start: Vec<usize>,
    /// Edges that are the NT side of an `%OS%`=="Windows_NT" test.
    pub nt_edges: Vec<(StmtId, Edge)>,
    /// Resolution of each `goto` and `call :label` statement (`None` for other statements).
    pub jumps: Vec<Option<Resolution>>,
    /// `reachable[i]`: statement `StmtId(i)` can be reached from the top (cmd.exe semantics).
    pub reachable: Vec<bool>,
    /// `win9x_reachable[i]`: reachable when every `%OS%` test takes its non-NT side.
    pub win9x_reachable: Vec<bool>,
    /// The end of the script can be reached.
    pub end_reachable: bool,
    /// Where [`Node::AnyLabel`] leads: the statement after every label, in file order.
    pub label_targets: Vec<Node>,
}

impl Flow {
    pub fn build(source: &Source, script: &Script, labels: &LabelIndex) -> Flow {
        Builder::new(source, script, labels).build()
    }

    pub fn is_reachable(&self, id: StmtId) -> bool {
        self.reachable.get(id.index()).copied().unwrap_or(false)
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

    pub fn successors(&self, id: StmtId) -> &[Edge] {
        let i = id.index();
        match (self.succ_start.get(i), self.succ_start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.edges.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
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

/// Text of a word with quotes and carets removed.
fn word_text(source: &Source, w: &Word) -> Vec<u8> {
    let mut out = Vec::with_capacity(w.span.len());
    let mut bytes = source.slice(w.span).iter();
    while let Some(&b) = bytes.next() {
        match b {
            b'"' => {}
            b'^' => {
                if let Some(&n) = bytes.next() {
                    out.push(n);
                }
            }
            _ => out.push(b),
        }
    }
    out
}

/// `Some(true)` when the condition is true exactly on NT (`"%OS%"=="Windows_NT"`, any
/// quoting, spacing, `/i` or case), `None` when it is no OS test. The caller applies `not`.
pub fn os_test_is_nt(source: &Source, cond: &Condition) -> bool {
    let Condition::Compare { lhs, op, rhs, .. } = cond else {
        return false;
    };
    if !matches!(op, CmpOp::EqEq | CmpOp::Equ) {
        return false;
    }
    let l = word_text(source, lhs).to_ascii_lowercase();
    let r = word_text(source, rhs).to_ascii_lowercase();
    (l == b"%os%" && r == b"windows_nt") || (r == b"%os%" && l == b"windows_nt")
}

/// Where execution continues after a label on physical line `line`: the first statement
/// starting on or after that line (`End` when none does).
pub fn label_node(source: &Source, script: &Script, line: usize) -> Node {
    let start = source
        .line_starts()
        .get(line.saturating_sub(1))
        .copied()
        .unwrap_or(usize::MAX);
    let i = script.stmts.partition_point(|s| s.span.start < start);
    if i < script.stmts.len() {
        Node::Stmt(StmtId(i as u32))
    } else {
        Node::End
    }
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
    /// order (a parent always precedes its children in the arena).
    fn sequences(&mut self) {
        let n = self.script.stmts.len();
        // Children by parent, in source order.
        let mut children: Vec<Vec<StmtId>> = vec![Vec::new(); n];
        for id in self.script.ids() {
            if let Some(p) = self.script.stmt(id).parent {
                if p.index() < n && p.index() != id.index() {
                    children[p.index()].push(id);
                }
            }
        }
        // next sibling within a sequence: None = last of its sequence.
        let mut next: Vec<Option<StmtId>> = vec![None; n];
        let link = |seq: &[StmtId], next: &mut Vec<Option<StmtId>>| {
            for w in seq.windows(2) {
                next[w[0].index()] = Some(w[1]);
            }
        };
        link(&self.script.top, &mut next);
        for (p, kids) in children.iter().enumerate() {
            if kids.is_empty() {
                continue;
            }
            match &self.script.stmts[p].kind {
                StmtKind::If(i) => {
                    let split = i.else_.map(|(kw, _)| kw.start).unwrap_or(usize::MAX);
                    let (then_seq, else_seq): (Vec<StmtId>, Vec<StmtId>) = kids
                        .iter()
                        .partition(|k| self.script.stmt(**k).span.start < split);
                    link(&then_seq, &mut next);
                    link(&else_seq, &mut next);
                    self.first[p] = (then_seq.first().copied(), else_seq.first().copied());
                }
                _ => {
                    link(kids, &mut next);
                    self.first[p] = (kids.first().copied(), None);
                }
            }
        }
        for (i, nx) in next.iter().enumerate() {
            if let Some(s) = nx {
                self.prev[s.index()] = Some(StmtId(i as u32));
            }
        }
        for (i, nx) in next.iter().enumerate() {
            self.after[i] = match nx {
                Some(s) => Node::Stmt(*s),
                None => match self.script.stmts[i].parent {
                    Some(p) if p.index() < i => self.after[p.index()],
                    _ => Node::End,
                },
            };
        }
    }

    /// The line a jump searches from: the last line of its top-level logical line (cmd.exe
    /// has read the whole line or block before it runs any of it).
    fn jump_line(&self, id: StmtId) -> usize {
        let mut top = id;
        let mut guard = 0usize;
        while let Some(p) = self.script.stmt(top).parent {
            if p.index() >= top.index() || guard > self.script.stmts.len() {
                break;
            }
            top = p;
            guard += 1;
        }
        let span = self.script.stmt(top).span;
        self.source
            .line_of(span.end.saturating_sub(1).max(span.start))
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
        self.sequences();
        let n = self.script.stmts.len();
        let mut edges: Vec<Edge> = Vec::with_capacity(n + n / 2);
        let mut succ_start: Vec<usize> = Vec::with_capacity(n + 1);
        succ_start.push(0);
        let mut jumps: Vec<Option<Resolution>> = vec![None; n];
        let mut nt_edges = Vec::new();
        // Every label target, for dynamic gotos (they may go anywhere).
        let all_labels: Vec<Node> = {
            let mut v: Vec<Node> = self
                .labels
                .defs
                .iter()
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
        // `a && b` / `a || b`: b may not run, an extra edge out of `a` (after its own).
        let mut skips: Vec<(usize, Edge)> = Vec::new();
        for id in self.script.ids() {
            let s = self.script.stmt(id);
            if matches!(s.connector, Connector::AndAnd | Connector::OrOr) {
                if let Some(prev) = self.prev_on_line(id) {
                    skips.push((prev.index(), edge(self.after[id.index()], EdgeKind::Skip)));
                }
            }
        }
        skips.sort_by_key(|k| k.0);
        let mut skips = skips.into_iter().peekable();
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
                        Resolution::Eof | Resolution::Unresolved => {
                            out.push(edge(Node::End, EdgeKind::Jump))
                        }
                        Resolution::Dynamic => {
                            out.push(edge(Node::AnyLabel, EdgeKind::Jump));
                            out.push(edge(Node::End, EdgeKind::Jump));
                        }
                        Resolution::Missing => out.push(edge(after, EdgeKind::Next)),
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
                    out.push(edge(after, EdgeKind::Next));
                }
                StmtKind::Exit(_) => out.push(edge(Node::End, EdgeKind::Next)),
                StmtKind::If(ifs) => {
                    let (then_first, else_first) = self.first[i];
                    let then_to = then_first.map(Node::Stmt).unwrap_or(after);
                    let else_to = else_first.map(Node::Stmt).unwrap_or(after);
                    let t = edge(then_to, EdgeKind::Then);
                    let e = edge(else_to, EdgeKind::Else);
                    out.push(t);
                    out.push(e);
                    if os_test_is_nt(self.source, &ifs.condition) {
                        nt_edges.push((id, if ifs.not.is_some() { e } else { t }));
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
                _ => out.push(edge(after, EdgeKind::Next)),
            }
            while let Some((_, skip)) = skips.next_if(|k| k.0 == i) {
                if !edges[start..].contains(&skip) {
                    edges.push(skip);
                }
            }
            succ_start.push(edges.len());
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
        };
        flow.reachable = flow.reach_from(entry, |_, _| true);
        let nt: std::collections::HashSet<(StmtId, Edge)> = flow.nt_edges.iter().copied().collect();
        flow.win9x_reachable = flow.reach_from(entry, |from, e| !nt.contains(&(from, *e)));
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

    /// The statement before `id` in its sequence (the left side of its connector).
    fn prev_on_line(&self, id: StmtId) -> Option<StmtId> {
        self.prev[id.index()]
    }
}
