@echo off
if "%OS%"=="Windows_NT" goto nt
if "%1"=="" goto nt
if %1.==. goto nt
if x%2==x goto nt
:nt
for %%i in (a b) do if %%i==a echo a
