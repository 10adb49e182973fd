@echo off
rem Started again from a nested shell: the environment says the set-up ran already.
if "%shell_init%" == "1" (
    "%~dp0prompt.bat" inject
) else (
    set shell_init=1
)
pushd "%~dp0"
call "%~dp0init.bat"
popd
