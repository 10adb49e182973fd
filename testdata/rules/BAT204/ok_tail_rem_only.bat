@echo off
viewer.bat %* /e:edge
rem other.bat edge %*>nul
