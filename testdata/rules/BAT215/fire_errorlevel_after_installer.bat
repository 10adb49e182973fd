@echo off
rem The installer's exit code is tested with %ERRORLEVEL% inside the block that runs it,
rem and on the line that runs it: both tests see the code from before.
if not exist "%ProgramFiles%\Agent\agent.exe" (
    echo Installing the agent...
    msiexec /i "%~dp0agent.msi" /qn
    if %ERRORLEVEL% neq 0 echo Agent install failed >> "%TEMP%\logon.log"
)
"%~dp0inventory.exe" /s & if %errorlevel% neq 0 echo Inventory failed >> "%TEMP%\logon.log"
if exist "%TEMP%\agent.old" (
    del "%TEMP%\agent.old"
    set cleaned=1
    if %errorlevel% neq 0 echo Could not remove the old agent >> "%TEMP%\logon.log"
)
