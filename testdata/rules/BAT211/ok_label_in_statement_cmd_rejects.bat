@echo off
rem The FOR lost its closing line; the ")" of "(txt)" closes it and cmd.exe rejects the
rem whole statement, so the labels below are only ever reached as plain lines.
for %%f in (a b) do (
  if exist %%f.cfg (
    type %%f.cfg
  )
goto start
:start
set /p pick=Number: 
if "%pick%"=="1" goto view
goto start
:view
echo Shows the notes (txt) one by one
exit /b
