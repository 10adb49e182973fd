@echo off
rem The answer goes into TEMP, which Windows always sets: Enter keeps its old value.
set /p temp=Class (1 = warrior, 2 = mage): 
if %temp%==1 set class=warrior
if %temp%==2 set class=mage
echo %class%
