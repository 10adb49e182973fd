@echo off
REM Shared patches for every PC
:old_patches
if not exist P:\Patches goto old_patches_end
for /D %%i in (P:\Patches\*.*) do if exist %%i\start.bat call %%i\start.bat
:old_patches_end
echo done
