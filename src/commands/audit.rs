//! `smslint audit --inventory FILE.csv`: find the manifest, check it, stream the inventory's
//! findings (`versions::inventory`) through the settings in effect into the report, and map
//! the outcome to an exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use smslint::diagnostic::{FileReport, Finding};
use smslint::engine;
use smslint::engine::config::{self, Overrides, ResolvedSettings};
use smslint::report::{self, Format, RenderOptions};
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

/// Formats whose output is a concatenation of per-finding lines: written while streaming.
fn streamable(format: Format, statistics: bool) -> bool {
    !statistics
        && matches!(
            format,
            Format::Concise | Format::Csv | Format::Github | Format::Json | Format::Sarif
        )
}

/// Writes the findings of a streamed format chunk by chunk, so that the output is the same as
/// rendering all of them at once: line formats are concatenated (the CSV header kept once);
/// the JSON array is spliced (each chunk's `[`/`]` dropped, items joined by `,`); so is the
/// SARIF `results` array (the rest of the log, the rule table, is the same for every chunk).
struct Stream<'a> {
    opts: &'a RenderOptions,
    out: &'a mut Box<dyn Write>,
    /// No finding written yet.
    first: bool,
    /// What follows the SARIF results array, kept from the first chunk.
    sarif_tail: String,
    err: Option<std::io::Error>,
}

/// The byte range of the items of the (pretty-printed) SARIF `results` array of `text`.
fn sarif_items(text: &str) -> Option<(usize, usize)> {
    const OPEN: &str = "\"results\": [\n";
    // serde_json pretty-prints runs[0].results at an indent of 6: its `]` is alone on a line.
    const CLOSE: &str = "\n      ]";
    let start = text.find(OPEN)? + OPEN.len();
    let end = start + text[start..].find(CLOSE)?;
    Some((start, end))
}

impl Stream<'_> {
    fn write(&mut self, text: &str) {
        if self.err.is_none() {
            if let Err(e) = self.out.write_all(text.as_bytes()) {
                self.err = Some(e);
            }
        }
    }

    fn chunk(&mut self, reports: &[FileReport]) {
        if reports.iter().all(|r| r.findings.is_empty()) {
            return;
        }
        let text = report::render(reports, self.opts);
        let first = std::mem::replace(&mut self.first, false);
        match self.opts.format {
            Format::Csv if !first => {
                // Every chunk repeats the header row; keep the first only.
                if let Some(i) = text.find('\n') {
                    self.write(&text[i + 1..]);
                }
            }
            Format::Json => {
                let body = text
                    .strip_prefix("[\n")
                    .and_then(|t| t.strip_suffix("\n]\n"))
                    .unwrap_or("");
                self.write(if first { "[\n" } else { ",\n" });
                self.write(body);
            }
            Format::Sarif => {
                if let Some((start, end)) = sarif_items(&text) {
                    if first {
                        self.write(&text[..end]);
                        self.sarif_tail = text[end..].to_string();
                    } else {
                        self.write(",\n");
                        self.write(&text[start..end]);
                    }
                }
            }
            _ => self.write(&text),
        }
    }

    fn finish(&mut self) {
        match self.opts.format {
            Format::Json => self.write(if self.first { "[]\n" } else { "\n]\n" }),
            Format::Sarif if self.first => {
                let empty = report::render(&[], self.opts);
                self.write(&empty);
            }
            Format::Sarif => {
                let tail = std::mem::take(&mut self.sarif_tail);
                self.write(&tail);
            }
            _ => {}
        }
    }
}

/// How many findings are rendered at once when streaming.
const CHUNK: usize = 4096;

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
    let inventory = Inventory::open(file).map_err(|e| audit_failure(&inv_path, e))?;
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
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };

    let mut failing = manifest_reports
        .iter()
        .flat_map(|r| &r.findings)
        .any(|f| engine::fails(f.diag.severity, out_args.fail_on));
    let mut write_err: Option<std::io::Error> = None;

    if streamable(format, out_args.statistics) {
        // Manifest findings first, then the inventory's in row order, a chunk at a time.
        let mut stream = Stream {
            opts: &opts,
            out: &mut writer,
            first: true,
            sarif_tail: String::new(),
            err: None,
        };
        stream.chunk(&manifest_reports);
        let mut chunk = FileReport {
            path: inv_path.clone(),
            source: None,
            findings: Vec::with_capacity(CHUNK),
            secrets: Vec::new(),
        };
        let result = {
            let mut sink = |f: Finding| {
                if let Some(f) = engine::apply_settings(&settings, f) {
                    failing |= engine::fails(f.diag.severity, out_args.fail_on);
                    chunk.findings.push(f);
                    if chunk.findings.len() >= CHUNK {
                        stream.chunk(std::slice::from_ref(&chunk));
                        chunk.findings.clear();
                    }
                }
            };
            inventory.audit(&manifest, policy, &mut sink)
        };
        stream.chunk(std::slice::from_ref(&chunk));
        stream.finish();
        write_err = stream.err.take();
        result.map_err(|e| audit_failure(&inv_path, e))?;
    } else {
        let mut findings = Vec::new();
        let statistics = out_args.statistics;
        let result = inventory.audit(&manifest, policy, &mut |f| {
            if let Some(mut f) = engine::apply_settings(&settings, f) {
                failing |= engine::fails(f.diag.severity, out_args.fail_on);
                if statistics {
                    // Only the codes are counted: drop the texts (no allocation kept).
                    f.diag.message = String::new();
                    f.diag.label = String::new();
                    f.diag.help = String::new();
                }
                findings.push(f);
            }
        });
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
