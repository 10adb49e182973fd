//! The rule registry: one table of every rule smslint knows, with its documentation.
//!
//! A rule is one file in this folder (named by code and name, e.g.
//! `bat201_undefined_label.rs`) that defines `pub static RULE: Rule` and, for batch rules,
//! its `check` function. Adding a rule touches that file and one line of [`RULES`].
//! `smslint rules`, `smslint rule CODE`, the SARIF `tool.driver.rules` and `docs/rules.md`
//! are all generated from this table.

pub mod bat101_unclosed_block;
pub mod bat102_utf8_bom;
pub mod bat103_nul_byte;
pub mod bat104_lone_cr;
pub mod bat105_misplaced_else;
pub mod bat106_line_too_long;
pub mod bat107_syntax_error;
pub mod bat108_unterminated_quote;
pub mod bat109_colon_line_run_in_block;
pub mod bat201_undefined_label;
pub mod bat202_duplicate_label;
pub mod bat203_unreachable_code;
pub mod bat204_missing_call;
pub mod bat205_set_spaces;
pub mod bat206_errorlevel_ascending;
pub mod bat207_errorlevel_zero;
pub mod bat208_call_without_colon;
pub mod bat209_redirect_digit;
pub mod bat210_unquoted_compare;
pub mod bat211_label_in_block;
pub mod bat212_exit_in_subroutine;
pub mod bat213_variable_name_compared;
pub mod bat214_ampersand_in_url;
pub mod bat215_stale_block_expansion;
pub mod bat216_paren_in_text_closes_block;
pub mod bat217_for_variable_single_percent;
pub mod bat218_quoted_compare_mismatch;
pub mod bat219_prompt_compare_unquoted;
pub mod bat220_cd_other_drive_then_delete;
pub mod bat221_errorlevel_variable_set;
pub mod bat222_unchecked_cd_then_delete;
pub mod bat223_unquoted_space_in_delete_path;
pub mod bat224_redirect_in_echo_text;
pub mod bat225_setx_path_from_path;
pub mod bat226_menu_falls_into_option;
pub mod bat227_set_a_zero_padded_field;
pub mod bat301_lf_line_endings;
pub mod bat302_win9x_incompatible;
pub mod bat303_win9x_label_collision;
pub mod bat304_win9x_rem_redirect;
pub mod bat305_win9x_multiline_nt_block;
pub mod bat_util;
pub mod docs;
pub mod net101_plaintext_password;
pub mod net102_saved_credential;
pub mod net103_credential_in_variable;
pub mod sml001_unused_suppression;
pub mod sml002_not_a_batch_script;
pub mod sms101_missing_upgrade_gate;
pub mod sms102_ineffective_gate;
pub mod sms103_gate_left_in_place;
pub mod sms104_sms_markers_damaged;
pub mod sms105_netlogon_relative_path;
pub mod sms106_missing_netlogon_helper;
pub mod sms201_ras_unguarded;
pub mod sms202_ras_guard_ineffective;
pub mod sms203_ras_guard_weak;
pub mod sms204_ras_client_pending_upgrade;
pub mod sms205_slownet_weakened;
pub mod sms206_ras_client_not_installed;
pub mod sms207_ras_timezone_recopy;
pub mod sms208_ras_nt351_client;
pub mod sms301_invalid_version;
pub mod sms302_client_behind_release;
pub mod sms303_mixed_release_logon_point;
pub mod sms304_client_ahead_of_site;
pub mod sms305_unknown_site;
pub mod sms306_duplicate_site;
pub mod sms307_not_clicore_version;
pub mod sms308_unknown_release;
pub mod sms309_logon_point_revision_mismatch;
pub mod sms310_site_code_invalid;
pub mod sms401_sms12_agent_leftover;
pub mod sms402_unsupported_client_os;
pub mod sms403_cli_nt_force;
pub mod sms404_sms1x_client_path;
pub mod sms405_unknown_sms_token;
pub mod sms406_temp_path_space;
pub mod sms407_sms_local_dir_long_name;
pub mod sms408_network_drive_in_path;
pub mod sms409_subst_network_drive;
pub mod sms410_temp_invalid;
pub mod sms411_client_deinstall_in_script;
pub mod sms412_net_time_before_smsls;
pub mod sms413_clitravl_success_as_failure;
pub mod sms414_clitravl_travel_off;
pub mod sms415_duplicate_smsid;
pub mod sms416_terminal_services_client;
pub mod sms417_clitravl_parameter_case;
pub mod sms501_copylog_stale_clicore_source;
pub mod sms502_copylog_removed_site;
pub mod sms503_copylog_incomplete;
pub mod sms504_site_folders_mismatch;
pub mod sms505_senior_lst_invalid;

