@echo off
goto %1
:a
:b
