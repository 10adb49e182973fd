@echo off
setlocal enabledelayedexpansion
rem a macro definition whose closing quote was left off: SET keeps the rest of the line
set "@angles=( cx=^!cos:x=rx^!, sx=^!sin:x=rx^!, cy=^!cos:x=ry^!)
set /a "%@angles%"