use std::path::Path;
use std::sync::OnceLock;

use crate::diagnostic::{Diagnostic, Severity};
use crate::flow::Flow;
use crate::source::{Source, Span};
use crate::syntax::ast::{Script, StmtKind};
use crate::syntax::labels::LabelIndex;

/// Client interpreters a script must run on (decided per file by the tree).
pub use crate::tree::Targets;

/// The settings a batch rule may read, resolved per file by the engine from config, flags and
/// the tree the file belongs to.
#[derive(Clone, Debug, Default)]
pub struct LintSettings {
    /// The clients this file must run on: the tree's answer (`targets = "auto"`), or the
    /// explicit `targets`, `per-file-targets`, pragma or `--target`.
    pub targets: Targets,
    /// An SMS upgrade window is open (`upgrade_window = true` or `--upgrade-window`).
    pub upgrade_window: bool,
    /// The file is a logon script (SMSLS.BAT or matches `logon_scripts`).
    pub logon_script: bool,
    /// Extra RAS-check program names (lower case, no path or extension), besides `checkras`.
    pub ras_guards: Vec<String>,
    /// The file must run on Windows NT 4.0 / 2000 logon clients: it is a logon script or a
    /// logon script reaches it (the tree's `logon_reached`). BAT106 reads it for the 2,047-byte
    /// line limit of those clients.
    pub nt4_client: bool,
    /// What the NETLOGON tree says about this file (roles, entry states, callees). A file
    /// read alone is a one-file tree.
    pub tree: std::sync::Arc<crate::tree::FileFacts>,
    /// The folder listings of the run, shared by its files (see [`bat_util::sibling_exists`]).
    pub dirs: std::sync::Arc<bat_util::DirListings>,
}

impl LintSettings {
    /// The part of the settings the SMS analysis reads.
    pub fn sms_settings(&self) -> crate::sms::Settings<'_> {
        crate::sms::Settings {
            logon_script: self.logon_script,
            ras_guards: &self.ras_guards,
            ras_entry: self.tree.ras_entry,
        }
    }
}

/// Rules hand their settings to `sms` as they are; `sms` sees only its own part.
impl<'a> From<&'a LintSettings> for crate::sms::Settings<'a> {
    fn from(s: &'a LintSettings) -> Self {
        s.sms_settings()
    }
}

/// What a batch rule sees: one file, read and analysed once. `Sync`: the rules of one large
/// file run in parallel over the same context (see [`run_checks`]).
pub struct Ctx<'a> {
    pub path: &'a Path,
    pub source: &'a Source,
    pub script: &'a Script,
    pub labels: &'a LabelIndex,
    pub flow: &'a Flow,
    pub settings: &'a LintSettings,
    /// The SMS analysis (RAS data flow, program invocations), built once on first use and
    /// shared by every SMS rule.
    pub sms: OnceLock<crate::sms::Analysis>,
    /// What Windows 9x runs of this script, built on first use.
    pub win9x: OnceLock<crate::tree::guards::Win9xView>,
    /// Other facts several rules read, each computed on first use.
    pub shared: Shared,
}

