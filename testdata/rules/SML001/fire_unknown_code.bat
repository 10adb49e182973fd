@echo off
REM smslint: disable=SML002
echo hello
