@echo off
call :check
exit /b
:check
ver
exit/b

Release      Build    Tested on
-----------  -------  ---------
2024-01-12   1.4.0    lab PC

   /\_/\     /\_/\
  ( o.o )   ( o.o )
