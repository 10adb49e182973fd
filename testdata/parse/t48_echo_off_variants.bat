@echo off
@ECHO OFF   
echo off
@@echo off
@echo.off
