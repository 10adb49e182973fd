//! The RAS-state data flow the SMS rules share.
//!
//! Each statement carries the *set* of RAS states it can be reached with, a union over every
//! path from the top of the script. The entry state is `unknown`. After a RAS check
//! (`checkras`, then `if [not] errorlevel N`), the branch taken when errorlevel ≥ N gets
//! `ras` and the other branch `lan`.
//!
//! The graph is the shared control-flow graph of [`crate::flow::Flow`]: `if` then/else
//! edges, `goto` to the label cmd.exe finds (a missing label ends the script), `call :x`
//! into the subroutine and on past the call, `exit` and `goto :eof` to the end, `&&`/`||`
//! skips. The only edges that change the state are the then/else edges of the `if` right
//! after a RAS check, and the side of an `if [not] exist …\rasapi32.dll` test where RAS is
//! not installed (`lan`: such a client cannot be on a RAS link; Q224388 uses the test as a
//! pre-check before CHECKRAS). The lattice has height 3, so each node is visited at most three times
//! plus once per in-edge: the fixed point costs time linear in the graph. Nothing recurses.

use crate::flow::{EdgeKind, Flow, Node};
use crate::source::Source;
use crate::syntax::ast::{Script, StmtId};

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

    /// The same flow started in `entry` instead of `unknown` (`self` must have been built
    /// from `unknown`). The flow is distributive, so each statement keeps its `ras`/`lan`
    /// bits and gets `entry` where it had `unknown`: no second pass over the graph.
    pub fn with_entry(mut self, entry: StateSet) -> RasFlow {
        if entry.0 == UNKNOWN {
            return self;
        }
        for s in &mut self.entry {
            let carried = if *s & UNKNOWN != 0 { entry.0 } else { 0 };
            *s = (*s & (RAS | LAN)) | carried;
        }
        self
    }

    /// Statement `id` can be reached from the top of the script.
    pub fn reachable(&self, id: StmtId) -> bool {
        !self.state(id).is_empty()
    }

    /// Run the data flow over one script's control-flow graph, starting in `unknown`.
    pub fn build(
        script: &Script,
        source: &Source,
        flow: &Flow,
        settings: crate::sms::Settings<'_>,
    ) -> RasFlow {
        Self::build_from(script, source, flow, settings, StateSet(UNKNOWN))
    }

    /// The data flow starting in the states `entry` (a called script starts in the join of
    /// its callers' states at their calls; see the tree module). The flow is distributive:
    /// a statement's state under `entry` is its `ras`/`lan` bits under `unknown`, plus
    /// `entry` where its set under `unknown` contains `unknown`.
    pub fn build_from(
        script: &Script,
        source: &Source,
        flow: &Flow,
        settings: crate::sms::Settings<'_>,
        entry: StateSet,
    ) -> RasFlow {
        let seq = crate::sms::Seq::of(script, flow);
        let checks: Vec<crate::sms::RasCheck> =
            crate::sms::ras_checks_in(script, source, settings, &seq)
                .into_iter()
                .map(|(c, _)| c)
                .collect();
        let weak = crate::sms::weak_guards_in(script, source, &seq);
        Self::from_tests(script, flow, &checks, &weak, entry)
    }

    /// [`RasFlow::build_from`] with the script's RAS checks and weak guards already found
    /// (what [`crate::sms::ras_checks`] and [`crate::sms::weak_guards`] return for it).
    pub fn from_tests(
        script: &Script,
        flow: &Flow,
        checks: &[crate::sms::RasCheck],
        weak: &[crate::sms::WeakGuard],
        entry: StateSet,
    ) -> RasFlow {
        let n = script.stmts.len().min(flow.len());
        // Per statement: 0, or 1 + whether `then` is the RAS side (`if` statements testing a
        // RAS check's errorlevel; the last check naming a test wins).
        let mut ras_tests: Vec<u8> = Vec::new();
        for check in checks {
            if ras_tests.is_empty() {
                ras_tests = vec![0; n];
            }
            if let Some(t) = ras_tests.get_mut(check.test.index()) {
                *t = 1 + u8::from(!check.negated);
            }
        }
        // `if [not] exist …\rasapi32.dll`: 1 + whether `then` is the side where RAS is
        // installed. Where RAS is not installed the client cannot be on a RAS link: that
        // side is `lan`.
        let mut installed_tests: Vec<u8> = Vec::new();
        for g in weak {
            if g.kind == crate::sms::WeakGuardKind::RasInstalled {
                if let crate::syntax::ast::StmtKind::If(i) = &script.stmt(g.stmt).kind {
                    if installed_tests.is_empty() {
                        installed_tests = vec![0; n];
                    }
                    if let Some(t) = installed_tests.get_mut(g.stmt.index()) {
                        *t = 1 + u8::from(i.not.is_none());
                    }
                }
            }
        }
        if ras_tests.is_empty() && installed_tests.is_empty() {
            // No edge changes the state: every statement the flow reaches gets `entry`, the
            // others nothing (the work-list below would find exactly this).
            let state = (0..n)
                .map(|i| {
                    if flow.reachable.get(i).copied().unwrap_or(false) {
                        entry.0
                    } else {
                        0
                    }
                })
                .collect();
            return RasFlow { entry: state };
        }
        let test_at = |v: &[u8], i: usize| match v.get(i).copied().unwrap_or(0) {
            0 => None,
            t => Some(t == 2),
        };
        let mut state = vec![0u8; n];
        let mut queued = vec![false; n];
        let mut work: Vec<usize> = Vec::new();
        if let Some(Node::Stmt(first)) = flow.entry {
            if first.index() < n && entry.0 != 0 {
                state[first.index()] = entry.0;
                queued[first.index()] = true;
                work.push(first.index());
            }
        }
        // The states reaching any label through a dynamic `goto %x%` (the `AnyLabel` hub): it
        // grows at most twice, so every label is updated from it at most three times.
        let mut hub = 0u8;
        while let Some(i) = work.pop() {
            queued[i] = false;
            let s = state[i];
            let test = test_at(&ras_tests, i);
            let installed = test_at(&installed_tests, i);
            for e in flow.successors(StmtId(i as u32)) {
                let add = match (test, e.kind) {
                    (Some(true), EdgeKind::Then) | (Some(false), EdgeKind::Else) => RAS,
                    (Some(true), EdgeKind::Else) | (Some(false), EdgeKind::Then) => LAN,
                    _ => match (installed, e.kind) {
                        (Some(true), EdgeKind::Else) | (Some(false), EdgeKind::Then) => LAN,
                        _ => s,
                    },
                };
                let mut flow_into = |to: usize, add: u8, work: &mut Vec<usize>| {
                    if to < n && state[to] | add != state[to] {
                        state[to] |= add;
                        if !queued[to] {
                            queued[to] = true;
                            work.push(to);
                        }
                    }
                };
                match e.to {
                    Node::Stmt(to) => flow_into(to.index(), add, &mut work),
                    Node::AnyLabel if hub | add != hub => {
                        hub |= add;
                        for t in &flow.label_targets {
                            if let Node::Stmt(to) = t {
                                flow_into(to.index(), hub, &mut work);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        RasFlow { entry: state }
    }
}
