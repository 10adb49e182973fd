@echo off
REM smslint: disable=SML099
echo hello
