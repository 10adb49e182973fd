@echo off
for /D %%i in (h:\patches\*) do if exist %%i\go.bat call %%i\go.bat
echo patched
