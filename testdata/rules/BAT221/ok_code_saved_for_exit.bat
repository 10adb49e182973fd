@echo off
setlocal
nmake /f app.mak
if errorlevel 1 goto failed
endlocal
exit 0
:failed
endlocal
set ERRORLEVEL=%ERRORLEVEL%
del *.obj >nul
exit %ERRORLEVEL%
