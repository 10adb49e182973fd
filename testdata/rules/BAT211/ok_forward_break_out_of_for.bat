@echo off
rem Break out of a FOR with a GOTO forward to a label later in the same IF block: the lines
rem after the label run once, as plain lines, which is what the script wants.
if exist "%~1" (
    for /f %%h in ('certutil -hashfile "%~1" ^| findstr /v ":"') do (
        set "hash=%%h"
        goto hashed
    )
    :hashed
    echo Hash: %hash%
) else echo not found
