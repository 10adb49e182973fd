@echo off
rem cmd.exe runs tif2png.bat once for each picture; nothing follows the loop.
for %%p in (*.tif) do tif2png.bat %%p