/// Facts of one file that more than one rule reads, computed once (on first use) instead of
/// in every rule.
#[derive(Default)]
pub struct Shared {
    /// [`bat302_win9x_incompatible::dos_reason`] (BAT303, BAT304).
    pub(crate) dos_reason: OnceLock<Option<&'static str>>,
    /// [`bat302_win9x_incompatible::written_for_cmd_only`] (BAT302, BAT304, BAT305).
    pub(crate) cmd_only: OnceLock<bool>,
    /// [`crate::sms::env::mapped_drives`] (SMS408, SMS409).
    pub(crate) mapped_drives: OnceLock<Vec<crate::sms::env::MappedDrive>>,
    /// Which of [`WORDS`] the text holds (bit `i` for `WORDS[i]`), see [`Ctx::mentions`].
    words: OnceLock<u32>,
    /// Every `set name=value` statement's name and value, in source order
    /// ([`bat_util::assignments`]).
    assignments: OnceLock<Vec<(Span, Span)>>,
    /// For each statement, a `goto` or `call :label` lands on it ([`bat_util::jumped_to`]).
    pub(crate) landings: OnceLock<Vec<bool>>,
    /// For each statement, the code of a subroutine a `call :label` enters reaches it
    /// ([`bat212_exit_in_subroutine::subroutine_code`]; BAT219).
    pub(crate) in_subroutine: OnceLock<Vec<bool>>,
}

/// Words rules look for in the text before they look at statements: a file without the word
/// cannot give their finding. Found for all of them in one pass ([`Ctx::mentions`]).
const WORDS: &[&[u8]] = &[
    b"rasapi32",
    b"ipconfig",
    b"cli_nt",
    b"\\ms\\sms\\bin",
    b"environment",
    b"smsrun",
    b"systems management server",
    b"sms_local_dir",
];

/// Which of [`WORDS`] the text holds as [`bat_util::mentions`] reads it (any case, `"` and `^`
/// between the bytes ignored): one pass that folds the text in chunks (no copy of the file)
/// and one SIMD search (Teddy) for all the words at once.
fn word_mask(bytes: &[u8]) -> u32 {
    use aho_corasick::packed::{Config, MatchKind, Searcher};
    static SEARCHER: OnceLock<Option<Searcher>> = OnceLock::new();
    let searcher = SEARCHER.get_or_init(|| {
        Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .builder()
            .extend(WORDS)
            .build()
    });
    word_mask_with(bytes, searcher.as_ref())
}

/// [`word_mask`] with `searcher`, or with one `memmem` search a word where the CPU has no
/// packed searcher (`None`).
fn word_mask_with(bytes: &[u8], searcher: Option<&aho_corasick::packed::Searcher>) -> u32 {
    use memchr::memmem::Finder;
    static FINDERS: OnceLock<Vec<Finder<'static>>> = OnceLock::new();
    const CHUNK: usize = 16 * 1024;
    let all = (1u32 << WORDS.len()) - 1;
    // The last `keep` folded bytes of a chunk go before the next one, so a word across the
    // seam is found.
    let keep = WORDS.iter().map(|w| w.len()).max().unwrap_or(1) - 1;
    let mut mask = 0u32;
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK.min(bytes.len()) + keep);
    for chunk in bytes.chunks(CHUNK) {
        let tail = buf.len().saturating_sub(keep);
        buf.drain(..tail);
        let from = buf.len();
        crate::syntax::parse::extend_without_quotes_and_carets(&mut buf, chunk);
        buf[from..].make_ascii_lowercase();
        match searcher {
            // Every start position is searched: a match is reported at its leftmost start,
            // and the search goes on from the next byte, so a word that starts inside
            // another is found too (no word is the prefix of another: two never match at
            // one start).
            Some(s) => {
                let mut at = 0;
                while let Some(m) = s.find_in(&buf, aho_corasick::Span::from(at..buf.len())) {
                    mask |= 1 << m.pattern().as_usize();
                    at = m.start() + 1;
                }
            }
            None => {
                let finders =
                    FINDERS.get_or_init(|| WORDS.iter().map(|w| Finder::new(*w)).collect());
                for (i, f) in finders.iter().enumerate() {
                    if mask & (1 << i) == 0 && f.find(&buf).is_some() {
                        mask |= 1 << i;
                    }
                }
            }
        }
        if mask == all {
            break;
        }
    }
    mask
}

