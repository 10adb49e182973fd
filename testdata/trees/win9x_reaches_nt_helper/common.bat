@echo off
REM Shared patches for every PC
:patches
if not exist P:\Patches goto patches_done
for /D %%i in (P:\Patches\*.*) do if exist %%i\start.bat call %%i\start.bat
:patches_done
echo done
