@echo off
rem convert every picture of the folder
for %%p in (*.tif) do tif2png.bat %%p
