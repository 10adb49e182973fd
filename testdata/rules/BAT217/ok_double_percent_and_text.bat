@echo off
for %%f in (C:\spool\*.tmp) do del "%%f"
for /f "tokens=1" %%a in ('ver') do echo %%a
if "%1"=="/?" for /?
rem typed at the prompt: for %i in (*.txt) do type %i
echo for %i in (*.txt) do type %i
goto :eof
for %x in (a b) do echo %x
