@echo off
REM SMSRUN16 was removed from WIN.INI load= in 1999
echo SMSRUN16 is no longer used.
