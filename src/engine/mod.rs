//! The lint engine: discovery, per-file analysis in parallel, rule selection, suppressions,
//! severity, sorting.

pub mod baseline;
pub mod config;
pub mod discover;
pub mod suppress;
pub mod tree;

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, FileReport, Finding, Severity};
use crate::flow::Flow;
use crate::progress::Progress;
use crate::report::{self, Format, RenderOptions};
use crate::rules::{self, Ctx, RULES};
use crate::source::{Source, Span};
use crate::syntax::labels::LabelIndex;
use crate::Exit;
use config::LoadedConfig;
pub use config::{Overrides, ResolvedSettings};

use discover::{Input, InputKind};

/// Everything `smslint check` is asked to do, as plain values (the command layer builds it
/// from the flags; an integration can build it directly).
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Files or directories to check; `-` is standard input.
    pub paths: Vec<PathBuf>,
    /// The name standard input goes by in messages and config matching.
    pub stdin_filename: Option<PathBuf>,
    /// Apply the config's `exclude` even to files named explicitly.
    pub force_exclude: bool,
    /// Settings that override the config (selection, targets, upgrade window).
    pub overrides: Overrides,
    /// Apply the automatic fixes (the SMS101 upgrade gate) to the files.
    pub fix: bool,
    /// Print the resolved settings instead of checking.
    pub show_config: bool,
    /// This smslint.toml instead of discovering one.
    pub config: Option<PathBuf>,
    /// Report only findings not recorded in this baseline file (else the `baseline` of the
    /// smslint.toml in effect for the current directory, if any).
    pub baseline: Option<PathBuf>,
    /// Record the run's findings in the baseline file instead of reporting them.
    pub update_baseline: bool,
    pub output: OutputOptions,
    /// Counts the files checked (the total once discovered) and is finished before the report
    /// is written, for a progress display the caller draws.
    pub progress: Option<Progress>,
}

/// Where and how a run's findings are written, and what makes the run fail.
#[derive(Clone, Debug)]
pub struct OutputOptions {
    pub render: RenderOptions,
    /// Lowest severity that makes the outcome [`Exit::Findings`] (info never does).
    pub fail_on: FailOn,
    /// The outcome is [`Exit::Clean`] even with findings (still a failure when smslint fails).
    pub exit_zero: bool,
    /// Write the report to this file instead of standard output.
    pub output: Option<PathBuf>,
}

/// The lowest severity that fails a run.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
}

/// Whether a finding of severity `sev` fails the run.
pub fn fails(sev: Severity, fail_on: FailOn) -> bool {
    sev > Severity::Info
        && match fail_on {
            FailOn::Error => sev >= Severity::Error,
            FailOn::Warning => sev >= Severity::Warning,
        }
}

/// Apply the selection and severity overrides in effect to a finding made outside the
/// per-file pipeline (the inventory audit's: the config's `select`, `ignore`,
/// `per-file-ignores` and `[severity]`, as `check` does).
pub fn apply_settings(settings: &ResolvedSettings, mut f: Finding) -> Option<Finding> {
    if !settings.is_selected(f.diag.code) {
        return None;
    }
    f.diag.severity = settings.severity_of(f.diag.code, f.diag.severity);
    Some(f)
}

/// The per-file analysis every rule reads: the parsed script, the label index as the GOTO
/// scanner sees it, and the control-flow graph over both.
pub struct Analysis {
    pub script: crate::syntax::ast::Script,
    pub labels: LabelIndex,
    pub flow: Flow,
}

impl Analysis {
    /// Parse and analyse one script. Never fails.
    pub fn of(source: &Source) -> Analysis {
        let script = crate::syntax::parse(source);
        let labels = LabelIndex::build(source);
        let flow = Flow::build(source, &script, &labels);
        Analysis {
            script,
            labels,
            flow,
        }
    }
}

/// [`Analysis::of`] a script's bytes.
pub fn analyse(bytes: &[u8]) -> Analysis {
    Analysis::of(&Source::new(bytes.to_vec()))
}

/// Lint one script's bytes as `path` with `settings`: the findings `smslint check` reports
/// for it (selection, suppressions and severity overrides applied), in source order.
pub fn lint(path: &str, bytes: &[u8], settings: &ResolvedSettings) -> Vec<Diagnostic> {
    lint_source(path, Arc::new(Source::new(bytes.to_vec())), settings)
        .findings
        .into_iter()
        .map(|f| f.diag)
        .collect()
}

/// Lint one script: parse, analyse, run the selected rules, apply suppressions and severity
/// overrides, locate and sort the findings. Never fails.
pub fn lint_source(path: &str, source: Arc<Source>, settings: &ResolvedSettings) -> FileReport {
    lint_with_rules(path, source, settings, RULES)
}

