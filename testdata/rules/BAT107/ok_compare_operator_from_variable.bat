@echo off
setlocal EnableDelayedExpansion
set "relation=LSS"
set /p "relation=Relation (EQU, LSS, GTR): "
set /a left=%~1, right=%~2
if !left! %relation% !right! (
    echo yes
) else echo no
