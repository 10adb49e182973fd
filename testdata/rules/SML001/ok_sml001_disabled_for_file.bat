@echo off
REM smslint: disable-file=SML001
REM smslint: disable=NOSUCH1
echo hello