impl<'a> Ctx<'a> {
    /// The context of one analysed file; `sms` is its SMS analysis when the caller already
    /// has it (else it is built on first use).
    pub fn new(
        path: &'a Path,
        source: &'a Source,
        script: &'a Script,
        labels: &'a LabelIndex,
        flow: &'a Flow,
        settings: &'a LintSettings,
        sms: Option<crate::sms::Analysis>,
    ) -> Ctx<'a> {
        Ctx {
            path,
            source,
            script,
            labels,
            flow,
            settings,
            sms: sms.map(OnceLock::from).unwrap_or_default(),
            win9x: OnceLock::new(),
            shared: Shared::default(),
        }
    }
}

impl Ctx<'_> {
    /// The shared SMS analysis of this script.
    pub fn sms(&self) -> &crate::sms::Analysis {
        self.sms.get_or_init(|| {
            crate::sms::Analysis::new(
                self.script,
                self.source,
                self.flow,
                self.settings.sms_settings(),
            )
        })
    }

    /// The statements Windows 9x clients run (every recognised OS guard's NT side cut off).
    pub fn win9x(&self) -> &crate::tree::guards::Win9xView {
        self.win9x.get_or_init(|| {
            crate::tree::guards::Win9xView::build(self.source, self.script, self.flow)
        })
    }

    /// The drives the script maps to a share (`net use X: \\server\share`), in source order.
    pub fn mapped_drives(&self) -> &[crate::sms::env::MappedDrive] {
        self.shared
            .mapped_drives
            .get_or_init(|| crate::sms::env::mapped_drives(self.script, self.source))
    }

    /// Name and value of every `set name=value` statement, in source order (one pass over the
    /// statements for every rule that looks for an assignment).
    pub fn assignments(&self) -> &[(Span, Span)] {
        self.shared.assignments.get_or_init(|| {
            self.script
                .stmts
                .iter()
                .filter_map(|stmt| match &stmt.kind {
                    StmtKind::Set(set) if set.kind == crate::syntax::ast::SetKind::Assign => {
                        Some((set.name?, set.value?))
                    }
                    _ => None,
                })
                .collect()
        })
    }

    /// The text may hold `needle` (ASCII lower case) as a command word reads after its quotes
    /// and carets are dropped and its case folded (see [`bat_util::mentions`]): `false` means
    /// it cannot. One pass over the file for all the [`WORDS`]; any other needle is searched
    /// on its own.
    pub fn mentions(&self, needle: &[u8]) -> bool {
        match WORDS.iter().position(|w| *w == needle) {
            Some(i) => {
                let mask = self
                    .shared
                    .words
                    .get_or_init(|| word_mask(self.source.bytes()));
                mask & (1 << i) != 0
            }
            None => bat_util::mentions(self.source.bytes(), needle),
        }
    }

    /// The statement is batch code that cmd.exe reads and runs (reachable, and no foreign
    /// payload): the shared test of every rule about code. See [`Flow::runs`].
    pub fn runs(&self, id: crate::syntax::ast::StmtId) -> bool {
        self.flow.runs(id)
    }

    /// [`Ctx::runs`] for a byte offset (findings whose span is not a statement: syntax
    /// errors, words, redirections).
    pub fn runs_at(&self, offset: usize) -> bool {
        self.flow.runs_at(offset)
    }

    /// The severity of a RAS-exposure finding: `Error` while an upgrade window is open (the
    /// 8-24 MB upgrade then runs over the dial-up link, Q237543), else the rule's default.
    pub fn ras_severity(&self, rule: &Rule) -> Severity {
        if self.settings.upgrade_window {
            Severity::Error
        } else {
            rule.severity
        }
    }
}

