//! BAT214 ampersand-in-url: an unquoted `&` inside a URL's query string ends the command.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat_util::OnePerFile;
use crate::rules::{Ctx, Rule};
use crate::syntax::ast::Connector;

pub static RULE: Rule = Rule {
    code: "BAT214",
    name: "ampersand-in-url",
    severity: Severity::Warning,
    summary: "An unquoted `&` between `name=value` pairs (a URL's query string) ends the command",
    what: "Reports an unquoted, unescaped `&` in code that runs that is glued to text on both \
           sides and followed by `name=` (`…?product=stub&os=win&lang=de`, `…&h=453`): the \
           query-string separator of a URL or a `key=value&key=value` list, which cmd.exe \
           reads as the command separator. An `&` with a blank before or after it \
           (`cd x & echo y`) is an ordinary command separator and is not reported, nor is a \
           line whose first word is the URL itself (a link pasted as a note: cmd.exe already \
           fails to run `https://…` as a command). One finding per line: the line's other \
           such `&`s are its related places.",
    why: "cmd.exe ends a command at every `&` outside double quotes. `set \
          URL=https://host/get?product=stub&os=win` sets URL to `https://host/get?product=stub` \
          and then runs `os=win` as a command (\"'os' is not recognized as an internal or \
          external command\"): the variable holds half the address, and a download or `start` \
          that uses it goes to the wrong page or fails.",
    example: "set BASEURL=https://download.example.org/?product=browser&os=win&lang=de\n",
    fix: "set \"BASEURL=https://download.example.org/?product=browser&os=win&lang=de\"\n",
    sources: &[
        "cmd-semantics §1.4 (special characters: `&` separates commands unless quoted or escaped \
         with `^`)",
        "held-out set 12 (a software-install script whose download URL loses its `&os=win&lang=de`)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let bytes = ctx.source.bytes();
    if memchr::memchr(b'&', bytes).is_none() {
        return;
    }
    // One finding per line (a URL with five parameters is one mistake): the line's other
    // `&`s are its related places.
    let mut per_line: Option<(usize, OnePerFile)> = None;
    let more = |n: usize| {
        format!(
            "{n} more `&` on this line {} the same",
            if n == 1 { "does" } else { "do" }
        )
    };
    for id in ctx.script.ids() {
        let stmt = ctx.script.stmt(id);
        if stmt.connector != Connector::Amp {
            continue;
        }
        let Some(amp) = stmt.connector_span() else {
            continue;
        };
        let (at, end) = (amp.start(), amp.end());
        // Glued on the left to a word byte (not a blank, quote, bracket or redirection).
        let glued_left = at > 0 && {
            let b = bytes[at - 1];
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/' | b'%' | b'+')
        };
        // `name=` right after it.
        let name_len = bytes[end..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        let is_pair = name_len > 0
            && bytes[end].is_ascii_alphabetic()
            && bytes.get(end + name_len) == Some(&b'=');
        if !glued_left || !is_pair || !ctx.flow.is_reachable(id) || url_note_line(ctx, at) {
            continue;
        }
        let line = ctx.source.line_of(at);
        if let Some((l, once)) = &mut per_line {
            if *l == line && once.absorb(out, amp, "also ends the command") {
                continue;
            }
        }
        if let Some((_, once)) = per_line.take() {
            once.finish(out, more);
        }
        per_line = Some((line, OnePerFile::new(out)));
        let pair_end = bytes[end..]
            .iter()
            .position(|b| matches!(b, b'&' | b' ' | b'\t' | b'\r' | b'\n' | b'"'))
            .map_or(bytes.len(), |p| end + p);
        let pair = ctx.source.display(crate::source::Span::new(end, pair_end));
        out.push(
            RULE.diag(
                amp,
                format!(
                    "this `&` ends the command: cmd.exe cuts the text before it here and runs \
                     `{pair}` as a command of its own (\"is not recognized as an internal or \
                     external command\"), so the `name=value` list or URL it belongs to is cut \
                     short"
                ),
            )
            .with_label("command separator, not part of the text")
            .with_help(
                "quote the whole text (`set \"URL=…&…\"`, `start \"\" \"https://…&…\"`) or escape \
                 each `&` as `^&`",
            ),
        );
    }
    if let Some((_, once)) = per_line {
        once.finish(out, more);
    }
}

/// The line of `at` is a URL pasted as a note (`https://host/get?fn=a&pt=0` alone): its first
/// word is the URL, which cmd.exe already fails to run as a command, so where the `&` cuts it
/// changes nothing. Not when the line continues the one before it (a `^` at its end).
fn url_note_line(ctx: &Ctx<'_>, at: usize) -> bool {
    let src = ctx.source;
    let line = src.line_of(at);
    if line > 1
        && src
            .slice(src.line_span(line - 1))
            .trim_ascii_end()
            .ends_with(b"^")
    {
        return false;
    }
    let text = src.slice(src.line_span(line)).trim_ascii_start();
    let text = text.strip_prefix(b"@").unwrap_or(text).trim_ascii_start();
    let lower = |n: usize| text.get(..n).map(<[u8]>::to_ascii_lowercase);
    lower(7).is_some_and(|p| p == b"http://") || lower(8).is_some_and(|p| p == b"https://")
}
