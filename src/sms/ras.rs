//! The RAS-state data flow the SMS rules share.
//!
//! Each statement carries the *set* of RAS states it can be reached with, a union over every
//! path from the top of the script. The entry state is `unknown`. After a RAS check
//! (`checkras`, then `if [not] errorlevel N`), the branch taken when errorlevel ≥ N gets
//! `ras` and the other branch `lan`.
//!
//! The graph has two nodes per statement: *entry* (about to run) and *done* (finished,
//! control goes on). Edges: `if` true/false branches, `goto` to the label cmd.exe would
//! find (a missing label ends the script, as cmd aborts the batch there), `call :x` into the
//! subroutine and on to the next statement, `exit` and `goto :eof` to the end, `&&`/`||`
//! with the right-hand side both run and skipped, `for` bodies looping. Every node has O(1)
//! edges (a dynamic `goto %x%` goes through one hub node to every label), the lattice has
//! height 3, so the fixed point costs time linear in the script. Nothing recurses.

use std::collections::HashMap;

use crate::rules::LintSettings;
use crate::source::Source;
use crate::syntax::ast::{CallTarget, Connector, JumpTarget, Script, StmtId, StmtKind};
use crate::syntax::labels::LabelIndex;

/// The client's RAS state is not known on this path.
pub const UNKNOWN: u8 = 1;
/// A RAS check said the client is on a RAS link.
pub const RAS: u8 = 2;
/// A RAS check said the client is on the LAN.
pub const LAN: u8 = 4;

/// A set of RAS states (bits [`UNKNOWN`], [`RAS`], [`LAN`]); empty = unreachable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateSet(pub u8);

impl StateSet {
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn has_unknown(self) -> bool {
        self.0 & UNKNOWN != 0
    }
    pub fn has_ras(self) -> bool {
        self.0 & RAS != 0
    }
    pub fn has_lan(self) -> bool {
        self.0 & LAN != 0
    }
    /// `{unknown, lan}` style, for messages and tests.
    pub fn describe(self) -> String {
        let mut parts = Vec::new();
        if self.has_unknown() {
            parts.push("unknown");
        }
        if self.has_ras() {
            parts.push("ras");
        }
        if self.has_lan() {
            parts.push("lan");
        }
        format!("{{{}}}", parts.join(", "))
    }
}

/// The result of the data flow: the state set each statement is reached with.
#[derive(Clone, Debug, Default)]
pub struct RasFlow {
    entry: Vec<u8>,
}

impl RasFlow {
    /// The states statement `id` can be reached with (empty when unreachable).
    pub fn state(&self, id: StmtId) -> StateSet {
        StateSet(self.entry.get(id.index()).copied().unwrap_or(0))
    }

    /// Statement `id` can be reached from the top of the script.
    pub fn reachable(&self, id: StmtId) -> bool {
        !self.state(id).is_empty()
    }

    /// Run the data flow over one script.
    pub fn build(
        script: &Script,
        source: &Source,
        labels: &LabelIndex,
        settings: &LintSettings,
    ) -> RasFlow {
        let n = script.stmts.len();
        let graph = Graph::new(script, source, labels, settings);
        // Node ids: entry(i) = 2i, done(i) = 2i + 1, hub = 2n.
        let hub = 2 * n;
        let mut state = vec![0u8; 2 * n + 1];
        let mut queued = vec![false; 2 * n + 1];
        let mut work: Vec<usize> = Vec::new();
        if let Some(&first) = script.top.first() {
            state[2 * first.index()] = UNKNOWN;
            work.push(2 * first.index());
            queued[2 * first.index()] = true;
        }
        let mut succ: Vec<(usize, Option<u8>)> = Vec::new();
        while let Some(node) = work.pop() {
            queued[node] = false;
            let s = state[node];
            if s == 0 {
                continue;
            }
            succ.clear();
            if node == hub {
                for &t in &graph.label_stmts {
                    succ.push((2 * t.index(), None));
                }
            } else if node % 2 == 0 {
                graph.entry_succ(StmtId((node / 2) as u32), hub, &mut succ);
            } else {
                graph.done_succ(StmtId((node / 2) as u32), &mut succ);
            }
            for &(to, set) in &succ {
                let add = set.unwrap_or(s);
                if state[to] | add != state[to] {
                    state[to] |= add;
                    if !queued[to] {
                        queued[to] = true;
                        work.push(to);
                    }
                }
            }
        }
        RasFlow {
            entry: (0..n).map(|i| state[2 * i]).collect(),
        }
    }
}

