//! smslint: a linter for Windows logon scripts and SMS 2.0 Clicore client versions.
//!
//! This crate is the library below the `smslint` command line: it knows no flags. The
//! dependencies run one way, `engine` → `rules` → `sms` / `flow` → `syntax` → `source`, with
//! `versions` (the Clicore version model, the site manifest, the inventory audit), `edit` (the
//! gate as bytes in, bytes out) and `report` beside them. See `docs/ARCHITECTURE.md`.
//!
//! The face an editor integration uses:
//!
//! ```
//! use smslint::{lint, Settings, Severity};
//!
//! // Lint one script's bytes with the settings a file of that name gets without a config.
//! let path = "SMSLS.BAT";
//! let bytes = b"@echo off\r\ngoto nowhere\r\n";
//! let settings = Settings::for_file(None, &Default::default(), path.as_ref());
//! let diags = lint(path, bytes, &settings);
//! assert!(diags.iter().any(|d| d.code == "BAT201" && d.severity == Severity::Error));
//!
//! // The per-file analysis the rules read: statements, labels, control flow.
//! let analysis = smslint::analyse(bytes);
//! assert_eq!(analysis.script.top.len(), 2); // two statements
//! assert!(analysis.labels.defs.is_empty()); // and no label for the goto to reach
//!
//! // The version model.
//! use smslint::versions::version::{significant, Clicore, Significance};
//! let sp2 = Clicore::parse("2.00.1493.2007").unwrap();
//! let sp3 = Clicore::parse("2.00.1493.3010").unwrap();
//! assert!(significant(&sp2, &sp3, Significance::Release));
//!
//! // The inventory audit, as an iterator of findings.
//! use smslint::versions::{inventory::Inventory, sites::{Manifest, SiteEntry}};
//! let sites: Vec<SiteEntry> = Vec::new();
//! let csv = "client,site,clicore\r\nPC1,ABC,2.00.1493.3010\r\n";
//! let findings: Vec<_> = Inventory::open(csv.as_bytes())
//!     .unwrap()
//!     .findings(&Manifest::new(&sites), Significance::Release)
//!     .collect::<Result<_, _>>()
//!     .unwrap();
//! assert!(findings.iter().any(|f| f.diag.code == "SMS305")); // no site ABC in the manifest
//!
//! // The upgrade gate, bytes in, bytes out.
//! let gated = smslint::edit::gate_on_bytes(b"@echo off\r\nsmsls\r\n").unwrap();
//! assert!(gated.starts_with(b"@echo off\r\nGOTO END\r\n"));
//! ```

pub mod diagnostic;
pub mod edit;
pub mod engine;
pub mod flow;
pub mod progress;
pub mod report;
pub mod rules;
pub mod sms;
pub mod source;
pub mod syntax;
pub mod tree;
pub mod versions;

pub use diagnostic::{Diagnostic, Finding, Severity};
pub use engine::config::ResolvedSettings as Settings;
pub use engine::{analyse, lint};

/// The outcome of a run, which the command layer maps to the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Nothing at or above the failure threshold.
    Clean,
    /// Findings at or above the threshold (or a significant version difference, a gate
    /// state other than expected).
    Findings,
    /// smslint could not do its job: bad flag, bad config, unreadable input.
    Failure,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Failure => 2,
        }
    }
}
