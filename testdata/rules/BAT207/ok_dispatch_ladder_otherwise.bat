echo off
rem autodet returns the video card: 0 or 1 mono, 2 CGA, 3 or 4 EGA, 5 VGA.
autodet
if errorlevel 5 goto vga
if errorlevel 3 goto ega
if errorlevel 2 goto cga
if errorlevel 0 goto mono
:mono
game /m
goto end
:cga
:ega
:vga
game
:end
