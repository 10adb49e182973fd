@echo off
rem Each handler ends with a GOTO to the end: no path runs one handler after the other, so
rem the `set ERRORLEVEL=0` of the first is never what the second reads after its command.
setlocal
if not exist "%~dp0site.ini" goto no_ini
ping -n 1 smsserver >nul || goto no_server
echo Site settings found.
goto done

:no_ini
set ERRORLEVEL=0
echo No site.ini, using the defaults.
goto done

:no_server
call :log "server unreachable"
if %ERRORLEVEL% neq 0 echo The log could not be written.
goto done

:log
echo %~1>>"%TEMP%\site.log"
goto :eof

:done
endlocal
