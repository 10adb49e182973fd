//! The NETLOGON tree as one program (issue 9): the batch files checked together, the calls
//! between them, and what each file starts with because of its callers.
//!
//! The engine reads every file of the tree once, in parallel, into a [`calls::Summary`]
//! (its calls, where each call runs, the RAS state at each call). [`Tree::build`] then
//! resolves the calls against the tree and computes, per file, with work-lists that visit
//! every file and call a bounded number of times (linear in files + calls, no recursion):
//!
//! * **which files must run on Windows 9x**, first answer wins: `.cmd` (never); the
//!   `--target` flag, a `REM smslint: targets=…` pragma, `per-file-targets` or a `targets`
//!   list in smslint.toml; a logon script (SMSLS.BAT, `logon_scripts`) or a file such a
//!   file reaches from code Windows 9x runs; a file that tests `%OS%` itself (and what it
//!   reaches on its 9x path); otherwise NT only;
//! * **the RAS entry state**: the join of the callers' states at their calls, plus
//!   `unknown` for a logon script or a file nothing calls (and one file of every cycle
//!   nothing outside calls), with one unguarded path for messages;
//! * **whether a file runs SMS client setup**, itself or through its callees;
//! * the `%0\..\` helpers that are missing from the caller's directory (SMS106).
//!
//! The result is one [`FileFacts`] per file; the files are then linted independently, in
//! parallel, reading their facts through `LintSettings::tree` (in the rules).

pub mod calls;
pub mod dump;
pub mod guards;

use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::sms::ras::{StateSet, LAN, RAS, UNKNOWN};
use crate::source::Span;
use crate::syntax::ast::StmtId;

use calls::{extension, CallKind, CallOut, Place, Summary, TargetSpec};

/// Client interpreters a script must run on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Targets {
    /// cmd.exe on Windows NT 4.0 / 2000 / XP.
    pub nt: bool,
    /// COMMAND.COM on Windows 95/98/ME.
    pub win9x: bool,
}

/// One file of the tree, as the engine hands it over.
#[derive(Clone, Debug)]
pub struct Member {
    /// Absolute, lexically normalised.
    pub path: PathBuf,
    /// The path shown in messages.
    pub display: String,
    /// SMSLS.BAT or a `logon_scripts` match.
    pub logon_script: bool,
    /// Targets fixed by the `--target` flag, `per-file-targets` or a `targets` list; `None`
    /// for `targets = "auto"`.
    pub explicit: Option<(Targets, Decider)>,
    /// `netlogon_complete = true`: the tree is a full copy of the share.
    pub netlogon_complete: bool,
    pub summary: Summary,
}

/// What decided whether a file must run on Windows 9x.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Decider {
    /// A `.cmd` file: COMMAND.COM does not run it.
    CmdFile,
    /// `--target`.
    Flag,
    /// `REM smslint: targets=…` in the file.
    Pragma,
    /// `per-file-targets` in smslint.toml.
    PerFileConfig,
    /// A `targets = [...]` list in smslint.toml.
    Config,
    /// SMSLS.BAT or a `logon_scripts` match.
    LogonScript,
    /// Reached from a Windows 9x file on code Windows 9x runs.
    Reached,
    /// The file tests `%OS%` itself.
    TestsOs,
    /// Nothing says Windows 9x runs it.
    #[default]
    NtOnly,
}

impl Decider {
    pub fn describe(self) -> &'static str {
        match self {
            Decider::CmdFile => "a .cmd file (COMMAND.COM does not run .cmd files)",
            Decider::Flag => "the --target flag",
            Decider::Pragma => "the `REM smslint: targets=` pragma in the file",
            Decider::PerFileConfig => "`per-file-targets` in smslint.toml",
            Decider::Config => "the `targets` list in smslint.toml",
            Decider::LogonScript => "a logon script (SMSLS.BAT or `logon_scripts`)",
            Decider::Reached => "reached from a Windows 9x logon path",
            Decider::TestsOs => "the file tests %OS% itself",
            Decider::NtOnly => {
                "no logon script reaches it on Windows 9x and no %OS% test in it says it runs there"
            }
        }
    }
}

