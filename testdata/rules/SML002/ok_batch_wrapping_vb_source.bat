/*
@echo off
rem Compiles the VB.NET source below this batch part and runs it.
set vbc=%windir%\Microsoft.NET\Framework\v4.0.30319\vbc.exe
findstr /b "'VB" "%~f0" >nul || exit /b 1
"%vbc%" /nologo /out:"%temp%\shot.exe" "%~f0" >nul
"%temp%\shot.exe"
exit /b
*/
Imports System 'VB
