@echo off
rem the 0 after the comma is read as handle 0 (standard input)
echo tries=3,0>%TEMP%\retry.ini
