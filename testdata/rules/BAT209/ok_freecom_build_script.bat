@echo off
rem A FreeDOS package build: FreeCOM, like COMMAND.COM, has no handle numbers, so the
rem `0` before `>>` is written to the assembler file as text.
set OUT=STRINGS.ASM
vecho /n "Counting messages..."
vmath 2 + 3 | set /p COUNT=
echo   db '%COUNT% messages',0>>%OUT%
echo   db 0>>%OUT%
