@echo off
rem With an image name, boot it; without one, boot the default: each side hands over once.
if "%1"=="" goto default
bootimg.bat %1
:default
bootimg.bat floppy.img
