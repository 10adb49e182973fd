@echo off
REM SMS logon processing retired at this site.
