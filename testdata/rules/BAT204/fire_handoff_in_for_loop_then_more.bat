@echo off
rem cmd.exe runs tif2png.bat for each picture, then ends: the clean-up never runs.
for %%p in (*.tif) do tif2png.bat %%p
del /q *.tmp
echo done
