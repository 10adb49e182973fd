@echo off
if exist c:\keepit12.txt del c:\keepit12.txt else echo none
