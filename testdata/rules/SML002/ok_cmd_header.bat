#!cmd
@echo off
rem The console runs this one with cmd.exe: a batch script.
if exist C:\Temp\agent.log (echo found) else (echo missing)