/// A place in some file of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    pub path: String,
    /// The call's target word there (`%0\..\SMSLS`).
    pub at: Place,
}

impl Hop {
    fn of(m: &Member, c: &CallOut) -> Hop {
        Hop {
            path: m.display.clone(),
            at: c.at.clone(),
        }
    }

    /// This place as a related location of a finding.
    pub fn location(&self, label: impl crate::diagnostic::IntoText) -> crate::diagnostic::Location {
        crate::diagnostic::Location {
            path: Some(crate::diagnostic::intern(&self.path)),
            line: self.at.line,
            column: self.at.column,
            end_line: self.at.end_line,
            end_column: self.at.end_column,
            label: label.into_text(),
        }
    }

    /// `alice.bat:9`
    pub fn at(&self) -> String {
        format!("{}:{}", self.path, self.at.line)
    }
}

/// `a.bat:3 → b.bat:7` for a chain of places.
/// `cut`: the chain was longer and starts with its nearest [`MAX_HOPS`] calls (`… → x:3`).
pub fn describe_chain(chain: &[Hop], cut: bool) -> String {
    let hops = chain.iter().map(Hop::at).collect::<Vec<_>>().join(" → ");
    if cut {
        format!("… → {hops}")
    } else {
        hops
    }
}

/// The calls kept of a chain into a file: its nearest ones, so a deep chain of calls costs
/// each file a bounded number of hops (the tree stays linear).
pub const MAX_HOPS: usize = 8;

/// A resolved call from a file to another file of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Callee {
    pub stmt: StmtId,
    pub path: String,
    /// The callee (or a file it starts) runs an SMS client program.
    pub runs_setup: bool,
}

/// A `%0\..\X` whose target is not in the caller's directory (SMS106).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingHelper {
    pub span: Span,
    /// The name as written after `%0\..\`.
    pub name: String,
    /// A `.bat`/`.cmd` target (always reported); otherwise a program or an SMS helper
    /// (reported with `netlogon_complete = true`).
    pub batch: bool,
}

/// What the tree says about one file: the facts its rules read. The default is a file read
/// on its own: NT only, starting in RAS state `unknown`, no callees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    /// Windows 9x clients run this file.
    pub win9x: bool,
    pub decided_by: Decider,
    /// For `Reached`: the calls from the first Windows 9x file to this one (root first).
    pub win9x_chain: Vec<Hop>,
    /// `win9x_chain` holds only the nearest [`MAX_HOPS`] calls.
    pub win9x_chain_cut: bool,
    /// What made the root of `win9x_chain` a Windows 9x file.
    pub win9x_root: Decider,
    /// A logon script or a file one reaches (on any client).
    pub logon_reached: bool,
    /// The RAS states the file starts in.
    pub ras_entry: StateSet,
    /// It starts in `unknown` by itself: a logon script, or nothing in the tree calls it.
    pub ras_root: bool,
    /// One path of unguarded calls into the file (root first), when a caller contributes
    /// `unknown`.
    pub ras_chain: Vec<Hop>,
    /// `ras_chain` holds only the nearest [`MAX_HOPS`] calls.
    pub ras_chain_cut: bool,
    /// Calls that resolve to other files of the tree, by statement.
    pub callees: Vec<Callee>,
    /// It runs SMS client setup, itself or through a callee.
    pub runs_setup: bool,
    pub missing: Vec<MissingHelper>,
    /// A CHOICE.COM or CHOICE.EXE sits next to the file (the SMS 1.x NETLOGON copy).
    pub netlogon_choice: bool,
}

