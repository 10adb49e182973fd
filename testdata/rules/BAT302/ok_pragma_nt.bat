@echo off
REM smslint: targets=nt
REM An NT admin tool: the pragma says no Windows 9x client runs it (it beats the config).
setlocal enabledelayedexpansion
if /i "%~1"=="-v" (echo verbose) else (echo quiet)
