//! The tree of a `check` run (issue 9): which files form it, reading each into its summary
//! (in parallel), resolving the tree once, and the settings each checked file is then linted
//! with. The analysis itself is `crate::tree`; this file only gathers its inputs.
//!
//! The tree of a named path is every `*.bat`/`*.cmd` under its project root: the directory
//! of the smslint.toml in effect, else the git work tree, else the named directory (a named
//! file with neither is a tree of its own). When only some files are named (pre-commit passes
//! the changed ones), the rest of the tree is read for the call graph only.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::config::{self, ResolvedSettings};
use super::discover::{self, Input, InputKind};
use super::{display_path, Analysis, ConfigCache, Overrides};
use crate::diagnostic::FileReport;
use crate::rules::bat_util::DirListings;
use crate::rules::LintSettings;
use crate::source::Source;
use crate::tree::{calls, Decider, FileFacts, Member, Targets, Tree};

/// The git work tree `dir` lies in: the nearest ancestor with a `.git` entry.
pub fn git_work_tree(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The project root of a named path (absolute).
fn project_root(
    named: &Path,
    is_dir: bool,
    configs: &mut ConfigCache,
) -> miette::Result<Option<PathBuf>> {
    let abs = config::absolute(named);
    let dir = if is_dir {
        abs.clone()
    } else {
        abs.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    if let Some(cfg) = configs.for_dir(&dir)? {
        let root = cfg.dir();
        // A config found from the working directory for a path outside it says nothing
        // about that path's tree.
        if abs.starts_with(&root) {
            return Ok(Some(root));
        }
    }
    if let Some(git) = git_work_tree(&dir) {
        return Ok(Some(git));
    }
    Ok(is_dir.then_some(abs))
}

/// One file of the run: what it is and whether its findings are reported.
pub struct TreeInput {
    pub input: Input,
    /// The path made absolute (once: it costs a `getcwd`).
    pub abs: PathBuf,
    /// Named (or below a named directory): its findings are reported.
    pub lint: bool,
}

/// The files of the run's trees: the named inputs (reported) and every other batch file
/// under their project roots (read for the call graph).
pub fn tree_inputs(
    named: Vec<Input>,
    named_paths: &[PathBuf],
    configs: &mut ConfigCache,
) -> miette::Result<Vec<TreeInput>> {
    let mut roots: Vec<PathBuf> = Vec::new();
    // Named directories were walked by discovery already: a root that is one of them holds
    // no batch file that is not named.
    let mut walked: HashSet<PathBuf> = HashSet::default();
    for p in named_paths {
        if p.as_os_str() == "-" {
            continue;
        }
        let is_dir = p.is_dir();
        if is_dir {
            walked.insert(config::absolute(p));
        }
        if let Some(r) = project_root(p, is_dir, configs)? {
            roots.push(r);
        }
    }
    roots.sort();
    roots.dedup();
    // A root inside another root is walked with it.
    let mut outer: Vec<PathBuf> = Vec::new();
    for r in roots {
        if !outer.iter().any(|o| r.starts_with(o)) {
            outer.push(r);
        }
    }
    // By the absolute path's bytes: `absolute` gives one spelling per path (components
    // rebuilt), and hashing a `Path` walks its components.
    let mut seen: HashSet<std::ffi::OsString> = HashSet::default();
    let mut out: Vec<TreeInput> = Vec::new();
    for input in named {
        let key = config::absolute(&input.path);
        if seen.contains(key.as_os_str()) && input.kind == InputKind::File {
            continue;
        }
        seen.insert(key.clone().into_os_string());
        out.push(TreeInput {
            input,
            abs: key,
            lint: true,
        });
    }
    for root in outer {
        if walked.contains(&root) {
            continue;
        }
        let found = discover::batch_files(&root, configs)?;
        for mut input in found.inputs {
            let key = config::absolute(&input.path);
            if seen.contains(key.as_os_str()) {
                continue;
            }
            input.display = display_path(&key);
            seen.insert(key.clone().into_os_string());
            out.push(TreeInput {
                input,
                abs: key,
                lint: false,
            });
        }
    }
    Ok(out)
}

/// The lower-case stems of the run's files: a command that is not a `call` is kept in a
/// summary only when it can name one of them.
pub fn stems(inputs: &[TreeInput]) -> HashSet<String> {
    inputs
        .iter()
        .filter_map(|t| t.input.path.file_stem())
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .collect()
}

/// The tree's member for one input already analysed.
pub fn summarize_member(
    t: &TreeInput,
    settings: &ResolvedSettings,
    source: &Source,
    analysis: &Analysis,
    stems: Option<&HashSet<String>>,
) -> (Member, crate::sms::Analysis) {
    let known = |stem: &str| stems.map_or(true, |s| s.contains(stem));
    let (summary, sms) = calls::summarize(
        source,
        &analysis.script,
        &analysis.flow,
        settings.lint.sms_settings(),
        &known,
    );
    let member = Member {
        path: t.abs.clone(),
        display: t.input.display.clone(),
        logon_script: settings.lint.logon_script,
        explicit: settings.explicit_targets,
        netlogon_complete: settings.netlogon_complete,
        summary,
    };
    (member, sms)
}

/// Read every file of the run into the tree (in parallel) and resolve it, without linting
/// (`dump --calls`, `--show-config`). Returns the tree, each input's member index, and the
/// error lines of unreadable reported files.
pub fn build(
    inputs: &[TreeInput],
    ov: &Overrides,
    stdin: Option<&[u8]>,
) -> (Tree, Vec<Option<usize>>, Vec<String>) {
    let stems = stems(inputs);
    let read: Vec<Result<Option<Member>, String>> = inputs
        .par_iter()
        .map(|t| {
            let bytes = match read_input(&t.input, stdin) {
                Ok(b) => b,
                Err(e) if t.lint => return Err(e),
                Err(_) => return Ok(None),
            };
            let settings = ResolvedSettings::for_file(t.input.config.as_deref(), ov, &t.input.path);
            analyse(t, &settings, bytes, &stems).map(|(_, m)| Some(m))
        })
        .collect();
    let mut members = Vec::new();
    let mut index = Vec::with_capacity(inputs.len());
    let mut errors = Vec::new();
    for r in read {
        match r {
            Ok(Some(m)) => {
                index.push(Some(members.len()));
                members.push(m);
            }
            Ok(None) => index.push(None),
            Err(e) => {
                errors.push(e);
                index.push(None);
            }
        }
    }
    (Tree::build(members), index, errors)
}

/// How one file of a run is linted: its settings and, while its directory is checked, its
/// bytes and analyses (`None` once the directory holds [`HOLD_BYTES`]: the file is then read
/// and analysed again when it is linted).
struct Read {
    input: usize,
    settings: ResolvedSettings,
    /// Boxed: a file's results are moved twice on the way to the tree (out of the parallel
    /// collection, into this list), and 600 more bytes a file in fresh vectors cost page
    /// faults on the one thread that resolves the tree (about 0.2 ms for 150 files).
    held: Option<Box<Held>>,
}

struct Held {
    source: Arc<Source>,
    analysis: Analysis,
    sms: crate::sms::Analysis,
}

/// Analyse one input's bytes and summarize it for the tree; a panic is the file's internal
/// error, never the run's.
fn analyse(
    t: &TreeInput,
    settings: &ResolvedSettings,
    bytes: Vec<u8>,
    stems: &HashSet<String>,
) -> Result<(Box<Held>, Member), String> {
    let source = Arc::new(Source::new(bytes));
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let analysis = Analysis::of(&source);
        let (member, sms) = summarize_member(t, settings, &source, &analysis, Some(stems));
        (
            Box::new(Held {
                source: source.clone(),
                analysis,
                sms,
            }),
            member,
        )
    }))
    .map_err(|_| internal_error(&t.input))
}

