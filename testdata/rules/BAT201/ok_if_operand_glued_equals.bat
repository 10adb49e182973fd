@echo off
setlocal enabledelayedexpansion
:args
set "opt=%~1"
if "!opt!"=="" goto run
shift
rem the operand glued to == keeps its = (a delayed edit): the block is the command
if ""==!opt:-v=!        (set verbose=1 && goto args)
if ""==!opt:--name=!    (set "name=%~1" && shift && goto args)
echo unknown option %opt%
goto args
:run
echo verbose=%verbose% name=%name%
