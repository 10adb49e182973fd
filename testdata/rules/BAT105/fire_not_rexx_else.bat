@echo off
rem /* not REXX: the first line is @echo off */
if exist x (
  echo a
)
else echo b