/// Source bytes of one directory whose analyses are held until its call graph is resolved.
/// Past it (a flat NETLOGON share of thousands of scripts), a file keeps only its summary and
/// is read and analysed again to be linted: memory stays bounded at the price of a second
/// parse of those files. The findings are the same either way (`SMSLINT_HOLD_BYTES` sets
/// another limit: the tree tests run every share with 0 and compare).
const HOLD_BYTES: usize = 4 << 20;

fn hold_bytes() -> usize {
    static LIMIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        std::env::var("SMSLINT_HOLD_BYTES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(HOLD_BYTES)
    })
}

/// How the engine lints one analysed file: display path, bytes, analysis, its SMS analysis
/// from the summary (when there is one), settings, and the settings with the tree's facts.
pub type LintFn = dyn Fn(
        &str,
        Arc<Source>,
        Analysis,
        Option<crate::sms::Analysis>,
        &ResolvedSettings,
        &LintSettings,
    ) -> FileReport
    + Sync;

/// `check --fix` for one file: the bytes to check.
pub type FixFn = dyn Fn(&Input, &ResolvedSettings, Vec<u8>) -> Result<Vec<u8>, String> + Sync;

/// What checking one directory leaves: the reports of its reported files (by input) and,
/// when one of its calls names a file in a subdirectory or another directory's call may name
/// one of its files, its members and the facts its own resolution gave them (otherwise the
/// directory's tree is dropped as soon as it is linted).
struct DirDone {
    reports: Vec<(usize, Result<FileReport, String>)>,
    errors: Vec<String>,
    kept: Kept,
    /// One of its calls names a file in a subdirectory.
    crosses: bool,
}

