@echo off
if %OS%==Windows_NT goto nt
echo win9x
:nt
