@echo off
color 1f
if exist tools\setup.bat (
    cd tools
    setup.bat
)
color 07