/// A directory's members and the facts its own resolution gave them.
#[derive(Default)]
struct Kept {
    members: Vec<Member>,
    facts: Vec<Arc<FileFacts>>,
    /// Input index of each member.
    inputs: Vec<usize>,
}

/// What every directory of a run shares: the stems of its files ([`stems`]) and the folder
/// listings rules ask for (a sibling script), each read once for the run.
struct Run {
    stems: HashSet<String>,
    listings: Arc<DirListings>,
}

/// Lint the run: every directory of the trees on its own, in parallel, each file read and
/// analysed once (calls resolve against the caller's directory, so a directory is a tree of
/// its own unless a call names a subdirectory). The directories whose calls cross into other
/// directories, and the directories they name, are then resolved together from the summaries
/// their first resolution kept, and the files whose facts change are linted again. A call
/// names a folder at or below its caller's, so this second resolution never leaves a family
/// ([`families`]): each family does it as soon as its own directories are checked, while
/// the other families' directories keep the cores busy. Memory holds the analyses of the
/// directories being checked, not the run's.
pub fn check(
    inputs: &[TreeInput],
    ov: &Overrides,
    stdin: Option<&[u8]>,
    fix: &FixFn,
    lint: &LintFn,
) -> (Vec<FileReport>, Vec<String>) {
    let run = Run {
        stems: stems(inputs),
        listings: Arc::new(DirListings::default()),
    };
    // Grouped by hash, then ordered once per folder (a path comparison walks components).
    // (By the folder's bytes: `abs` is one spelling per path.)
    let mut groups: HashMap<&std::ffi::OsStr, Vec<usize>> = HashMap::default();
    for (i, t) in inputs.iter().enumerate() {
        let dir = t.abs.parent().unwrap_or(Path::new(""));
        groups.entry(dir.as_os_str()).or_default().push(i);
    }
    let dirs: BTreeMap<PathBuf, Vec<usize>> = groups
        .into_iter()
        .map(|(d, v)| (PathBuf::from(d), v))
        .collect();
    let dirs: Vec<(&PathBuf, &Vec<usize>)> = dirs.iter().collect();
    let families = families(&dirs);
    let done: Vec<(InputReports, Vec<String>)> = families
        .par_iter()
        .map(|f| {
            let members: Vec<(&PathBuf, &Vec<usize>)> = f.iter().map(|&k| dirs[k]).collect();
            check_family(inputs, &members, ov, stdin, &run, fix, lint)
        })
        .collect();
    let mut out = Vec::with_capacity(inputs.len());
    let mut errors = Vec::new();
    for (reports, errs) in done {
        errors.extend(errs);
        for (_, r) in reports {
            match r {
                Ok(rep) => out.push(rep),
                Err(e) => errors.push(e),
            }
        }
    }
    (out, errors)
}

