@echo off
rem COMMAND.COM keeps only the first 8 characters of a label, so on Windows 9x
rem the jump below lands on the next line, where the script restarts itself with
rem a larger environment; cmd.exe jumps past that to the long label.
if "%1"=="again" goto resume
goto _WindowsNT
:_Windows
start %COMSPEC% /e:4096 /c %0 again
goto done
:_WindowsNT
:resume
echo running with a big environment
:done
