@echo off
echo start
exit /b 0
:template.loop
for /l %%n in (1,1,2) do (
::  first
::  second
)
exit /b 0
