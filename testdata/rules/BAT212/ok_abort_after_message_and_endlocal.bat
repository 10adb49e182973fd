@echo off
call :download_libs
if errorlevel 1 exit /b 1
echo built
exit /b 0

:download_libs
setlocal
cmake -P download.cmake
if errorlevel 1 (
    echo download error
    endlocal
    exit 1
)
endlocal
exit /b 0
