@echo off
rem The ")" of "(fast)" closes the block: the SET after it runs whatever %1 is.
if /i "%1"=="turbo" ( echo Mode (fast) & set "SPEED=9" )
echo speed %SPEED%