impl Default for FileFacts {
    fn default() -> Self {
        FileFacts {
            win9x: false,
            decided_by: Decider::NtOnly,
            win9x_chain: Vec::new(),
            win9x_chain_cut: false,
            win9x_root: Decider::NtOnly,
            logon_reached: false,
            ras_entry: StateSet(UNKNOWN),
            ras_root: true,
            ras_chain: Vec::new(),
            ras_chain_cut: false,
            callees: Vec::new(),
            runs_setup: false,
            missing: Vec::new(),
            netlogon_choice: false,
        }
    }
}

impl FileFacts {
    /// The file of the tree that statement `stmt` starts, if it starts one.
    pub fn callee(&self, stmt: StmtId) -> Option<&Callee> {
        self.callees
            .binary_search_by_key(&stmt, |c| c.stmt)
            .ok()
            .map(|i| &self.callees[i])
    }
}

/// Where a call goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file of the tree.
    File(usize),
    /// A program (`.com`/`.exe`) or other file found on disk, not a batch file of the tree.
    Program(PathBuf),
    /// Nothing of that name in the directory.
    Missing,
    /// Computed at run time.
    Dynamic,
    /// A path outside the tree.
    Elsewhere,
}

/// The resolved tree.
pub struct Tree {
    pub members: Vec<Member>,
    /// Per member, per call (in `summary.calls` order): where it goes.
    pub resolved: Vec<Vec<Resolved>>,
    pub facts: Vec<Arc<FileFacts>>,
}

/// Directory listings, read once per directory: lower-case name → real name.
#[derive(Default)]
struct Listings {
    /// By the directory's path as written (its bytes: hashing a `Path` walks its components;
    /// two spellings of one directory only read it twice).
    dirs: HashMap<std::ffi::OsString, Option<HashMap<String, String>>>,
}

impl Listings {
    fn list(&mut self, dir: &Path) -> Option<&HashMap<String, String>> {
        let k = dir.as_os_str();
        if !self.dirs.contains_key(k) {
            self.dirs.insert(k.to_os_string(), Self::read(dir));
        }
        self.dirs.get(k)?.as_ref()
    }

    /// One directory's listing, `None` when it cannot be read.
    fn read(dir: &Path) -> Option<HashMap<String, String>> {
        let rd = std::fs::read_dir(dir).ok()?;
        let mut m = HashMap::default();
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            m.insert(name.to_ascii_lowercase(), name);
        }
        Some(m)
    }

    /// The real path of `parts` below `dir`, matched case-insensitively.
    fn find(&mut self, dir: &Path, parts: &[String]) -> Option<PathBuf> {
        let mut cur = dir.to_path_buf();
        for p in parts {
            let real = self.list(&cur)?.get(p)?.clone();
            cur.push(real);
        }
        Some(cur)
    }
}

/// A path as the tree compares paths: lower case, `\` read as `/`.
fn key(path: &Path) -> String {
    let mut k = path.to_string_lossy().into_owned().into_bytes();
    fold_key(&mut k);
    String::from_utf8(k).unwrap_or_default()
}

/// The bytes of a [`key`] folded: ASCII lower case, `\\` as `/`, in passes the compiler
/// vectorises. Only ASCII bytes change, and an ASCII byte is never part of a longer UTF-8
/// character, so UTF-8 text stays UTF-8.
fn fold_key(bytes: &mut [u8]) {
    bytes.make_ascii_lowercase();
    for b in bytes {
        if *b == b'\\' {
            *b = b'/';
        }
    }
}

impl Tree {
    /// Some call of the members names a file in another directory (`%0\..\sub\x.bat`): a
    /// tree of one directory is then not the whole answer.
    pub fn crosses_directories(members: &[Member]) -> bool {
        members.iter().any(|m| {
            m.summary
                .calls
                .iter()
                .any(|c| matches!(&c.target, TargetSpec::Relative { parts, .. } if parts.len() > 1))
        })
    }

