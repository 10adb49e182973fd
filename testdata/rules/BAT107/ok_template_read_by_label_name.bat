@echo off
setlocal EnableDelayedExpansion
rem Print the lines under a label of this file; the label names a text template.
if not "%~1" == "" call %* & exit /b
call :show_lines "%~f0" "greeting.template"
exit /b 0

:show_lines   file  label
set "inside="
for /f "usebackq delims=" %%L in ("%~1") do (
    if defined inside echo %%L
    if "%%L" == ":%~2" set "inside=1"
)
exit /b 0

:greeting.template
if "!who!" == "" (
::  Hello, stranger
) else (
::  Hello, !who!
)
