@echo off
goto newinst
:oldinst
echo old
goto end
:newinst
echo new
:end
