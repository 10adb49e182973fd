@echo off
for %%s in (lan ras) do if /i "%~1"=="%%s" (echo link %%s&goto :nolink)
echo done