/// [`lint_source`] with an explicit rule list (the registry in production; tests add rules).
/// The file is a tree of its own: its calls resolve against its directory only.
pub fn lint_with_rules(
    path: &str,
    source: Arc<Source>,
    settings: &ResolvedSettings,
    rules: &[&'static rules::Rule],
) -> FileReport {
    let analysis = Analysis::of(&source);
    let input = tree::TreeInput {
        input: Input {
            kind: InputKind::File,
            path: PathBuf::from(path),
            display: path.to_string(),
            config: None,
        },
        abs: config::absolute(Path::new(path)),
        lint: true,
    };
    let (member, sms) = tree::summarize_member(&input, settings, &source, &analysis, None);
    let lone = crate::tree::Tree::build(vec![member]);
    let lint = tree::with_facts(&settings.lint, &lone.members[0], lone.facts[0].clone());
    lint_analysed(path, source, analysis, Some(sms), settings, &lint, rules)
}

/// Run the selected rules over an analysed script with `lint` (its settings with the tree's
/// facts), then suppressions, severity overrides, location and sorting.
pub fn lint_analysed(
    path: &str,
    source: Arc<Source>,
    analysis: Analysis,
    sms: Option<crate::sms::Analysis>,
    settings: &ResolvedSettings,
    lint: &rules::LintSettings,
    rules: &[&'static rules::Rule],
) -> FileReport {
    let Analysis {
        script,
        labels,
        flow,
    } = analysis;
    // The SMS analysis of the summary, started in the file's entry state.
    let sms = sms.map(|mut a| {
        a.ras = a.ras.with_entry(lint.tree.ras_entry);
        a
    });
    let ctx = Ctx::new(Path::new(path), &source, &script, &labels, &flow, lint, sms);
    let mut diags = Vec::new();
    if let Some(foreign) = crate::flow::foreign_script(&source) {
        // Another interpreter's script: no batch finding, one note saying why.
        let note = &rules::sml002_not_a_batch_script::RULE;
        let first = source.line_span(1);
        diags.push(
            note.diag(first, foreign.describe())
                .with_label("not a cmd.exe script")
                .with_help(foreign.help()),
        );
    } else {
        // `selected` is in registry order, as `RULES` is: a cursor answers in one step for
        // each selected rule (the lookup decides for the others).
        // Over the registry itself the cursor alone decides (`selected` holds registry codes
        // only); a list with other rules (tests) asks the lookup for the rest.
        let registry = std::ptr::eq(rules, RULES);
        let mut next = settings.selected.iter().peekable();
        let on = rules.iter().copied().filter(|rule| {
            // Registry codes are the registry's own strings: compared by address.
            if next
                .peek()
                .is_some_and(|c| std::ptr::eq(**c, rule.code) || (!registry && **c == rule.code))
            {
                next.next();
                true
            } else {
                !registry && settings.is_selected(rule.code)
            }
        });
        rules::run_checks(on, &ctx, &mut diags);
    }
    // A check may report a companion code; only selected codes are kept.
    diags.retain(|d| settings.is_selected(d.code));

    // Secrets stay masked even when their finding is suppressed (or later baselined).
    let secrets: Vec<Span> = diags.iter().flat_map(|d| d.secrets.clone()).collect();
    let mut directives = suppress::collect(&source, &script);
    // The analysis is not needed past this point: let it go before the findings are located
    // (on a 5 MB script it is most of the memory).
    drop(ctx);
    drop((script, labels, flow));
    suppress::apply(&source, &mut directives, &mut diags);
    diags.extend(unused_suppressions(&directives, settings, rules));

    let mut report = finish(path, Some(source), diags, settings);
    report.secrets = secrets;
    report
}

/// Severity overrides, location and sorting: the last step for every kind of input.
pub fn finish(
    path: &str,
    source: Option<Arc<Source>>,
    mut diags: Vec<Diagnostic>,
    settings: &ResolvedSettings,
) -> FileReport {
    for d in &mut diags {
        d.severity = settings.severity_of(d.code, d.severity);
    }
    diags.sort_by(|a, b| {
        (a.span.start(), a.span.end(), a.code, &a.message).cmp(&(
            b.span.start(),
            b.span.end(),
            b.code,
            &b.message,
        ))
    });
    let mut findings: Vec<Finding> = match &source {
        Some(src) => diags.into_iter().map(|d| Finding::locate(d, src)).collect(),
        None => diags
            .into_iter()
            .map(|d| Finding {
                diag: d,
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
                fingerprint: None,
            })
            .collect(),
    };
    number_occurrences(&mut findings);
    let secrets = findings
        .iter()
        .flat_map(|f| f.diag.secrets.clone())
        .collect();
    FileReport {
        path: path.to_string(),
        source,
        findings,
        secrets,
    }
}

/// Number the findings that share a rule and a line text (the fingerprint's occurrence), in
/// file order. Linear: one hash map per file.
pub fn number_occurrences(findings: &mut [Finding]) {
    let mut seen: rustc_hash::FxHashMap<(&'static str, u64), u32> = Default::default();
    for f in findings {
        if let Some(fp) = &mut f.fingerprint {
            let n = seen.entry((f.diag.code, fp.line_hash)).or_insert(0);
            fp.occurrence = *n;
            *n += 1;
        }
    }
}

/// SML001 for every directive code that suppressed nothing.
fn unused_suppressions(
    directives: &[suppress::Directive],
    settings: &ResolvedSettings,
    extra: &[&'static rules::Rule],
) -> Vec<Diagnostic> {
    let rule = &rules::sml001_unused_suppression::RULE;
    if directives.is_empty() || !settings.is_selected(rule.code) {
        return Vec::new();
    }
    // `disable-file=SML001` silences this rule.
    let silenced = directives
        .iter()
        .any(|d| d.scope == suppress::Scope::File && d.codes.iter().any(|c| c.code == rule.code));
    if silenced {
        return Vec::new();
    }
    let mut out = Vec::new();
    for d in directives {
        for c in &d.codes {
            if c.used || c.code == rule.code {
                continue;
            }
            let known = rules::find(&c.code)
                .or_else(|| extra.iter().copied().find(|r| r.code == c.code))
                .filter(|r| r.code == c.code);
            let diag = match known {
                None => rule
                    .diag(
                        c.span,
                        format!(
                            "`{}` is not a smslint rule code, so this suppression hides nothing \
                             and the finding it was meant for is still reported",
                            c.code
                        ),
                    )
                    .with_label("unknown rule code")
                    .with_help("use a code from `smslint rules`, or delete it from the comment"),
                Some(r) if !settings.is_selected(r.code) => continue,
                Some(r) => {
                    let what = match d.scope {
                        suppress::Scope::File => "in this file",
                        suppress::Scope::Lines { .. } => "on the next statement",
                        suppress::Scope::Nothing => "(no statement follows the comment)",
                    };
                    rule.diag(
                        c.span,
                        format!(
                            "suppression of {} ({}) is unused: there is no such finding {what}; \
                             left in place it will hide the next real one",
                            r.code, r.name
                        ),
                    )
                    .with_label("suppresses nothing")
                    .with_help(format!(
                        "delete `{}` from the `smslint: disable` comment (or the whole comment)",
                        c.code
                    ))
                }
            };
            out.push(diag);
        }
    }
    out
}

/// Configs by directory, loaded once each. `--config` overrides discovery.
pub struct ConfigCache {
    explicit: Option<Arc<LoadedConfig>>,
    cwd: PathBuf,
    /// Hashed, not ordered: a lookup per folder of a walk, and an ordered map compares paths
    /// component by component. Keyed by the folder's bytes (hashing a `Path` walks its
    /// components): another spelling of a folder is only asked about again.
    by_dir: HashMap<std::ffi::OsString, Option<PathBuf>>,
    by_path: HashMap<PathBuf, Arc<LoadedConfig>>,
}

impl ConfigCache {
    pub fn new(explicit: Option<&Path>) -> miette::Result<ConfigCache> {
        let explicit = match explicit {
            Some(p) => Some(Arc::new(config::load(p)?)),
            None => None,
        };
        Ok(ConfigCache {
            explicit,
            cwd: config::absolute(Path::new(".")),
            by_dir: HashMap::default(),
            by_path: HashMap::default(),
        })
    }

    fn find(&mut self, dir: &Path) -> Option<PathBuf> {
        // `config::find_upwards`, one folder at a time: every folder's answer is kept, so a
        // tree of folders asks the file system once per folder, not once per ancestor.
        if let Some(found) = self.by_dir.get(dir.as_os_str()) {
            return found.clone();
        }
        let here = dir.join("smslint.toml");
        let found = if here.is_file() {
            Some(here)
        } else {
            dir.parent().and_then(|up| self.find(up))
        };
        self.by_dir
            .insert(dir.as_os_str().to_os_string(), found.clone());
        found
    }

    /// The config in effect for files in `dir` (absolute): the nearest smslint.toml walking up
    /// from `dir`, else the one found from the current directory.
    pub fn for_dir(&mut self, dir: &Path) -> miette::Result<Option<Arc<LoadedConfig>>> {
        if let Some(e) = &self.explicit {
            return Ok(Some(e.clone()));
        }
        let found = match self.find(dir) {
            Some(p) => Some(p),
            None => {
                let cwd = self.cwd.clone();
                self.find(&cwd)
            }
        };
        let Some(path) = found else {
            return Ok(None);
        };
        if let Some(l) = self.by_path.get(&path) {
            return Ok(Some(l.clone()));
        }
        let loaded = Arc::new(config::load(&path)?);
        self.by_path.insert(path, loaded.clone());
        Ok(Some(loaded))
    }

    /// The config for a file path (as given; need not exist).
    pub fn for_file(&mut self, path: &Path) -> miette::Result<Option<Arc<LoadedConfig>>> {
        let abs = config::absolute(path);
        let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        self.for_dir(&dir)
    }

    /// A cache for another thread, starting from what this one knows.
    fn fork(&self) -> ConfigCache {
        ConfigCache {
            explicit: self.explicit.clone(),
            cwd: self.cwd.clone(),
            by_dir: self.by_dir.clone(),
            by_path: self.by_path.clone(),
        }
    }

    /// Keep what a forked cache learnt (a config already loaded here stays).
    fn absorb(&mut self, other: ConfigCache) {
        for (k, v) in other.by_dir {
            self.by_dir.entry(k).or_insert(v);
        }
        for (k, v) in other.by_path {
            self.by_path.entry(k).or_insert(v);
        }
    }

    /// The config found from the current directory.
    pub fn for_cwd(&mut self) -> miette::Result<Option<Arc<LoadedConfig>>> {
        let cwd = self.cwd.clone();
        self.for_dir(&cwd)
    }
}

/// `smslint check`: discover, lint in parallel, check the manifests in effect, write the
/// report; the outcome says whether anything fails the run.
pub fn run_check(args: &CheckOptions) -> miette::Result<Exit> {
    let ov = &args.overrides;
    let mut configs = ConfigCache::new(args.config.as_deref())?;

    if args.show_config {
        return show_config(args, ov, &mut configs);
    }

    let found = discover::discover(args, &mut configs)?;
    let mut errors = found.errors;

    let stdin_bytes = if found.inputs.iter().any(|i| i.kind == InputKind::Stdin) {
        let mut buf = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut buf) {
            Ok(_) => Some(buf),
            Err(e) => {
                errors.push(format!("-: cannot read standard input: {e}"));
                None
            }
        }
    } else {
        None
    };

    // The tree: the named files and every other batch file of their project roots, checked
    // directory by directory (crate::tree resolves each directory's calls once).
    let inputs = tree::tree_inputs(found.inputs, &args.paths, &mut configs)?;
    let opts = &args.output.render;
    // Only `full` shows source lines: other formats let each file's bytes go as soon as it
    // is checked, so memory stays bounded by the findings, not by the corpus.
    let keep_sources = opts.format == Format::Full && !opts.statistics;
    let progress = args.progress.clone().unwrap_or_default();
    progress.set_total(inputs.iter().filter(|t| t.lint).count() as u64);
    let counter = progress.clone();
    let do_fix = args.fix;
    let fix = move |input: &Input, settings: &ResolvedSettings, bytes: Vec<u8>| {
        if do_fix {
            fix_file(input, settings, bytes)
        } else {
            Ok(bytes)
        }
    };
    let lint = move |path: &str,
                     source: Arc<Source>,
                     analysis: Analysis,
                     sms: Option<crate::sms::Analysis>,
                     settings: &ResolvedSettings,
                     lint: &rules::LintSettings| {
        let mut rep = lint_analysed(path, source, analysis, sms, settings, lint, RULES);
        if !keep_sources {
            rep.source = None;
        }
        counter.add(1);
        rep
    };
    let (mut reports, tree_errors) = tree::check(&inputs, ov, stdin_bytes.as_deref(), &fix, &lint);
    errors.extend(tree_errors);

    // The site manifest of every smslint.toml in effect.
    let mut in_effect: BTreeMap<PathBuf, Arc<LoadedConfig>> = BTreeMap::new();
    if let Some(c) = configs.for_cwd()? {
        in_effect.insert(c.path.clone(), c);
    }
    for input in inputs.iter().filter(|t| t.lint).map(|t| &t.input) {
        if let Some(c) = &input.config {
            in_effect.insert(c.path.clone(), c.clone());
        }
    }
    // A named directory brings its own smslint.toml even when it holds no script (a manifest
    // with the SMSLOGON copies of its logon points).
    for named in &args.paths {
        if named.as_os_str() != "-" && named.is_dir() {
            if let Some(c) = configs.for_dir(&config::absolute(named))? {
                in_effect.insert(c.path.clone(), c);
            }
        }
    }
    for cfg in in_effect.values() {
        let (reps, errs) = check_manifest(cfg, ov);
        reports.extend(reps);
        errors.extend(errs);
    }

    reports.sort_by(|a, b| a.path.cmp(&b.path));
    errors.sort();
    errors.dedup();

    if let Some(file) = baseline_file(args, &mut configs)? {
        apply_baseline(&file, args.update_baseline, &mut reports)?;
    } else if args.update_baseline {
        return Err(miette::miette!(
            help = "name the file with `--baseline FILE` or `baseline = \"…\"` in smslint.toml",
            "--update-baseline needs a baseline file"
        ));
    }

    // `docs-url` of the smslint.toml in effect for the current directory: the rules page
    // (a site's own mirror) findings link to.
    let mut output = args.output.clone();
    if let Some(url) = configs.for_cwd()?.and_then(|c| c.config.docs_url.clone()) {
        output.render.docs = url;
    }
    progress.finish();
    let exit = emit(&reports, &output)?;
    for e in &errors {
        eprintln!("smslint: error: {e}");
    }
    if !errors.is_empty() {
        return Ok(Exit::Failure);
    }
    Ok(exit)
}

/// The baseline file of this run: `--baseline`, else the `baseline` of the smslint.toml in
/// effect for the current directory (relative to that file's directory).
fn baseline_file(
    args: &CheckOptions,
    configs: &mut ConfigCache,
) -> miette::Result<Option<PathBuf>> {
    if let Some(b) = &args.baseline {
        return Ok(Some(b.clone()));
    }
    Ok(configs.for_cwd()?.and_then(|c| {
        let b = c.config.baseline.as_ref()?;
        Some(c.dir().join(b))
    }))
}

/// `n finding(s)`.
fn findings_n(n: usize) -> String {
    format!("{n} finding{}", if n == 1 { "" } else { "s" })
}

/// `--baseline` / `--update-baseline`: drop the recorded findings from `reports`; list the
/// recorded ones not found again as fixed (stderr), or write the new baseline.
fn apply_baseline(file: &Path, update: bool, reports: &mut [FileReport]) -> miette::Result<()> {
    let cwd = config::absolute(Path::new("."));
    let keys = baseline::Keys::new(file, &cwd);
    let shown = display_path(file);
    if update {
        let old = if file.exists() {
            baseline::Baseline::load(file).map_err(|e| miette::miette!("{e}"))?
        } else {
            baseline::Baseline::default()
        };
        let dropped = old.matching(reports, &keys).1.fixed_count();
        let next = old.updated(reports, &keys);
        next.write(file).map_err(|e| miette::miette!("{e}"))?;
        next.apply(reports, &keys);
        eprintln!(
            "smslint: wrote the baseline {shown}: {} in {} file{} ({} fixed since the last \
             baseline dropped)",
            findings_n(next.len()),
            next.files(),
            if next.files() == 1 { "" } else { "s" },
            findings_n(dropped)
        );
        return Ok(());
    }
    let base = baseline::Baseline::load(file).map_err(|e| miette::miette!("{e}"))?;
    let outcome = base.apply(reports, &keys);
    if !outcome.fixed.is_empty() {
        eprintln!(
            "smslint: {} recorded in {shown} no longer found (fixed, or their line changed); \
             `--update-baseline` drops them:",
            findings_n(outcome.fixed_count())
        );
        for f in &outcome.fixed {
            eprintln!("  {} {} ({})", f.path, f.code, f.count);
        }
    }
    Ok(())
}

/// `smslint dump --calls PATH`: the resolved call graph of the tree `path` belongs to (its
/// project root: the smslint.toml's directory, the git work tree, or `path` itself).
pub fn dump_calls(path: &Path) -> miette::Result<String> {
    let mut configs = ConfigCache::new(None)?;
    if !path.exists() {
        return Err(miette::miette!(
            "{}: no such file or directory",
            path.display()
        ));
    }
    let named = if path.is_dir() {
        discover::batch_files(path, &mut configs)?.inputs
    } else {
        vec![discover::file_input(path, &mut configs)?]
    };
    let inputs = tree::tree_inputs(named, &[path.to_path_buf()], &mut configs)?;
    let (the_tree, _, _) = tree::build(&inputs, &Overrides::default(), None);
    Ok(crate::tree::dump::render(&the_tree))
}

/// `check --fix`: add the upgrade gate SMS101 asks for (the edit `smslint gate on` makes),
/// written atomically; the file is then checked as fixed.
fn fix_file(input: &Input, settings: &ResolvedSettings, bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    let wants_gate = settings.is_selected("SMS101")
        && settings.lint.upgrade_window
        && settings.lint.logon_script;
    if !wants_gate {
        return Ok(bytes);
    }
    match crate::edit::gate_on_bytes(&bytes) {
        Some(fixed) => {
            crate::edit::write_atomic(&input.path, &fixed)
                .map_err(|e| format!("{}: cannot write the fix: {e}", input.display))?;
            Ok(fixed)
        }
        None => Ok(bytes),
    }
}

/// The findings of one smslint.toml's `[[site]]` manifest and of the SMSLOGON copies of its
/// `[[logon_point]]`s, selection and severity applied: one report for the smslint.toml and
/// one per logon-point file with findings; and the copies that could not be read.
pub fn check_manifest(cfg: &LoadedConfig, ov: &Overrides) -> (Vec<FileReport>, Vec<String>) {
    let settings = ResolvedSettings::for_file(Some(cfg), ov, &cfg.path);
    let policy = cfg.config.significance.unwrap_or_default();
    let mut diags = crate::versions::sites::check_manifest(&cfg.source, &cfg.config.site, policy);
    let points = crate::versions::logon_point::check(
        &cfg.source,
        &cfg.dir(),
        &cfg.config.logon_point,
        &cfg.config.site,
        policy,
    );
    diags.extend(points.manifest);
    diags.retain(|d| settings.is_selected(d.code));
    let mut reports = Vec::new();
    if !diags.is_empty() {
        reports.push(finish(
            &display_path(&cfg.path),
            Some(cfg.source.clone()),
            diags,
            &settings,
        ));
    }
    for mut file in points.files {
        file.diags.retain(|d| settings.is_selected(d.code));
        if !file.diags.is_empty() {
            reports.push(finish(
                &display_path(&file.path),
                Some(file.source),
                file.diags,
                &settings,
            ));
        }
    }
    (reports, points.errors)
}

/// A path for messages: relative to the current directory (`sub/x`, or `../smslint.toml` for
/// a config found above it), so SARIF `artifactLocation.uri` and the other formats stay relative
/// to the working directory; absolute only when the two share nothing but the root.
pub fn display_path(path: &Path) -> String {
    let cwd = config::absolute(Path::new("."));
    relative_to(path, &cwd).replace('\\', "/")
}

/// `path` relative to the directory `base` (both made absolute first), as a string.
fn relative_to(path: &Path, base: &Path) -> String {
    use std::path::Component;
    let abs = config::absolute(path);
    let base = config::absolute(base);
    if let Ok(rel) = abs.strip_prefix(&base) {
        if !rel.as_os_str().is_empty() {
            return rel.to_string_lossy().into_owned();
        }
        return path.to_string_lossy().into_owned();
    }
    let a: Vec<Component> = abs.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let shares_more_than_root = a[..common]
        .iter()
        .any(|c| matches!(c, Component::Normal(_)));
    if !shares_more_than_root {
        return abs.to_string_lossy().into_owned();
    }
    let mut rel = PathBuf::new();
    for _ in common..b.len() {
        rel.push("..");
    }
    for c in &a[common..] {
        rel.push(c.as_os_str());
    }
    rel.to_string_lossy().into_owned()
}

/// The exit status for a set of reports.
pub fn exit_for(reports: &[FileReport], fail_on: FailOn, exit_zero: bool) -> Exit {
    let failing = reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| fails(f.diag.severity, fail_on));
    if failing && !exit_zero {
        Exit::Findings
    } else {
        Exit::Clean
    }
}

/// Render the reports to standard output or `-o FILE` and compute the exit status.
pub fn emit(reports: &[FileReport], out: &OutputOptions) -> miette::Result<Exit> {
    let opts = &out.render;
    match &out.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| miette::miette!("cannot write {}: {e}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            report::render_to(reports, opts, &mut w)
                .and_then(|_| w.flush())
                .map_err(|e| miette::miette!("cannot write {}: {e}", path.display()))?;
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            if let Err(e) = report::render_to(reports, opts, &mut w).and_then(|_| w.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(miette::miette!("cannot write the report: {e}"));
                }
            }
        }
    }
    Ok(exit_for(reports, out.fail_on, out.exit_zero))
}