/// A rule's check: a pure function of the context.
pub type CheckFn = fn(&Ctx<'_>, &mut Vec<Diagnostic>);

/// Everything known about a rule. Text fields are Markdown-light plain text.
pub struct Rule {
    /// Stable code, e.g. `BAT201`.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `undefined-label`.
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what it reports.
    pub summary: &'static str,
    /// What the rule checks, precisely.
    pub what: &'static str,
    /// Why it matters on a real client.
    pub why: &'static str,
    /// A script (or TOML / CSV) that triggers it.
    pub example: &'static str,
    /// The same, fixed.
    pub fix: &'static str,
    /// Sources: KB article numbers (`Q237543`) and reference sections.
    pub sources: &'static [&'static str],
    /// The batch check; `None` for rules reported by the engine, the site manifest or the
    /// inventory audit.
    pub check: Option<CheckFn>,
    /// `None`: the rule runs by default. `Some(why)`: it is opt-in (its precision on real
    /// scripts is below 90 %, or it only suits some shares) and runs only when a selector
    /// names it (`select = ["ALL"]`, a prefix or its code in `select` / `extend-select`);
    /// `why` says so in `smslint rules` and the docs.
    pub opt_in: Option<&'static str>,
}

impl Rule {
    /// Does the rule run when no `select` is given?
    pub fn on_by_default(&self) -> bool {
        self.opt_in.is_none()
    }

    /// A diagnostic of this rule at its default severity.
    pub fn diag(
        &'static self,
        span: Span,
        message: impl crate::diagnostic::IntoText,
    ) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, span, message)
    }
}

/// The rules page of the documentation installed with smslint (`docs/rules.md` of its
/// source package, the text `smslint rule CODE` prints): what findings link to when no web
/// page is known.
pub const LOCAL_DOCS: &str = "docs/rules.md";

/// The rules page for a repository URL (Cargo.toml's `repository`): its `docs/rules.md` on
/// the `main` branch; [`LOCAL_DOCS`] when there is none.
pub fn docs_base_for(repository: &str) -> String {
    let repo = repository.trim().trim_end_matches('/');
    if repo.is_empty() {
        LOCAL_DOCS.to_string()
    } else {
        format!("{repo}/blob/main/{LOCAL_DOCS}")
    }
}

/// The rules page findings link to unless `docs-url` in smslint.toml names another: from
/// Cargo.toml's `repository` when it is set (it is not: smslint has no public home yet).
pub fn default_docs_base() -> String {
    docs_base_for(env!("CARGO_PKG_REPOSITORY"))
}

/// The link of a rule on a rules page: `#<code in lower case>` selects the rule.
pub fn docs_url_at(base: &str, code: &str) -> String {
    format!("{base}#{}", code.to_ascii_lowercase())
}

/// The link of a rule on the default rules page ([`default_docs_base`]).
pub fn docs_url(code: &str) -> String {
    docs_url_at(&default_docs_base(), code)
}

