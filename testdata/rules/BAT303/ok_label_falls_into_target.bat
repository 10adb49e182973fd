@echo off
rem Both labels start with INST_DRV: on Windows 9x the jump lands on :INST_DRV_C, which
rem falls straight into :INST_DRV_D.
if "%1"=="D:" goto INST_DRV_D
:INST_DRV_C
:INST_DRV_D
md %1\GAME