    /// Resolve the calls and compute every file's facts.
    pub fn build(members: Vec<Member>) -> Tree {
        let n = members.len();
        let mut index: HashMap<String, usize> =
            HashMap::with_capacity_and_hasher(n, Default::default());
        for (i, m) in members.iter().enumerate() {
            index.entry(key(&m.path)).or_insert(i);
        }
        let mut listings = Listings::default();
        let resolved: Vec<Vec<Resolved>> = members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let dir = m.path.parent().map(Path::to_path_buf).unwrap_or_default();
                // The folder's key, made when a call first finds a file in it.
                let mut dir_key = None;
                m.summary
                    .calls
                    .iter()
                    .map(|c| resolve(i, &dir, &mut dir_key, c, &index, &mut listings))
                    .collect()
            })
            .collect();
        let mut tree = Tree {
            members,
            resolved,
            facts: Vec::new(),
        };
        tree.facts = tree
            .compute(&mut listings)
            .into_iter()
            .map(Arc::new)
            .collect();
        tree
    }

    /// Resolved calls into files of the tree: (caller, call index, callee).
    fn file_edges(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.resolved.iter().enumerate().flat_map(|(f, rs)| {
            rs.iter().enumerate().filter_map(move |(c, r)| match r {
                Resolved::File(g) => Some((f, c, *g)),
                _ => None,
            })
        })
    }

    fn call(&self, f: usize, c: usize) -> &CallOut {
        &self.members[f].summary.calls[c]
    }

    fn compute(&self, listings: &mut Listings) -> Vec<FileFacts> {
        let n = self.members.len();
        let mut facts: Vec<FileFacts> = vec![
            FileFacts {
                ras_entry: StateSet(0),
                ras_root: false,
                ..FileFacts::default()
            };
            n
        ];
        // Outgoing resolved edges per file, reachable calls only.
        let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        let mut called = vec![false; n];
        for (f, c, g) in self.file_edges() {
            if self.call(f, c).reachable {
                out[f].push((c, g));
                if f != g {
                    called[g] = true;
                }
            }
        }

        // 1. Windows 9x roles.
        let mut decided: Vec<Option<Decider>> = vec![None; n];
        let mut pred: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut root_of: Vec<Decider> = vec![Decider::NtOnly; n];
        let mut queue: VecDeque<usize> = VecDeque::new();
        for (i, m) in self.members.iter().enumerate() {
            let is_cmd = m
                .path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("cmd"));
            let explicit = match (m.explicit, m.summary.pragma) {
                (Some((t, Decider::Flag)), _) => Some((t, Decider::Flag)),
                (_, Some(t)) => Some((t, Decider::Pragma)),
                (e, None) => e,
            };
            let (win9x, by) = if is_cmd {
                (false, Some(Decider::CmdFile))
            } else if let Some((t, by)) = explicit {
                (t.win9x, Some(by))
            } else if m.logon_script {
                (true, Some(Decider::LogonScript))
            } else {
                (false, None)
            };
            decided[i] = by;
            facts[i].win9x = win9x;
            if win9x {
                root_of[i] = by.unwrap_or(Decider::NtOnly);
                queue.push_back(i);
            }
        }
        let spread = |queue: &mut VecDeque<usize>,
                      decided: &mut Vec<Option<Decider>>,
                      facts: &mut Vec<FileFacts>,
                      pred: &mut Vec<Option<(usize, usize)>>,
                      root_of: &mut Vec<Decider>| {
            while let Some(f) = queue.pop_front() {
                for &(c, g) in &out[f] {
                    let call = self.call(f, c);
                    let runs_on_9x = call.win9x
                        && call.kind != CallKind::Cmd
                        && !matches!(call.target, TargetSpec::Relative { nt_only: true, .. });
                    if !runs_on_9x || decided[g].is_some() || g == f {
                        continue;
                    }
                    decided[g] = Some(Decider::Reached);
                    facts[g].win9x = true;
                    pred[g] = Some((f, c));
                    root_of[g] = root_of[f];
                    queue.push_back(g);
                }
            }
        };
        // Roles first (logon scripts and explicit answers), then intent (files that test
        // %OS%, and what they reach that nothing else decided).
        for intent in [false, true] {
            if intent {
                for i in 0..n {
                    if decided[i].is_none() && self.members[i].summary.tests_os {
                        decided[i] = Some(Decider::TestsOs);
                        facts[i].win9x = true;
                        root_of[i] = Decider::TestsOs;
                        queue.push_back(i);
                    }
                }
            }
            spread(
                &mut queue,
                &mut decided,
                &mut facts,
                &mut pred,
                &mut root_of,
            );
        }
        for i in 0..n {
            facts[i].decided_by = decided[i].unwrap_or(Decider::NtOnly);
            facts[i].win9x_root = root_of[i];
            if facts[i].decided_by == Decider::Reached {
                (facts[i].win9x_chain, facts[i].win9x_chain_cut) = self.chain(i, &pred, &[]);
            }
        }

        // 2. Logon scripts and what they reach, on any client.
        let mut queue: VecDeque<usize> = VecDeque::new();
        for (i, m) in self.members.iter().enumerate() {
            if m.logon_script {
                facts[i].logon_reached = true;
                queue.push_back(i);
            }
        }
        while let Some(f) = queue.pop_front() {
            for &(_, g) in &out[f] {
                if !facts[g].logon_reached {
                    facts[g].logon_reached = true;
                    queue.push_back(g);
                }
            }
        }

        // 3. RAS entry states: the join over callers, `unknown` at the roots.
        let mut entry = vec![0u8; n];
        let mut ras_pred: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut work: Vec<usize> = Vec::new();
        let mut queued = vec![false; n];
        for i in 0..n {
            if self.members[i].logon_script || !called[i] {
                entry[i] = UNKNOWN;
                facts[i].ras_root = true;
                queued[i] = true;
                work.push(i);
            }
        }
        let mut cursor = 0usize;
        loop {
            while let Some(f) = work.pop() {
                queued[f] = false;
                for &(c, g) in &out[f] {
                    let at = self.call(f, c).ras;
                    let mut add = at.0 & (RAS | LAN);
                    if at.has_unknown() {
                        add |= entry[f];
                    }
                    // One unguarded caller for messages: the first by path, so the chain
                    // does not depend on the order of the work-list.
                    if add & UNKNOWN != 0 && g != f {
                        let better = match ras_pred[g] {
                            None => true,
                            Some((p, pc)) => {
                                (&self.members[f].display, self.call(f, c).at.line)
                                    < (&self.members[p].display, self.call(p, pc).at.line)
                            }
                        };
                        if better {
                            ras_pred[g] = Some((f, c));
                        }
                    }
                    if entry[g] | add != entry[g] {
                        entry[g] |= add;
                        if !queued[g] {
                            queued[g] = true;
                            work.push(g);
                        }
                    }
                }
            }
            // A cycle nothing outside calls: its first file runs on its own.
            while cursor < n && entry[cursor] != 0 {
                cursor += 1;
            }
            if cursor >= n {
                break;
            }
            entry[cursor] = UNKNOWN;
            facts[cursor].ras_root = true;
            queued[cursor] = true;
            work.push(cursor);
        }
        // A path into a file starts at a file that runs on its own (a logon script may also be
        // called, and its callers' path is the one to name).
        let starts: Vec<bool> = (0..n)
            .map(|f| facts[f].ras_root && !self.members[f].logon_script)
            .collect();
        for i in 0..n {
            facts[i].ras_entry = StateSet(entry[i]);
            if ras_pred[i].is_some() {
                (facts[i].ras_chain, facts[i].ras_chain_cut) = self.chain(i, &ras_pred, &starts);
            }
        }

        // 4. Client setup, from callees up to callers (least fixed point).
        let mut setup = vec![false; n];
        let mut callers: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut stack = Vec::new();
        for f in 0..n {
            for &(_, g) in &out[f] {
                callers[g].push(f);
            }
            let m = &self.members[f];
            // A client program that is not a call into the tree runs setup itself.
            let direct = m.summary.client_stmts.iter().any(|s| {
                !m.summary
                    .calls
                    .iter()
                    .zip(&self.resolved[f])
                    .any(|(c, r)| c.stmt == *s && matches!(r, Resolved::File(_)))
            });
            if direct {
                setup[f] = true;
                stack.push(f);
            }
        }
        while let Some(g) = stack.pop() {
            for &f in &callers[g] {
                if !setup[f] {
                    setup[f] = true;
                    stack.push(f);
                }
            }
        }
        for f in 0..n {
            facts[f].runs_setup = setup[f];
            let mut callees: Vec<Callee> = out[f]
                .iter()
                .map(|&(c, g)| Callee {
                    stmt: self.call(f, c).stmt,
                    path: self.members[g].display.clone(),
                    runs_setup: setup[g],
                })
                .collect();
            callees.sort_by_key(|c| c.stmt);
            callees.dedup_by_key(|c| c.stmt);
            facts[f].callees = callees;
        }

        // 5. Missing `%0\..\` helpers.
        for (f, m) in self.members.iter().enumerate() {
            for (c, r) in m.summary.calls.iter().zip(&self.resolved[f]) {
                let TargetSpec::Relative {
                    parts,
                    percent0: true,
                    ..
                } = &c.target
                else {
                    continue;
                };
                if *r != Resolved::Missing || !c.reachable {
                    continue;
                }
                let name = parts.join("\\");
                let batch = parts
                    .last()
                    .and_then(|p| extension(p))
                    .is_some_and(|e| e == "bat" || e == "cmd");
                if batch || m.netlogon_complete {
                    facts[f].missing.push(MissingHelper {
                        span: c.at.span,
                        name,
                        batch,
                    });
                }
            }
        }
        // 6. A NETLOGON copy of CHOICE next to the logon scripts (SMS105).
        for (f, m) in self.members.iter().enumerate() {
            if !facts[f].logon_reached {
                continue;
            }
            if let Some(dir) = m.path.parent() {
                if let Some(l) = listings.list(dir) {
                    facts[f].netlogon_choice =
                        l.contains_key("choice.com") || l.contains_key("choice.exe");
                }
            }
        }
        facts
    }

    /// The calls leading to file `i` through `pred`, root first, at most [`MAX_HOPS`] (the
    /// nearest; the flag says the chain was cut); the walk stops at a file `starts` marks (it
    /// runs on its own) and at the first file seen twice (RAS predecessors may form a cycle
    /// through the roots).
    fn chain(
        &self,
        i: usize,
        pred: &[Option<(usize, usize)>],
        starts: &[bool],
    ) -> (Vec<Hop>, bool) {
        let mut out = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        seen.insert(i);
        let mut cur = i;
        let mut cut = false;
        while let Some((f, c)) = pred[cur] {
            if cur != i && starts.get(cur).copied().unwrap_or(false) {
                break;
            }
            if !seen.insert(f) {
                break;
            }
            if out.len() == MAX_HOPS {
                cut = true;
                break;
            }
            out.push(Hop::of(&self.members[f], self.call(f, c)));
            cur = f;
        }
        out.reverse();
        (out, cut)
    }
}