/// A link is absolute (has a scheme such as `https:` or `file:`), so it resolves outside the
/// smslint package (SARIF `helpUri` must be one).
pub fn is_absolute_url(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &bat101_unclosed_block::RULE,
    &bat102_utf8_bom::RULE,
    &bat103_nul_byte::RULE,
    &bat104_lone_cr::RULE,
    &bat105_misplaced_else::RULE,
    &bat106_line_too_long::RULE,
    &bat107_syntax_error::RULE,
    &bat108_unterminated_quote::RULE,
    &bat109_colon_line_run_in_block::RULE,
    &bat201_undefined_label::RULE,
    &bat202_duplicate_label::RULE,
    &bat203_unreachable_code::RULE,
    &bat204_missing_call::RULE,
    &bat205_set_spaces::RULE,
    &bat206_errorlevel_ascending::RULE,
    &bat207_errorlevel_zero::RULE,
    &bat208_call_without_colon::RULE,
    &bat209_redirect_digit::RULE,
    &bat210_unquoted_compare::RULE,
    &bat211_label_in_block::RULE,
    &bat212_exit_in_subroutine::RULE,
    &bat213_variable_name_compared::RULE,
    &bat214_ampersand_in_url::RULE,
    &bat215_stale_block_expansion::RULE,
    &bat216_paren_in_text_closes_block::RULE,
    &bat217_for_variable_single_percent::RULE,
    &bat218_quoted_compare_mismatch::RULE,
    &bat219_prompt_compare_unquoted::RULE,
    &bat220_cd_other_drive_then_delete::RULE,
    &bat221_errorlevel_variable_set::RULE,
    &bat222_unchecked_cd_then_delete::RULE,
    &bat223_unquoted_space_in_delete_path::RULE,
    &bat224_redirect_in_echo_text::RULE,
    &bat225_setx_path_from_path::RULE,
    &bat226_menu_falls_into_option::RULE,
    &bat227_set_a_zero_padded_field::RULE,
    &bat301_lf_line_endings::RULE,
    &bat302_win9x_incompatible::RULE,
    &bat303_win9x_label_collision::RULE,
    &bat304_win9x_rem_redirect::RULE,
    &bat305_win9x_multiline_nt_block::RULE,
    &net101_plaintext_password::RULE,
    &net102_saved_credential::RULE,
    &net103_credential_in_variable::RULE,
    &sml001_unused_suppression::RULE,
    &sml002_not_a_batch_script::RULE,
    &sms101_missing_upgrade_gate::RULE,
    &sms102_ineffective_gate::RULE,
    &sms103_gate_left_in_place::RULE,
    &sms104_sms_markers_damaged::RULE,
    &sms105_netlogon_relative_path::RULE,
    &sms106_missing_netlogon_helper::RULE,
    &sms201_ras_unguarded::RULE,
    &sms202_ras_guard_ineffective::RULE,
    &sms203_ras_guard_weak::RULE,
    &sms204_ras_client_pending_upgrade::RULE,
    &sms205_slownet_weakened::RULE,
    &sms206_ras_client_not_installed::RULE,
    &sms207_ras_timezone_recopy::RULE,
    &sms208_ras_nt351_client::RULE,
    &sms301_invalid_version::RULE,
    &sms302_client_behind_release::RULE,
    &sms303_mixed_release_logon_point::RULE,
    &sms304_client_ahead_of_site::RULE,
    &sms305_unknown_site::RULE,
    &sms306_duplicate_site::RULE,
    &sms307_not_clicore_version::RULE,
    &sms308_unknown_release::RULE,
    &sms309_logon_point_revision_mismatch::RULE,
    &sms310_site_code_invalid::RULE,
    &sms401_sms12_agent_leftover::RULE,
    &sms402_unsupported_client_os::RULE,
    &sms403_cli_nt_force::RULE,
    &sms404_sms1x_client_path::RULE,
    &sms405_unknown_sms_token::RULE,
    &sms406_temp_path_space::RULE,
    &sms407_sms_local_dir_long_name::RULE,
    &sms408_network_drive_in_path::RULE,
    &sms409_subst_network_drive::RULE,
    &sms410_temp_invalid::RULE,
    &sms411_client_deinstall_in_script::RULE,
    &sms412_net_time_before_smsls::RULE,
    &sms413_clitravl_success_as_failure::RULE,
    &sms414_clitravl_travel_off::RULE,
    &sms415_duplicate_smsid::RULE,
    &sms416_terminal_services_client::RULE,
    &sms417_clitravl_parameter_case::RULE,
    &sms501_copylog_stale_clicore_source::RULE,
    &sms502_copylog_removed_site::RULE,
    &sms503_copylog_incomplete::RULE,
    &sms504_site_folders_mismatch::RULE,
    &sms505_senior_lst_invalid::RULE,
];

