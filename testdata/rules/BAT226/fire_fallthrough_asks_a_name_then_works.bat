@echo off
set /p what=1 = new text file, 2 = new batch file: 
if "%what%"=="1" goto text
if "%what%"=="2" goto batch
:text
rem A typo lands here: the prompt below asks for a name, and the file is made anyway.
set /p name=File name: 
type nul > "%name%.txt"
exit /b
:batch
set /p name=File name: 
echo @echo off> "%name%.bat"