/// The run's directories (in path order) as families: the indices of a directory whose
/// lower-case path has no other directory's lower-case path above it, and of every directory
/// below it, in path order. A call's folder keys are lower-case and at or below its caller's
/// (see [`folder_keys`]), so every folder a call can name is in its caller's family.
fn families(dirs: &[(&PathBuf, &Vec<usize>)]) -> Vec<Vec<usize>> {
    let keys: Vec<String> = dirs.iter().map(|(d, _)| folder_key(d)).collect();
    let known: HashSet<&str> = keys.iter().map(String::as_str).collect();
    let mut slot: HashMap<&str, usize> = HashMap::default();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        let top = Path::new(key)
            .ancestors()
            .filter_map(Path::to_str)
            .filter(|a| known.contains(a))
            .last()
            .unwrap_or(key);
        let f = *slot.entry(top).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[f].push(k);
    }
    out
}

/// Reports by input: each reported file's report, or the error line that replaces it.
type InputReports = Vec<(usize, Result<FileReport, String>)>;

/// Check one family of directories: each directory on its own, in parallel, then the second
/// resolution of the directories whose calls cross (see [`check`]). Returns the reports by
/// input, in the family's directory order, and the error lines.
fn check_family(
    inputs: &[TreeInput],
    dirs: &[(&PathBuf, &Vec<usize>)],
    ov: &Overrides,
    stdin: Option<&[u8]>,
    run: &Run,
    fix: &FixFn,
    lint: &LintFn,
) -> (InputReports, Vec<String>) {
    // A call names a folder below its caller's: only a folder below another folder of the run
    // can be named, and only such a folder keeps its members for the second resolution.
    // (`dirs` is in path order: a binary search, as the path comparison of a `BTreeMap`.)
    let nested = |d: &Path| {
        d.ancestors()
            .skip(1)
            .any(|a| dirs.binary_search_by(|(x, _)| x.as_path().cmp(a)).is_ok())
    };
    let done: Vec<DirDone> = dirs
        .par_iter()
        .map(|(d, g)| check_dir(inputs, g, ov, stdin, run, nested(d), fix, lint))
        .collect();

    let mut reports: Vec<(usize, Result<FileReport, String>)> = Vec::new();
    let mut errors = Vec::new();
    let any_crossing = done.iter().any(|d| d.crosses);
    let mut crossing: Vec<Kept> = Vec::new();
    let mut others: HashMap<&PathBuf, Kept> = HashMap::default();
    for ((dir, _), d) in dirs.iter().zip(done) {
        reports.extend(d.reports);
        errors.extend(d.errors);
        if d.crosses {
            crossing.push(d.kept);
        } else if any_crossing {
            others.insert(dir, d.kept);
        }
    }
    if !crossing.is_empty() {
        let redone = recheck_crossing(inputs, dirs, crossing, others, ov, stdin, run, lint);
        for (i, r) in reports.iter_mut() {
            if let Some(new) = redone.get(i) {
                *r = new.clone();
            }
        }
    }
    (reports, errors)
}