/// Rules about code as cmd.exe reads it: their findings are kept only where that code runs
/// ([`Ctx::runs_at`] at the finding's first byte). cmd.exe parses a line only when it
/// executes it, so a syntax error, a misquoted compare or a missing CALL in a line it never
/// reaches (dead code, an embedded PowerShell/JScript/XML payload, notes after `exit /b`)
/// cannot happen. Rules about the file as a whole or about the label scan (BOM, NUL, line
/// endings, duplicate and colliding labels, unreachable code itself) are not listed.
pub static CODE_RULES: &[&str] = &[
    "BAT101", "BAT104", "BAT105", "BAT106", "BAT107", "BAT108", "BAT109", "BAT201", "BAT204",
    "BAT205", "BAT206", "BAT207", "BAT208", "BAT209", "BAT210", "BAT211", "BAT212", "BAT213",
    "BAT302", "BAT304", "BAT305", "SMS105",
];

/// Run one rule's check over a file, keeping a code rule's findings only in code that runs
/// (see [`CODE_RULES`]).
pub fn run_check(rule: &Rule, ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(check) = rule.check else {
        return;
    };
    let from = out.len();
    check(ctx, out);
    if out.len() > from && CODE_RULES.contains(&rule.code) {
        let mut i = from;
        while i < out.len() {
            if ctx.runs_at(out[i].span.start()) {
                i += 1;
            } else {
                out.swap_remove(i);
            }
        }
    }
}

/// Files of at least this many bytes run their rules in parallel ([`run_checks`]).
pub const PARALLEL_RULES_BYTES: usize = 256 * 1024;

/// Run `rules` over a file, in their order. A file of [`PARALLEL_RULES_BYTES`] or more runs
/// them in parallel (the files of a run are checked in parallel, but one large script would
/// otherwise keep one core busy alone); the findings are the same, in the same order, either
/// way.
/// The rules come as an iterator: a small file runs them as they come, with no list built.
pub fn run_checks(
    rules: impl IntoIterator<Item = &'static Rule>,
    ctx: &Ctx<'_>,
    out: &mut Vec<Diagnostic>,
) {
    if ctx.source.bytes().len() < PARALLEL_RULES_BYTES || rayon::current_num_threads() < 2 {
        for rule in rules {
            run_check(rule, ctx, out);
        }
        return;
    }
    use rayon::prelude::*;
    let rules: Vec<&'static Rule> = rules.into_iter().collect();
    let parts: Vec<Vec<Diagnostic>> = rules
        .par_iter()
        .with_max_len(1)
        .map(|rule| {
            let mut part = Vec::new();
            run_check(rule, ctx, &mut part);
            part
        })
        .collect();
    for part in parts {
        out.extend(part);
    }
}

