@echo off
:: smslint: disable=sml001, XYZ9

REM an ordinary comment
echo hello
