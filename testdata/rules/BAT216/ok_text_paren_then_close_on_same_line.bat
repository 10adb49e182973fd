@echo off
rem Only the text loses its ")": nothing runs outside the block.
if /i "%1"=="turbo" (echo Mode (fast))
echo done
