@echo off
set "A=^"C^""
set "v=x("y")"
set ^"m=@for /f "delims=" %%%%! in ("%%!") do @"
echo "done & call next
