//! SML002 not-a-batch-script: reported by the engine for a file another interpreter runs.

use crate::diagnostic::Severity;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    code: "SML002",
    name: "not-a-batch-script",
    severity: Severity::Info,
    summary: "The file is not a cmd.exe script, so no batch rule is run on it",
    what: "Reports once, on the first line, a `.bat`/`.cmd` file that another interpreter runs, \
           and runs no batch rule on it: an OS/2 REXX program (the first non-blank bytes are a \
           `/*` comment, or the binary `REXX.METACONTROL` / `REXX.TOKENSIMAGE` image OS/2 \
           saves with one), a 4DOS / 4NT / Take Command script (at least two of `iff … then`, \
           `elseiff`, `endiff`, `enddo`, `gosub`, `%+`), or a file whose first line is `#!` \
           naming another interpreter (`#!ps`, the PowerShell header of remote-management \
           tools; `#!/bin/sh`; not `#!cmd`, nor a shell/batch polyglot with an `@echo off` line, \
           nor a body only cmd.exe reads: a line starting `cd /d`, `goto`, `rem`, `::`, \
           `exit /b`, `setlocal` or `if errorlevel`, or holding `>nul` or `%~dp0`: cmd.exe \
           prints one error for the `#!` line and runs the rest), \
           or binary data whose first byte is NUL (cmd.exe reads nothing of it; UTF-16 text, a \
           NUL in every other byte, is not counted), or whose first line runs into NUL bytes \
           after a few bytes of text, with at least 8 pairs of NULs in its first 4 KB (an \
           editor's tool definition, a game's level file named `LEVEL1.CMD`), or an HTML page \
           (the first non-blank bytes are `<!DOCTYPE html` or `<html`: most often a repository's \
           web page saved under the script's name; a batch/HTA hybrid starting `<!-- :` is a \
           script), or C/C++ source (the first non-blank bytes are `#include <…>` or \
           `#include \"…\"`).",
    why: "Linting such a file as cmd.exe batch reports errors in code cmd.exe never runs: REXX \
          `IF … THEN` / `ELSE` lines and 4DOS `iff`/`endiff` blocks are not batch syntax. The \
          note says why the file has no other finding, so a tree of mixed scripts stays quiet \
          without hiding that the file was skipped.",
    example: "/* REXX */\nSAY 'hello'\n",
    fix: "/* REXX: exclude OS/2 scripts in smslint.toml (`exclude = [\"os2/*.cmd\"]`) */\nSAY 'hello'\n",
    sources: &[
        "precision study syntax.md RC4 (OS/2 REXX `.cmd` files, 4DOS/4NT `iff … endiff`)",
        "cmd-semantics §1.16 (what COMMAND.COM and cmd.exe read)",
    ],
    check: None,
    opt_in: None,
};
