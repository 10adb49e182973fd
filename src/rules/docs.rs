//! `smslint rules`, `smslint rule CODE` and the generated `docs/rules.md`, all from the
//! registry text.

use crate::rules::{docs_url, Rule, RULES};

/// Indent every line of a block.
fn indent(text: &str, by: &str) -> String {
    text.trim_end_matches(['\n', '\r'])
        .lines()
        .map(|l| {
            let l = l.trim_end_matches('\r');
            if l.is_empty() {
                String::new()
            } else {
                format!("{by}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Wrap prose at `width` columns (paragraphs and explicit line breaks kept), indented by `by`.
fn wrap(text: &str, by: &str, width: usize) -> String {
    let mut out = Vec::new();
    for para in text.trim_end().lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty()
                && by.len() + line.chars().count() + 1 + word.chars().count() > width
            {
                out.push(format!("{by}{line}"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(if line.is_empty() {
            String::new()
        } else {
            format!("{by}{line}")
        });
    }
    out.join("\n")
}

/// The full documentation of a rule as plain text (`smslint rule CODE`, SARIF `help.text`).
pub fn rule_text(r: &Rule) -> String {
    let mut out = String::new();
    out.push_str(&format!("{} {} ({})\n", r.code, r.name, r.severity));
    out.push_str(&format!("{}\n\n", r.summary));
    if let Some(why) = r.opt_in {
        out.push_str(&format!(
            "Off by default\n{}\n\n",
            wrap(&opt_in_text(r, why), "  ", 90)
        ));
    }
    out.push_str(&format!("What it checks\n{}\n\n", wrap(r.what, "  ", 90)));
    out.push_str(&format!(
        "Why it matters on a client\n{}\n\n",
        wrap(r.why, "  ", 90)
    ));
    out.push_str(&format!("Example\n{}\n\n", indent(r.example, "    ")));
    out.push_str(&format!("Fix\n{}\n\n", indent(r.fix, "    ")));
    out.push_str("Sources\n");
    for s in r.sources {
        out.push_str(&format!("  - {s}\n"));
    }
    out.push_str(&format!("\nDocs: {}\n", docs_url(r.code)));
    out
}

/// Why an opt-in rule is off, and how to turn it on.
fn opt_in_text(r: &Rule, why: &str) -> String {
    format!(
        "{} Turn it on with `extend-select = [\"{}\"]` in smslint.toml (or `--extend-select {}`, or `select = [\"ALL\"]`).",
        why.trim_end(),
        r.code,
        r.code
    )
}

/// The default column of the rule tables.
fn default_column(r: &Rule) -> &'static str {
    if r.on_by_default() {
        "on"
    } else {
        "opt-in"
    }
}

/// A fenced code block whose fence is longer than any backtick run in the text.
fn fenced(text: &str, lang: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest.max(2) + 1);
    let body = text.replace('\r', "");
    format!("{fence}{lang}\n{}\n{fence}\n", body.trim_end_matches('\n'))
}

fn example_lang(r: &Rule) -> &'static str {
    let e = r.example.trim_start();
    if e.starts_with('[') || e.contains(" = ") {
        "toml"
    } else if r.example.contains(",") && r.example.lines().count() > 1 && !e.starts_with('@') {
        "csv"
    } else {
        "bat"
    }
}

/// The documentation of a rule as Markdown. With `heading`, starts with the `## CODE` heading
/// whose anchor (`#code`) the docs links use.
pub fn rule_markdown(r: &Rule, heading: bool) -> String {
    let mut out = String::new();
    if heading {
        out.push_str(&format!("## {}\n\n", r.code));
    }
    out.push_str(&format!(
        "**{}** · default severity: {}\n\n{}\n\n",
        r.name, r.severity, r.summary
    ));
    if let Some(why) = r.opt_in {
        out.push_str(&format!("**Off by default.** {}\n\n", opt_in_text(r, why)));
    }
    out.push_str(&format!("### What it checks\n\n{}\n\n", r.what.trim()));
    out.push_str(&format!(
        "### Why it matters on a client\n\n{}\n\n",
        r.why.trim()
    ));
    let lang = example_lang(r);
    out.push_str(&format!("### Example\n\n{}\n", fenced(r.example, lang)));
    out.push_str(&format!("### Fix\n\n{}\n", fenced(r.fix, lang)));
    out.push_str("### Sources\n\n");
    for s in r.sources {
        out.push_str(&format!("- {s}\n"));
    }
    out
}

/// `docs/rules.md`, generated from the registry.
pub fn render_markdown() -> String {
    let mut out = String::new();
    out.push_str("# smslint rules\n\n");
    out.push_str(
        "<!-- Generated from the rule registry (src/rules/). Do not edit by hand: run\n     \
         `SMSLINT_BLESS=1 cargo test --test docs` to regenerate. -->\n\n",
    );
    out.push_str(
        "Rules marked *opt-in* are off unless a selector names them (`extend-select`, a prefix \
         in `select`, or `select = [\"ALL\"]`): their precision on real scripts is not yet \
         high enough for every share, or they only suit some shares. Each says why.\n\n",
    );
    out.push_str("| code | name | default severity | runs | summary |\n|---|---|---|---|---|\n");
    for r in RULES {
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} | {} |\n",
            r.code,
            r.code.to_ascii_lowercase(),
            r.name,
            r.severity,
            default_column(r),
            r.summary.replace('|', "\\|")
        ));
    }
    out.push('\n');
    for r in RULES {
        out.push_str(&rule_markdown(r, true));
        out.push('\n');
    }
    out
}

/// The `smslint rules` table.
pub fn rules_table() -> String {
    let wc = RULES.iter().map(|r| r.code.len()).max().unwrap_or(4).max(4);
    let wn = RULES.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4);
    let mut out = format!(
        "{:wc$}  {:wn$}  {:8}  {:6}  summary\n",
        "code", "name", "severity", "runs"
    );
    for r in RULES {
        out.push_str(&format!(
            "{:wc$}  {:wn$}  {:8}  {:6}  {}\n",
            r.code,
            r.name,
            r.severity.as_str(),
            default_column(r),
            r.summary
        ));
    }
    out
}