/// Look a rule up by code (any case) or name.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// Read and analyse one script and run the given batch rules on it, at their default
/// severities, without selection or suppressions. The engine adds those; unit tests use this.
pub fn run_rules(
    path: &Path,
    source: &Source,
    settings: &LintSettings,
    rules: &[&'static Rule],
) -> Vec<Diagnostic> {
    let script = crate::syntax::parse(source);
    let labels = LabelIndex::build(source);
    let flow = Flow::build(source, &script, &labels);
    let ctx = Ctx::new(path, source, &script, &labels, &flow, settings, None);
    let mut out = Vec::new();
    if crate::flow::foreign_script(source).is_some() {
        return out;
    }
    run_checks(rules.iter().copied(), &ctx, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_runs_its_rules_in_parallel_with_the_same_findings() {
        // Above the threshold, with findings of many rules (NT syntax, a missing CALL, a
        // misplaced else, a clear-text password, labels in blocks) repeated throughout.
        let chunk = "@echo off\r\nsetlocal\r\nif /i \"%1\"==\"x\" (echo a) else (echo b)\r\n\
                     net use h: \\\\srv\\share secret /user:adm\r\nother.bat\r\nelse echo x\r\n\
                     if errorlevel 1 goto a\r\nif errorlevel 2 goto a\r\n(\r\n:inner\r\necho %~dp0\r\n)\r\n\
                     goto inner\r\n:a\r\ncall :a 2>nul\r\n";
        let text = chunk.repeat(PARALLEL_RULES_BYTES / chunk.len() + 1);
        assert!(text.len() >= PARALLEL_RULES_BYTES);
        let source = Source::new(text.into_bytes());
        let settings = LintSettings {
            targets: Targets {
                nt: true,
                win9x: true,
            },
            logon_script: true,
            ..LintSettings::default()
        };
        let path = Path::new("big.bat");
        let parallel = run_rules(path, &source, &settings, RULES);
        // The same rules one after another.
        let script = crate::syntax::parse(&source);
        let labels = LabelIndex::build(&source);
        let flow = Flow::build(&source, &script, &labels);
        let ctx = Ctx::new(path, &source, &script, &labels, &flow, &settings, None);
        let mut serial = Vec::new();
        for rule in RULES {
            run_check(rule, &ctx, &mut serial);
        }
        assert!(serial.len() > 100, "{} findings", serial.len());
        assert_eq!(parallel, serial);
    }

    #[test]
    fn word_mask_agrees_with_mentions_across_chunks() {
        // Words at the start, across the 16 KB seam (with quotes and carets inside), in any
        // case, and near misses.
        let mut text = b"RasApi32.dll ipconfi g cli^_\"nt ".to_vec();
        text.resize(16 * 1024 - 5, b'x');
        text.extend_from_slice(b"\\MS\\s\"ms\\^bin envir onment smsru");
        // The longest word across the seam, and with quotes inside.
        let mut long = vec![b'y'; 16 * 1024 - 12];
        long.extend_from_slice(b"REM Microsoft Systems Management Server (start)");
        let quoted: &[u8] = b"rem \"systems\" manage^ment server";
        for bytes in [
            &text[..],
            &long[..],
            quoted,
            b"",
            b"smsrun16",
            b"\"sms\"run",
            b"environmenT",
            b"systems management serve",
            b"SET \"SMS_LOCAL_DIR=C:\\SMS\"",
            // One word's last byte is the next one's first.
            b"sms_local_dirasapi32 systems management serverasapi32",
            br"smsrunsms_local_dir\ms\sms\bin",
        ] {
            let mask = word_mask(bytes);
            assert_eq!(mask, word_mask_with(bytes, None));
            for (i, w) in WORDS.iter().enumerate() {
                assert_eq!(
                    mask & (1 << i) != 0,
                    bat_util::mentions(bytes, w),
                    "{} in {:?}",
                    String::from_utf8_lossy(w),
                    String::from_utf8_lossy(&bytes[..bytes.len().min(40)])
                );
            }
        }
        assert_eq!(word_mask(&text), 0b1101, "rasapi32, cli_nt, \\ms\\sms\\bin");
        assert_eq!(word_mask(&long), 1 << 6, "systems management server");
        assert_eq!(word_mask(quoted), 1 << 6, "systems management server");
    }

    #[test]
    fn docs_links_from_a_repository_or_the_installed_docs() {
        assert_eq!(docs_base_for(""), "docs/rules.md");
        assert_eq!(
            docs_base_for("https://git.example/smslint/"),
            "https://git.example/smslint/blob/main/docs/rules.md"
        );
        assert_eq!(
            docs_url_at("https://x.example/r.html", "NET101"),
            "https://x.example/r.html#net101"
        );
        // Cargo.toml names no repository: links point into the installed docs.
        assert_eq!(docs_url("BAT201"), "docs/rules.md#bat201");
        assert!(is_absolute_url("https://x.example/r.html"));
        assert!(is_absolute_url("file:///usr/share/doc/smslint/rules.md"));
        assert!(!is_absolute_url("docs/rules.md"));
        assert!(!is_absolute_url("C:\\docs\\rules.md"));
    }
}
