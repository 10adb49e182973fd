@echo off
rem Two paths share one error handler written inside the IF block: from its label the
rem handler leaves with GOTO before the block's ")", so landing there from outside runs
rem exactly the handler.
if not "%~x1"==".iso" (
:bad_input
  echo "%~1" is not an ISO image
  goto fail
)
if not exist "%~1" goto bad_input
echo mounting %1
exit /b 0
:fail
exit /b 1
