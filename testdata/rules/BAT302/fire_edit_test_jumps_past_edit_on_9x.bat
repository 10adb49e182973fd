@echo off
rem Strips a trailing backslash on cmd.exe. On Windows 9x the edit in the test expands to
rem nothing, so the test always jumps and the SET below it never runs there.
if "%H%"=="" goto done
:strip
if not _%H:~-1%==_\ goto done
set H=%H:~0,-1%
goto strip
:done
echo %H%