/// Where a statement sits: in a list (top level or block body) or in an `if`/`for` slot.
#[derive(Clone, Copy)]
enum Place {
    /// In `top` (owner `None`) or a block body, at this index.
    List { owner: Option<StmtId>, index: usize },
    /// The then/else command of an `if`.
    IfSlot(StmtId),
    /// The body of a `for`.
    ForSlot(StmtId),
    /// Not reachable through the tree (should not happen).
    Orphan,
}

struct Graph<'a> {
    script: &'a Script,
    place: Vec<Place>,
    /// Resolved jump targets: goto/call statement → target statement (`None` = end).
    jumps: HashMap<StmtId, Option<StmtId>>,
    /// Statements with a dynamic goto target.
    dynamic: Vec<bool>,
    /// Label statements, for the dynamic-goto hub.
    label_stmts: Vec<StmtId>,
    /// `if` statements that test a RAS check's errorlevel: `true` when the then-branch is
    /// the RAS branch.
    ras_tests: HashMap<StmtId, bool>,
}

impl<'a> Graph<'a> {
    fn new(
        script: &'a Script,
        source: &Source,
        labels: &LabelIndex,
        settings: &LintSettings,
    ) -> Graph<'a> {
        let n = script.stmts.len();
        let mut place = vec![Place::Orphan; n];
        for (i, &id) in script.top.iter().enumerate() {
            if let Some(p) = place.get_mut(id.index()) {
                *p = Place::List {
                    owner: None,
                    index: i,
                };
            }
        }
        let mut label_at: HashMap<usize, StmtId> = HashMap::new();
        let mut label_stmts = Vec::new();
        for id in script.ids() {
            match &script.stmt(id).kind {
                StmtKind::Block(b) => {
                    for (i, &c) in b.body.iter().enumerate() {
                        if let Some(p) = place.get_mut(c.index()) {
                            *p = Place::List {
                                owner: Some(id),
                                index: i,
                            };
                        }
                    }
                }
                StmtKind::If(f) => {
                    for c in f.then.iter().chain(f.else_.as_ref().map(|(_, c)| c)) {
                        if let Some(p) = place.get_mut(c.index()) {
                            *p = Place::IfSlot(id);
                        }
                    }
                }
                StmtKind::For(f) => {
                    if let Some(c) = f.body {
                        if let Some(p) = place.get_mut(c.index()) {
                            *p = Place::ForSlot(id);
                        }
                    }
                }
                StmtKind::Label(l) => {
                    label_at.insert(l.colon.start, id);
                    label_stmts.push(id);
                }
                _ => {}
            }
        }
        let profile = crate::sms::profile(settings);
        let mut jumps = HashMap::new();
        let mut dynamic = vec![false; n];
        let resolve = |key: &[u8], id: StmtId| -> Option<StmtId> {
            let line = source.line_of(script.stmt(id).span.start);
            let def = labels.resolve(key, line, profile)?;
            if let Some(&s) = label_at.get(&def.colon.start) {
                return Some(s);
            }
            // A label the command parser did not see as a statement: go on with the first
            // statement after its line.
            let after = source.line_full_span(def.line).end;
            let k = script.stmts.partition_point(|s| s.span.start < after);
            (k < n).then_some(StmtId(k as u32))
        };
        for id in script.ids() {
            let target = match &script.stmt(id).kind {
                StmtKind::Goto(g) => Some(&g.target),
                StmtKind::Call(c) => match &c.target {
                    CallTarget::Label { target, .. } => Some(target),
                    _ => None,
                },
                _ => None,
            };
            match target {
                Some(JumpTarget::Label { key, .. }) => {
                    jumps.insert(id, resolve(key, id));
                }
                Some(JumpTarget::Eof) => {
                    jumps.insert(id, None);
                }
                Some(JumpTarget::Dynamic { .. }) => dynamic[id.index()] = true,
                Some(JumpTarget::Missing) | None => {}
            }
        }
        let mut ras_tests = HashMap::new();
        for check in crate::sms::ras_checks(script, source, settings) {
            ras_tests.insert(check.test, !check.negated);
        }
        Graph {
            script,
            place,
            jumps,
            dynamic,
            label_stmts,
            ras_tests,
        }
    }

    fn entry(id: StmtId) -> usize {
        2 * id.index()
    }
    fn done(id: StmtId) -> usize {
        2 * id.index() + 1
    }

    /// Successors of entry(id).
    fn entry_succ(&self, id: StmtId, hub: usize, out: &mut Vec<(usize, Option<u8>)>) {
        let stmt = self.script.stmt(id);
        match &stmt.kind {
            StmtKind::Block(b) => match b.body.first() {
                Some(&first) => out.push((Self::entry(first), None)),
                None => out.push((Self::done(id), None)),
            },
            StmtKind::If(f) => {
                let (t, e) = match self.ras_tests.get(&id) {
                    Some(true) => (Some(RAS), Some(LAN)),
                    Some(false) => (Some(LAN), Some(RAS)),
                    None => (None, None),
                };
                match f.then {
                    Some(c) => out.push((Self::entry(c), t)),
                    None => out.push((Self::done(id), t)),
                }
                match &f.else_ {
                    Some((_, c)) => out.push((Self::entry(*c), e)),
                    None => out.push((Self::done(id), e)),
                }
            }
            StmtKind::For(f) => {
                if let Some(c) = f.body {
                    out.push((Self::entry(c), None));
                }
                out.push((Self::done(id), None));
            }
            StmtKind::Goto(g) => {
                if self.dynamic[id.index()] {
                    out.push((hub, None));
                } else if let Some(target) = self.jumps.get(&id) {
                    if let Some(t) = target {
                        out.push((Self::entry(*t), None));
                    }
                } else if matches!(g.target, JumpTarget::Missing) {
                    // `goto` alone: an error message, and the script goes on.
                    out.push((Self::done(id), None));
                }
            }
            StmtKind::Call(c) => {
                if let CallTarget::Label { .. } = c.target {
                    if self.dynamic[id.index()] {
                        out.push((hub, None));
                    } else if let Some(Some(t)) = self.jumps.get(&id) {
                        out.push((Self::entry(*t), None));
                    }
                }
                out.push((Self::done(id), None));
            }
            StmtKind::Exit(_) => {}
            _ => out.push((Self::done(id), None)),
        }
    }

    /// Successors of done(id): where control goes once `id` has finished.
    fn done_succ(&self, id: StmtId, out: &mut Vec<(usize, Option<u8>)>) {
        match self.place.get(id.index()).copied().unwrap_or(Place::Orphan) {
            Place::List { owner, index } => {
                let list: &[StmtId] = match owner {
                    None => &self.script.top,
                    Some(b) => match &self.script.stmt(b).kind {
                        StmtKind::Block(bl) => &bl.body,
                        _ => &[],
                    },
                };
                match list.get(index + 1) {
                    Some(&next) => {
                        out.push((Self::entry(next), None));
                        if matches!(
                            self.script.stmt(next).connector,
                            Connector::AndAnd | Connector::OrOr
                        ) {
                            // The right-hand side may be skipped.
                            out.push((Self::done(next), None));
                        }
                    }
                    None => {
                        if let Some(b) = owner {
                            out.push((Self::done(b), None));
                        }
                    }
                }
            }
            Place::IfSlot(p) => out.push((Self::done(p), None)),
            Place::ForSlot(f) => out.push((Self::entry(f), None)),
            Place::Orphan => {}
        }
    }
}