/// Resolve one call of file `me` (in `dir`).
fn resolve(
    me: usize,
    dir: &Path,
    dir_key: &mut Option<FolderKey>,
    c: &CallOut,
    index: &HashMap<String, usize>,
    listings: &mut Listings,
) -> Resolved {
    let parts = match &c.target {
        TargetSpec::SelfFile => return Resolved::File(me),
        TargetSpec::Dynamic => return Resolved::Dynamic,
        TargetSpec::Elsewhere => return Resolved::Elsewhere,
        TargetSpec::Relative { parts, .. } => parts,
    };
    let Some((name, subdirs)) = parts.split_last() else {
        return Resolved::Elsewhere;
    };
    let mut base = dir.to_path_buf();
    if !subdirs.is_empty() {
        match listings.find(dir, subdirs) {
            Some(p) => base = p,
            None => return Resolved::Missing,
        }
    }
    // One look-up of the folder for all the names tried in it.
    let Some(listing) = listings.list(&base) else {
        return Resolved::Missing;
    };
    // A file found in the folder: a member of the tree when its key (the folder's key, then
    // its name as `key` writes it) is in the index, else a program.
    // (At most one file is found per call: only the caller's own folder keeps its key.)
    let mut found = |real: &String| {
        let sub;
        let base_key = if subdirs.is_empty() {
            dir_key.get_or_insert_with(|| FolderKey::of(&base))
        } else {
            sub = FolderKey::of(&base);
            &sub
        };
        let k = base_key.child(real);
        match index.get(&k) {
            Some(&i) => Resolved::File(i),
            None => Resolved::Program(base.join(real)),
        }
    };
    if extension(name).is_some() {
        return match listing.get(name) {
            Some(real) => found(real),
            None => Resolved::Missing,
        };
    }
    // A bare name: cmd.exe and COMMAND.COM try .COM, .EXE, .BAT (then .CMD on NT).
    let mut candidate = String::with_capacity(name.len() + 4);
    for ext in ["com", "exe", "bat", "cmd"] {
        candidate.clear();
        candidate.push_str(name);
        candidate.push('.');
        candidate.push_str(ext);
        if let Some(real) = listing.get(&candidate) {
            return found(real);
        }
    }
    Resolved::Missing
}

