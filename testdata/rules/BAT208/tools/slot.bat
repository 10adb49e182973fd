@echo off
rem The helper a toolbox runs from its tools folder.
echo slot %*
