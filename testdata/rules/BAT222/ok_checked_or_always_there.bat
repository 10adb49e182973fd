@echo off
cd /d "%APPDATA%\ChatClient\Cache" || exit /b 1
del /s /q *
if exist "%LOCALAPPDATA%\ChatClient\GPUCache\" (
    cd /d "%LOCALAPPDATA%\ChatClient\GPUCache"
    del /s /q *
)
cd /d "%LOCALAPPDATA%\Tool\Logs" && del /q *.*
cd /d %TEMP%
del /s /q *
cd /d "%~dp0"
del /q *.*
cd /d "%LOCALAPPDATA%\Tool\Dumps"
del /q *.dmp
md "%LOCALAPPDATA%\Tool\Work"
cd /d "%LOCALAPPDATA%\Tool\Work"
del /q *
for /r "%LOCALAPPDATA%\Tool" %%F in (lock.tmp) do (
    pushd "%%~dpF"
    del /q *.*
    popd
)
cd %windir%\SoftwareDistribution\Download
del /s /q *