/// `--show-config`: the resolved settings for each named path.
fn show_config(
    args: &CheckOptions,
    ov: &Overrides,
    configs: &mut ConfigCache,
) -> miette::Result<Exit> {
    let mut out = String::new();
    for p in &args.paths {
        let (shown, probe) = if p.as_os_str() == "-" {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("-"));
            (name.display().to_string(), name)
        } else if p.is_dir() {
            // Settings a `.bat` directly in this directory would get.
            (p.display().to_string(), p.join("example.bat"))
        } else {
            (p.display().to_string(), p.clone())
        };
        let cfg = if p.as_os_str() == "-" && args.stdin_filename.is_none() {
            configs.for_cwd()?
        } else {
            configs.for_file(&probe)?
        };
        let mut s = ResolvedSettings::for_file(cfg.as_deref(), ov, &probe);
        // A file: the tree of its project root says which targets it must run on, and why.
        let mut why = None;
        if p.is_file() {
            let named = vec![discover::file_input(p, configs)?];
            let inputs = tree::tree_inputs(named, std::slice::from_ref(p), configs)?;
            let (the_tree, index, _) = tree::build(&inputs, ov, None);
            if let Some(Some(i)) = index.first() {
                let facts = the_tree.facts[*i].clone();
                s.lint = tree::with_facts(&s.lint, &the_tree.members[*i], facts.clone());
                why = Some(facts);
            }
        }
        let mut block = render_settings(&shown, cfg.as_deref(), &s);
        if block.ends_with("\n\n") {
            block.pop();
        }
        out.push_str(&block);
        if let Some(f) = why {
            out.push_str(&format!(
                "targets-decided-by = {:?}\n",
                f.decided_by.describe()
            ));
            if !f.win9x_chain.is_empty() {
                out.push_str(&format!(
                    "targets-call-chain = {:?}\n",
                    crate::tree::describe_chain(&f.win9x_chain, f.win9x_chain_cut)
                ));
            }
        } else if s.explicit_targets.is_none() {
            out.push_str(
                "targets-decided-by = \"auto: the tree decides per file (name a file to see \
                 its answer)\"\n",
            );
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(Exit::Clean)
}

fn quote_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let v: Vec<String> = items
        .into_iter()
        .map(|s| format!("{:?}", s.as_ref()))
        .collect();
    format!("[{}]", v.join(", "))
}