/// A folder's [`key`], and whether `join` puts a separator between it and a name: the
/// start of the key of every file found in the folder.
struct FolderKey {
    key: String,
    separated: bool,
}

impl FolderKey {
    fn of(folder: &Path) -> FolderKey {
        // `join` adds a separator unless the folder is empty or ends in one (or, on Windows,
        // is a bare drive such as `C:`): asked of `join` itself with a one-byte name.
        let separated = folder.join("x").as_os_str().len() == folder.as_os_str().len() + 2;
        FolderKey {
            key: key(folder),
            separated,
        }
    }

    /// `key(&folder.join(name))`: the folder's key, then the name folded as [`key`] folds.
    fn child(&self, name: &str) -> String {
        let mut k = Vec::with_capacity(self.key.len() + 1 + name.len());
        k.extend_from_slice(self.key.as_bytes());
        if self.separated {
            k.push(b'/');
        }
        let from = k.len();
        k.extend_from_slice(name.as_bytes());
        fold_key(&mut k[from..]);
        String::from_utf8(k).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key of a file found in a folder, made from the folder's key, is the key of the
    /// joined path (the separator `join` adds or not, also after a folder ending in `\`, which
    /// is no separator on Unix; case; `\` in a name; non-ASCII text).
    #[test]
    fn a_child_key_is_the_key_of_the_joined_path() {
        let folders = [
            "",
            "/",
            "/net/NETLOGON",
            "/net/logon/",
            "rel/Dir",
            "caf\u{e9}/X",
            "a\\b",
            "ends\\",
            "C:",
            "C:\\",
        ];
        let names = [
            "SMSLS.BAT",
            "helper.bat",
            "Caf\u{c9}.cmd",
            "odd\\name.BAT",
            "x",
            ".hidden",
        ];
        for f in folders {
            for n in names {
                let folder = Path::new(f);
                assert_eq!(
                    FolderKey::of(folder).child(n),
                    key(&folder.join(n)),
                    "{f:?} + {n:?}"
                );
            }
        }
    }

    #[test]
    fn keys_fold_ascii_case_and_read_backslashes_as_slashes() {
        for p in [
            "",
            r"C:\NetLogon\SMSLS.BAT",
            "/srv/netlogon/Sub/X.cmd",
            "/srv/Caf\u{e9}\\\u{c9}T\u{c9}.BAT",
        ] {
            let expected: String = p
                .chars()
                .map(|c| match c {
                    '\\' => '/',
                    c => c.to_ascii_lowercase(),
                })
                .collect();
            assert_eq!(key(Path::new(p)), expected, "{p}");
        }
    }
}
