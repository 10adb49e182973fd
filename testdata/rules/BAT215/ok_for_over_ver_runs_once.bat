@echo off
set "OSINFO=Windows"
for /f "tokens=2 delims=[]" %%v in ('ver') do set "OSINFO=%OSINFO% %%v"
echo %OSINFO%