/// The second resolution: the crossing directories and the directories their calls name, as
/// one tree per group of folders that calls join, from the members their first resolution
/// kept. The reported files whose facts differ from their directory's are linted again (read
/// and analysed once more: crossing calls are rare); returns their reports by input.
#[allow(clippy::too_many_arguments)]
fn recheck_crossing<'d>(
    inputs: &[TreeInput],
    dirs: &[(&'d PathBuf, &Vec<usize>)],
    crossing: Vec<Kept>,
    mut others: HashMap<&'d PathBuf, Kept>,
    ov: &Overrides,
    stdin: Option<&[u8]>,
    run: &Run,
    lint: &LintFn,
) -> HashMap<usize, Result<FileReport, String>> {
    // Directories by lower-case path, for the case-insensitive names of the calls.
    let by_key: HashMap<String, &PathBuf> = dirs.iter().map(|&(d, _)| (folder_key(d), d)).collect();
    let mut named: Vec<&PathBuf> = Vec::new();
    for k in &crossing {
        for m in &k.members {
            let (_, keys) = folder_keys(m);
            named.extend(keys.iter().filter_map(|key| by_key.get(key).copied()));
        }
    }
    named.sort();
    named.dedup();
    let mut members = Vec::new();
    let mut old_facts: Vec<Arc<FileFacts>> = Vec::new();
    let mut member_inputs = Vec::new();
    // The named directories that do not cross join them as their own resolution left them.
    for k in crossing
        .into_iter()
        .chain(named.iter().filter_map(|d| others.remove(d)))
    {
        members.extend(k.members);
        old_facts.extend(k.facts);
        member_inputs.extend(k.inputs);
    }
    drop(others);
    // One tree per group of folders that calls join (its members in the union's order): a
    // call resolves in its caller's folder or a subfolder it names, so no call joins two
    // groups, and the groups are resolved in parallel.
    let group_of = call_groups(&members);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::default();
    for (j, g) in group_of.iter().enumerate() {
        let k = *slot.entry(*g).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[k].push(j);
    }
    // A group of one folder alone is the tree its folder was resolved as (the same members
    // in the same order): its facts cannot change, so it is not built again.
    groups.retain(|g| {
        let folder = |j: usize| members[j].path.parent();
        !g.iter().all(|&j| folder(j) == folder(g[0]))
    });
    let mut taken: Vec<Option<Member>> = members.into_iter().map(Some).collect();
    let group_members: Vec<Vec<Member>> = groups
        .iter()
        .map(|g| g.iter().filter_map(|&j| taken[j].take()).collect())
        .collect();
    let trees: Vec<Tree> = group_members.into_par_iter().map(Tree::build).collect();
    // The members of the groups built whose facts changed: (input, member, facts).
    let mut todo: Vec<(usize, &Member, &Arc<FileFacts>)> = groups
        .iter()
        .enumerate()
        .flat_map(|(k, g)| g.iter().enumerate().map(move |(local, &j)| (j, k, local)))
        .filter_map(|(j, k, local)| {
            let (i, facts) = (member_inputs[j], &trees[k].facts[local]);
            (inputs[i].lint && *old_facts[j] != **facts).then_some((
                i,
                &trees[k].members[local],
                facts,
            ))
        })
        .collect();
    // This is the run's last step: the largest files start first, each a task of its own, so
    // no large file is left to run alone at the end (a 188 KB script took about 4 ms).
    todo.sort_by_cached_key(|&(i, _, _)| {
        std::cmp::Reverse(std::fs::metadata(&inputs[i].input.path).map_or(0, |m| m.len()))
    });
    todo.par_iter()
        .with_max_len(1)
        .map(|&(i, member, facts)| {
            let t = &inputs[i].input;
            let r = read_input(t, stdin).and_then(|bytes| {
                let settings = ResolvedSettings::for_file(t.config.as_deref(), ov, &t.path);
                let source = Arc::new(Source::new(bytes));
                let mut l = with_facts(&settings.lint, member, facts.clone());
                l.dirs = run.listings.clone();
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let analysis = Analysis::of(&source);
                    lint(&t.display, source, analysis, None, &settings, &l)
                }))
                .map_err(|_| internal_error(t))
            });
            (i, r)
        })
        .collect()
}

/// A folder as the second resolution compares folders: its path in ASCII lower case. The
/// families, the folders by key and [`folder_keys`] must agree on it.
fn folder_key(dir: &Path) -> String {
    dir.to_string_lossy().to_ascii_lowercase()
}

