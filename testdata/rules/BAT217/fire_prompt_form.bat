@echo off
rem clean the spool folder (copied from a console session)
for %f in (C:\spool\*.tmp) do del "%f"
echo spool cleaned
