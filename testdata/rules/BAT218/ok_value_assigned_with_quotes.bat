@echo off
set state="none"
if exist "%temp%\done.flag" set state="done"
if %state%=="done" echo Already installed.