/// A member's folder as a lower-case key, and the keys of the subfolders its calls name below
/// it (`call tools\x.bat` names `<folder>/tools`): the folders its calls can resolve in.
fn folder_keys(m: &Member) -> (String, Vec<String>) {
    let own = folder_key(m.path.parent().unwrap_or(Path::new("")));
    let named = m
        .summary
        .calls
        .iter()
        .filter_map(|c| match &c.target {
            calls::TargetSpec::Relative { parts, .. } if parts.len() > 1 => {
                let mut t = own.clone();
                for p in &parts[..parts.len() - 1] {
                    t.push('/');
                    t.push_str(p);
                }
                Some(t)
            }
            _ => None,
        })
        .collect();
    (own, named)
}

/// For each member, the group of folders it belongs to (an arbitrary id): the folders its
/// calls name below its own are in its group, transitively (union-find over folder keys).
fn call_groups(members: &[Member]) -> Vec<usize> {
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut ids: HashMap<String, usize> = HashMap::default();
    let mut parent: Vec<usize> = Vec::new();
    let mut id = |k: String, parent: &mut Vec<usize>| {
        *ids.entry(k).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    let mut own = Vec::with_capacity(members.len());
    for m in members {
        let (dir, named) = folder_keys(m);
        let me = id(dir, &mut parent);
        own.push(me);
        for t in named {
            let other = id(t, &mut parent);
            let (a, b) = (find(&mut parent, me), find(&mut parent, other));
            parent[a] = b;
        }
    }
    own.iter().map(|&x| find(&mut parent, x)).collect()
}

/// Check one directory: read and analyse its files in parallel, resolve its tree, lint its
/// reported files with their facts.
#[allow(clippy::too_many_arguments)]
fn check_dir(
    inputs: &[TreeInput],
    group: &[usize],
    ov: &Overrides,
    stdin: Option<&[u8]>,
    run: &Run,
    nested: bool,
    fix: &FixFn,
    lint: &LintFn,
) -> DirDone {
    let stems = &run.stems;
    let held_bytes = std::sync::atomic::AtomicUsize::new(0);
    // One task a file: rayon's halves would leave a long script queued behind a run of
    // others on one thread while the other thread idles at the end of the phase.
    let read: Vec<Result<Option<(Read, Member)>, String>> = group
        .par_iter()
        .with_max_len(1)
        .map(|&i| {
            let t = &inputs[i];
            let bytes = match read_input(&t.input, stdin) {
                Ok(b) => b,
                Err(e) if t.lint => return Err(e),
                Err(_) => return Ok(None),
            };
            let settings = ResolvedSettings::for_file(t.input.config.as_deref(), ov, &t.input.path);
            let bytes = if t.lint && t.input.kind == InputKind::File {
                fix(&t.input, &settings, bytes)?
            } else {
                bytes
            };
            let (held, member) = analyse(t, &settings, bytes, stems)?;
            let len = held.source.bytes().len();
            // The first file is always held: one large script is parsed once.
            let hold = t.lint && {
                let before = held_bytes.fetch_add(len, std::sync::atomic::Ordering::Relaxed);
                before == 0 || before + len <= hold_bytes()
            };
            Ok(Some((
                Read {
                    input: i,
                    settings,
                    held: hold.then_some(held),
                },
                member,
            )))
        })
        .collect();
    let mut errors = Vec::new();
    let mut reads = Vec::with_capacity(read.len());
    let mut members = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(Some((rd, m))) => {
                reads.push(rd);
                members.push(m);
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    let crosses = Tree::crosses_directories(&members);
    let tree = Tree::build(members);
    let member_inputs: Vec<usize> = reads.iter().map(|r| r.input).collect();
    let Tree {
        members,
        resolved,
        facts,
    } = tree;
    drop(resolved);
    // The settings each reported file is linted with.
    let lints: Vec<Option<LintSettings>> = reads
        .iter()
        .enumerate()
        .map(|(j, r)| {
            inputs[r.input].lint.then(|| {
                let mut l = with_facts(&r.settings.lint, &members[j], facts[j].clone());
                l.dirs = run.listings.clone();
                l
            })
        })
        .collect();
    // A folder that no call can name, and whose calls name no other, lets its members go
    // before the rules run.
    let kept = if nested || crosses {
        Kept {
            members,
            facts,
            inputs: member_inputs,
        }
    } else {
        drop(members);
        Kept::default()
    };
    // The largest held files first, one task each: the phase ends with small files on both
    // threads, not with one long script on one of them.
    let mut work: Vec<(Read, LintSettings)> = reads
        .into_iter()
        .zip(lints)
        .filter_map(|(r, l)| Some((r, l?)))
        .collect();
    work.sort_by_key(|(r, _)| {
        std::cmp::Reverse(r.held.as_ref().map_or(0, |h| h.source.bytes().len()))
    });
    let reports: Vec<(usize, Result<FileReport, String>)> = work
        .into_par_iter()
        .with_max_len(1)
        .map(|(r, l)| {
            let ti = &inputs[r.input];
            let t = &ti.input;
            let held = match r.held {
                Some(h) => Ok(h),
                // Not held: read and analyse it again (after `--fix`, the bytes it wrote).
                None => read_input(t, stdin)
                    .and_then(|bytes| analyse(ti, &r.settings, bytes, stems).map(|(h, _)| h)),
            };
            let rep = held.and_then(|h| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    lint(
                        &t.display,
                        h.source,
                        h.analysis,
                        Some(h.sms),
                        &r.settings,
                        &l,
                    )
                }))
                .map_err(|_| internal_error(t))
            });
            (r.input, rep)
        })
        .collect();
    DirDone {
        reports,
        errors,
        crosses,
        kept,
    }
}

