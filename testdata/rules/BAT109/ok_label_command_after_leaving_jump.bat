@echo off
rem The block leaves with GOTOs before the `:again` section; only `goto again` gets there,
rem and from there cmd.exe reads line by line, where `::` is a comment.
if exist "%TEMP%\setup.ini" (
    choice /c YN /m "Use the saved settings"
    if errorlevel 2 goto again
    goto saved
::-----------------------------
:again
::-----------------------------
  :: ask for new settings
    set /p server=Server name: 
    goto :eof
)
:saved
echo Using the saved settings.