/// The resolved settings as TOML-like text.
pub fn render_settings(shown: &str, cfg: Option<&LoadedConfig>, s: &ResolvedSettings) -> String {
    let mut out = String::new();
    out.push_str(&format!("# settings for {shown}\n"));
    match cfg {
        Some(c) => out.push_str(&format!("config = {:?}\n", c.path.display().to_string())),
        None => out.push_str("config = \"(none: built-in defaults)\"\n"),
    }
    let c = cfg.map(|c| &c.config);
    out.push_str(&format!(
        "exclude = {}\n",
        quote_list(
            c.map(|c| c.exclude.iter().map(|g| g.as_str()).collect::<Vec<_>>())
                .unwrap_or_default()
        )
    ));
    out.push_str(&format!("select = {}\n", quote_list(&s.selected)));
    let ignored: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !s.is_selected(c))
        .collect();
    out.push_str(&format!("not-selected = {}\n", quote_list(ignored)));
    let mut targets = Vec::new();
    if s.lint.targets.nt {
        targets.push("nt");
    }
    if s.lint.targets.win9x {
        targets.push("win9x");
    }
    out.push_str(&format!("targets = {}\n", quote_list(targets)));
    out.push_str(&format!("upgrade_window = {}\n", s.lint.upgrade_window));
    out.push_str(&format!("logon_script = {}\n", s.lint.logon_script));
    out.push_str(&format!(
        "ras_guards = {}\n",
        quote_list(&s.lint.ras_guards)
    ));
    let sig = c.and_then(|c| c.significance).unwrap_or_default();
    out.push_str(&format!(
        "significance = {:?}\n",
        format!("{sig:?}").to_ascii_lowercase()
    ));
    out.push_str(&format!(
        "sites = {}\n",
        c.map(|c| c.site.len()).unwrap_or(0)
    ));
    if let Some(b) = c.and_then(|c| c.baseline.as_ref()) {
        out.push_str(&format!("baseline = {:?}\n", b.display().to_string()));
    }
    let docs = c
        .and_then(|c| c.docs_url.clone())
        .unwrap_or_else(rules::default_docs_base);
    out.push_str(&format!("docs-url = {docs:?}\n"));
    if !s.severity.is_empty() {
        out.push_str("[severity]\n");
        for (sel, sev) in &s.severity {
            out.push_str(&format!("{sel} = {:?}\n", sev.as_str()));
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rule;
    use crate::source::Span;
    use config::Selector;

    #[test]
    fn paths_are_shown_relative_to_the_working_directory() {
        let base = Path::new("/srv/netlogon/sub");
        assert_eq!(
            relative_to(Path::new("/srv/netlogon/sub/a.bat"), base),
            "a.bat"
        );
        assert_eq!(
            relative_to(Path::new("/srv/netlogon/smslint.toml"), base),
            "../smslint.toml"
        );
        assert_eq!(
            relative_to(Path::new("/srv/x/y.bat"), base),
            "../../x/y.bat"
        );
        assert_eq!(
            relative_to(Path::new("/etc/smslint.toml"), base),
            "/etc/smslint.toml"
        );
    }

    /// A test rule: reports every line containing `BAD`.
    fn check_bad(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
        let b = ctx.source.bytes();
        for line in 1..=ctx.source.line_count() {
            let s = ctx.source.line_span(line);
            if let Some(i) = b[s.start()..s.end()].windows(3).position(|w| w == b"BAD") {
                let at = s.start() + i;
                out.push(TST.diag(Span::new(at, at + 3), "bad"));
            }
        }
    }

    static TST: Rule = Rule {
        code: "TST001",
        name: "test-bad",
        severity: Severity::Error,
        summary: "s",
        what: "w",
        why: "y",
        example: "e",
        fix: "f",
        sources: &["t"],
        check: Some(check_bad),
        opt_in: None,
    };

    fn settings() -> ResolvedSettings {
        ResolvedSettings {
            selected: vec!["TST001", "SML001"],
            ..ResolvedSettings::default()
        }
    }

    fn lint(text: &str, s: &ResolvedSettings) -> Vec<(usize, &'static str, Severity)> {
        let rep = lint_with_rules(
            "t.bat",
            Arc::new(Source::new(text.as_bytes().to_vec())),
            s,
            &[&TST, &rules::sml001_unused_suppression::RULE],
        );
        rep.findings
            .iter()
            .map(|f| (f.line, f.diag.code, f.diag.severity))
            .collect()
    }

    #[test]
    fn next_statement_suppression() {
        let s = settings();
        let got = lint(
            "REM smslint: disable=TST001\r\n\r\n:: comment\r\necho BAD ^\r\n BAD\r\necho BAD\r\n",
            &s,
        );
        assert_eq!(got, vec![(6, "TST001", Severity::Error)]);
    }

    #[test]
    fn suppression_inside_a_block_and_lowercase() {
        let s = settings();
        let got = lint(
            "(\n  rem smslint: disable=tst001\n  echo BAD\n  echo BAD\n)\n",
            &s,
        );
        assert_eq!(got, vec![(4, "TST001", Severity::Error)]);
    }

    #[test]
    fn file_suppression_and_unused_ones() {
        let s = settings();
        let got = lint(
            "echo BAD\nREM smslint: disable-file=TST001\n:: smslint: disable=TST001\necho ok\n",
            &s,
        );
        assert_eq!(got, vec![(3, "SML001", Severity::Warning)]);
    }

    #[test]
    fn unused_suppression_of_unselected_rule_is_quiet() {
        let mut s = settings();
        s.selected = vec!["SML001"];
        assert!(lint("REM smslint: disable=TST001\necho ok\n", &s).is_empty());
        s.selected = vec!["TST001"];
        assert!(lint("REM smslint: disable=NOPE1\necho ok\n", &s).is_empty());
    }

    #[test]
    fn severity_override_and_selection() {
        let mut s = settings();
        s.severity = vec![(Selector::parse("SML").unwrap(), Severity::Info)];
        s.severity
            .insert(0, (Selector::parse("SML001").unwrap(), Severity::Error));
        let got = lint("REM smslint: disable=XYZ1\necho BAD\n", &s);
        assert_eq!(
            got,
            vec![
                (1, "SML001", Severity::Error),
                (2, "TST001", Severity::Error)
            ]
        );
        s.selected = vec!["SML001"];
        assert_eq!(lint("echo BAD\n", &s), vec![]);
    }

    #[test]
    fn exit_codes_follow_the_threshold() {
        let s = settings();
        let rep = lint_with_rules(
            "t.bat",
            Arc::new(Source::new(b"REM smslint: disable=XYZ1\necho\n".to_vec())),
            &s,
            &[&TST, &rules::sml001_unused_suppression::RULE],
        );
        let reps = [rep];
        assert_eq!(exit_for(&reps, FailOn::Warning, false), Exit::Findings);
        assert_eq!(exit_for(&reps, FailOn::Error, false), Exit::Clean);
        assert_eq!(exit_for(&reps, FailOn::Warning, true), Exit::Clean);
    }
}
