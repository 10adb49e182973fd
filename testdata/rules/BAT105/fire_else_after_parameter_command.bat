@echo off
rem The condition is complete before %2: `if %1==x` then the command %2.
if %1==x %2 (echo true) else echo false
rem The operator from a parameter, then a then-command that is not in parentheses.
if %1 %2 %3 echo yes else echo no