/// The bytes of an input.
pub fn read_input(input: &Input, stdin: Option<&[u8]>) -> Result<Vec<u8>, String> {
    match input.kind {
        InputKind::Stdin => {
            let bytes = stdin
                .ok_or_else(|| format!("{}: standard input could not be read", input.display))?;
            crate::source::check_len(bytes.len() as u64, crate::source::MAX_LEN)
                .map_err(|e| format!("{}: cannot read: {e}", input.display))?;
            Ok(bytes.to_vec())
        }
        InputKind::File => crate::source::read_file(&input.path)
            .map_err(|e| format!("{}: cannot read: {e}", input.display)),
    }
}

pub fn internal_error(input: &Input) -> String {
    format!(
        "{}: internal error while checking this file (a bug in smslint; please report it)",
        input.display
    )
}

/// The settings a file is linted with: its own, with the targets, the NT 4.0 client fact and
/// the tree's facts filled in.
pub fn with_facts(base: &LintSettings, member: &Member, facts: Arc<FileFacts>) -> LintSettings {
    let mut s = base.clone();
    let nt = match facts.decided_by {
        Decider::Flag | Decider::PerFileConfig | Decider::Config => {
            member.explicit.map(|(t, _)| t.nt).unwrap_or(true)
        }
        Decider::Pragma => member.summary.pragma.map(|t| t.nt).unwrap_or(true),
        _ => true,
    };
    s.targets = Targets {
        nt,
        win9x: facts.win9x,
    };
    s.nt4_client = facts.logon_reached || base.logon_script;
    s.tree = facts;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Families join a folder with the folders below it, compared in lower case (the keys a
    /// call's folder is looked up by), and keep the run's path order inside each family.
    #[test]
    fn families_join_folders_below_a_folder_in_any_case() {
        let paths = [
            "/r/A", "/r/A/sub", "/r/B", "/r/a/x", "/r/c/d", "/r/c/d/e", "/r/cd",
        ];
        let dirs: BTreeMap<PathBuf, Vec<usize>> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (PathBuf::from(p), vec![i]))
            .collect();
        let dirs: Vec<(&PathBuf, &Vec<usize>)> = dirs.iter().collect();
        let names = |f: &Vec<usize>| -> Vec<&str> {
            f.iter().map(|&k| dirs[k].0.to_str().unwrap()).collect()
        };
        let got: Vec<Vec<&str>> = families(&dirs).iter().map(names).collect();
        assert_eq!(
            got,
            vec![
                vec!["/r/A", "/r/A/sub", "/r/a/x"],
                vec!["/r/B"],
                vec!["/r/c/d", "/r/c/d/e"],
                vec!["/r/cd"],
            ]
        );
    }
}
