#!/bin/sh
@ echo off
echo ^>/dev/null \>nul \& goto cmdside

rem= # sh part
make all
exit

:cmdside
nmake /f Makefile.win all
exit /b
