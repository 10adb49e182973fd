//! BAT219 prompt-compare-unquoted: a `set /p` answer compared unquoted; Enter stops the
//! script.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::bat210_unquoted_compare::{walk, Reasons};
use crate::rules::{Ctx, Rule};

pub static RULE: Rule = Rule {
    code: "BAT219",
    name: "prompt-compare-unquoted",
    severity: Severity::Warning,
    summary: "A `set /p` answer is compared unquoted (`if %choice%==1`): pressing Enter \
              stops the script with a syntax error",
    what: "Reports an operand of `==` (or `EQU` …) made only of `%name%`, in code that runs, \
           where `name` was last set by a `set /p` prompt at the console, with no value \
           before it and no emptiness test since (`if \"%c%\"==\"\" goto ask`, `if not \
           defined c …`, a quoted order test that an empty answer passes and that leaves \
           (`if /i \"%n%\" leq \"¬\" goto ask`), a `set /a` that reads it, or a value derived from the answer that \
           sends the user back to the prompt when the check fails: `for /l %%n in (1,1,24) \
           do if \"%h%\"==\"%%n\" set ok=1` then `if not \"%ok%\"==\"1\" goto ask`; or quoted tests of the answer that jump on \
           only for the words they accept while every other answer, Enter too, is asked \
           again: `for %%m in (fast full) do if /i \"%mode%\"==\"%%m\" goto chosen` then \
           `goto pick`). Not \
           reported: an answer read from a file (`set /p v=<file`, or a prompt in a block \
           redirected from a file: `< save.txt ( set /p v= … )`), a prompt whose variable \
           holds a default (`set c=1` or `set c=\"\"` before it: Enter keeps the default; \
           `set c=` clears it and is no default; a variable Windows sets, such as `TEMP`, or \
           one cmd.exe fills in when unset, such as `DATE`, `TIME` or `CD`, never ends up \
           empty, or `set /p c=Choice: || set c=1` after it: \
           SET /P fails on Enter, so the `||` branch gives the default), a \
           quoted or bracketed operand, a test that cmd.exe reads together with the prompt \
           (both in one block or on one line: the test never sees the answer, which is \
           BAT215's finding), a yes/no question (`if %c%==Y`, `if %c%==N`, or `if %c% equ 1` with \
           `0` tested too) whose \"no\" path ends the script (through messages, pauses, \
           GOTOs and other yes/no tests of the answer): the syntax error stops it where \
           \"no\" would; nor a test after which an answer it does not expect ends the script the \
           same way (a menu's `echo Invalid choice` / `pause` / `exit`, a wrong password's \
           `exit`: only messages, pauses and GOTOs on the way); nor a later test of an answer whose first test already stops the \
           script on Enter (on an IF line reported for another answer, or such a yes/no); \
           nor a substring of the answer whose leftover text is one word (`if /i %c:~-1% EQU \
           Y`: with no value cmd.exe drops `%c:` and the lone `%`, and the test reads `~-1`; \
           `%c:~0,1%` leaves `~0,1`, whose comma breaks the line, and is reported). One finding per \
           variable; its other unquoted tests are related places. The other unquoted \
           operands (arguments, values with spaces) are BAT210's, which is opt-in. A right \
           operand is reported only before a `(` block: otherwise, empty, it makes IF \
           compare the left one with the next word (`if 1== goto done` compares `1` with \
           `goto` and runs `done`), a wrong test but no syntax error.",
    why: "When the user presses Enter without typing, `set /p` leaves the variable as it \
          was: unset. `%choice%` then expands to nothing before IF reads the line, so `if \
          %choice%==1 goto one` becomes `if ==1 goto one`, a syntax error: cmd.exe prints \
          \"goto was unexpected at this time\" and stops the script, in the middle of the \
          menu, instead of asking again.",
    example: "@echo off\n:menu\necho 1 = map drives, 2 = quit\nset /p choice=Choice: \nif \
              %choice%==1 goto map\nif %choice%==2 goto :eof\ngoto menu\n:map\nnet use \
              h: \\\\files\\home\n",
    fix: "@echo off\n:menu\necho 1 = map drives, 2 = quit\nset \"choice=\"\nset /p \
          choice=Choice: \nif \"%choice%\"==\"1\" goto map\nif \"%choice%\"==\"2\" goto \
          :eof\ngoto menu\n:map\nnet use h: \\\\files\\home\n",
    sources: &[
        "SET /? (SET-help): `/P` \"sets the value of a variable to a line of input entered \
         by the user\"; an empty line leaves the variable unchanged",
        "cmd-semantics §1.11 (kb-note: \"quote both sides\"), T42",
        "held-out sets 31, 32 and 34 (menus comparing `set /p` answers unquoted)",
    ],
    check: Some(check),
    opt_in: None,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    walk(ctx, Reasons::Prompts, out);
}
