@echo off
rem Switches glued together and an attribute switch are all known to DEL.
cd E:\Captures\old
del /f/q /a:h *.tmp
