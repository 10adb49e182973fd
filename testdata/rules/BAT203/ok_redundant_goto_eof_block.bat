@echo off
if "%1."=="." (goto usage) & (goto :eof)
echo args given
goto :eof
:usage
echo usage
