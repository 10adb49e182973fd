//! `smslint audit --inventory FILE.csv`: find the manifest, check it, stream the inventory's
//! findings (`versions::inventory`) through the settings in effect into the report, and map
//! the outcome to an exit status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use smslint::diagnostic::{FileReport, Finding, Severity};
use smslint::engine;
use smslint::engine::config::{self, Overrides, ResolvedSettings};
use smslint::report::stream::Stream;
use smslint::report::{self, Format};
use smslint::versions::inventory::{summary_table, AuditError, Inventory};
use smslint::versions::sites::Manifest;
use smslint::Exit;

use super::cli::AuditArgs;

/// The smslint.toml an audit uses: `--config`, else the nearest one walking up from the
/// inventory's directory, else from the current directory.
fn find_manifest(inventory: &Path, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let dir = inventory
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    config::find_upwards(&dir).or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| config::find_upwards(&cwd))
    })
}

/// [`engine::apply_settings`] remembered per code and default severity: a million rows ask
/// the same few questions.
struct Settle<'a> {
    settings: &'a ResolvedSettings,
    known: Vec<(&'static str, Severity, Option<Severity>)>,
}

impl Settle<'_> {
    fn apply(&mut self, mut f: Finding) -> Option<Finding> {
        let (code, default) = (f.diag.code, f.diag.severity);
        let hit = self
            .known
            .iter()
            .find(|(c, d, _)| *d == default && (std::ptr::eq(*c, code) || *c == code));
        let severity = match hit {
            Some(&(_, _, s)) => s,
            None => {
                let s = engine::apply_settings(self.settings, f.clone()).map(|f| f.diag.severity);
                self.known.push((code, default, s));
                s
            }
        };
        f.diag.severity = severity?;
        Some(f)
    }
}

/// `smslint audit`.
pub fn run(args: &AuditArgs) -> miette::Result<Exit> {
    let out_args = &args.output;
    let manifest_path =
        find_manifest(&args.inventory, out_args.config.as_deref()).ok_or_else(|| {
            miette::miette!(
                help =
                    "create an smslint.toml with a [[site]] table per site, or pass --config FILE",
                "no smslint.toml found for {} (looked in its directory and above, then in the \
                 current directory and above)",
                args.inventory.display()
            )
        })?;
    let loaded = config::load(&manifest_path)?;
    let policy = loaded.config.significance.unwrap_or_default();
    let overrides = Overrides::default();
    let settings = ResolvedSettings::for_file(Some(&loaded), &overrides, &args.inventory);
    // The manifest's report first (empty when it has no finding), then its logon points' files.
    let (mut manifest_reports, point_errors) = engine::check_manifest(&loaded, &overrides);
    let toml_path = engine::display_path(&loaded.path);
    if !manifest_reports
        .first()
        .is_some_and(|r| r.path == toml_path)
    {
        manifest_reports.insert(
            0,
            FileReport {
                path: toml_path,
                source: Some(Arc::clone(&loaded.source)),
                findings: Vec::new(),
                secrets: Vec::new(),
            },
        );
    }
    let manifest = Manifest::new(&loaded.config.site);

    let inv_path = engine::display_path(&args.inventory);
    let file = std::fs::File::open(&args.inventory)
        .map_err(|e| miette::miette!("cannot read inventory {}: {e}", args.inventory.display()))?;
    // The header is checked before anything is written.
    let (progress, bar) = super::progress::counter(super::progress::Unit::Rows, out_args.quiet);
    let inventory = Inventory::open(file)
        .map_err(|e| audit_failure(&inv_path, e))?
        .with_progress(progress.clone());
    let mut opts = super::render_options(out_args);
    if let Some(url) = &loaded.config.docs_url {
        opts.docs = url.clone();
    }
    let format = opts.format;

    let mut writer: Box<dyn Write> = match &out_args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p)
                .map_err(|e| miette::miette!("cannot write {}: {e}", p.display()))?,
        )),
        // Findings streamed to the terminal the bar is drawn on hide it while they are written.
        None => Box::new(std::io::BufWriter::new(super::progress::Suspending {
            inner: std::io::stdout().lock(),
            bar: bar.clone().filter(|_| std::io::stdout().is_terminal()),
        })),
    };

    let mut failing = manifest_reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| engine::fails(f.diag.severity, out_args.fail_on));
    let mut write_err: Option<std::io::Error> = None;

    if report::stream::streamable(&opts) {
        // Manifest findings first, then the inventory's in row order, each written as it comes.
        let mut stream = Stream::start(&opts, &mut writer);
        if let Ok(stream) = &mut stream {
            for r in &manifest_reports {
                for f in &r.findings {
                    if let Err(e) = stream.finding(&r.path, f) {
                        write_err.get_or_insert(e);
                    }
                }
            }
        }
        let mut settle = Settle {
            settings: &settings,
            known: Vec::new(),
        };
        // Each finding is written and dropped: nothing to share its texts with.
        smslint::diagnostic::share_texts(false);
        let result = inventory.audit(&manifest, policy, &mut |f: Finding| {
            if let Some(f) = settle.apply(f) {
                failing |= engine::fails(f.diag.severity, out_args.fail_on);
                if let (Ok(stream), None) = (&mut stream, &write_err) {
                    if let Err(e) = stream.finding(&inv_path, &f) {
                        write_err = Some(e);
                    }
                }
            }
        });
        progress.finish();
        match stream {
            Ok(stream) => {
                if let Err(e) = stream.finish() {
                    write_err.get_or_insert(e);
                }
            }
            Err(e) => {
                write_err.get_or_insert(e);
            }
        }
        result.map_err(|e| audit_failure(&inv_path, e))?;
    } else {
        let mut findings = Vec::new();
        let statistics = out_args.statistics;
        let result = inventory.audit(&manifest, policy, &mut |f| {
            if let Some(mut f) = engine::apply_settings(&settings, f) {
                failing |= engine::fails(f.diag.severity, out_args.fail_on);
                if statistics {
                    // Only the codes are counted: drop the texts (no allocation kept).
                    let empty = smslint::diagnostic::empty_text();
                    f.diag.message = empty.clone();
                    f.diag.label = empty.clone();
                    f.diag.help = empty;
                }
                findings.push(f);
            }
        });
        progress.finish();
        let summary = result.map_err(|e| audit_failure(&inv_path, e))?;
        let mut reports = manifest_reports;
        reports.push(FileReport {
            path: inv_path.clone(),
            source: None,
            findings,
            secrets: Vec::new(),
        });
        let mut text = report::render(&reports, &opts);
        if format == Format::Full && !out_args.statistics {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&summary_table(&summary));
        }
        if let Err(e) = writer.write_all(text.as_bytes()) {
            write_err = Some(e);
        }
    }
    if let Err(e) = writer.flush() {
        write_err.get_or_insert(e);
    }
    if let Some(e) = write_err {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(miette::miette!("cannot write the report: {e}"));
        }
    }
    for e in &point_errors {
        eprintln!("smslint: error: {e}");
    }
    if !point_errors.is_empty() {
        return Ok(Exit::Failure);
    }
    Ok(if failing && !out_args.exit_zero {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

fn audit_failure(path: &str, e: AuditError) -> miette::Report {
    miette::miette!("{path}: {e}")
}
