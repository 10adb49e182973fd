@echo off
rem A block switched off on purpose: no variable is named 1 or 0.
if 1==0 (
  echo debugging output
)
rem An argument compared with a word that is also a variable name.
if %1==debug set debug=1
if /i "%debug%"=="1" echo debug on
