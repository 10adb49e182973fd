@echo off
rem `… || exit 1` in a download subroutine: the failure of the command stops everything on
rem purpose (the script returns from its subroutines with `goto :eof` elsewhere).
call :fetch https://downloads.example.org/agent.zip agent.zip
call :fetch https://downloads.example.org/tools.zip tools.zip
echo Downloads complete.
goto :eof

:fetch
curl -fsSL -o "%~2" "%~1" || exit 1
goto :eof
