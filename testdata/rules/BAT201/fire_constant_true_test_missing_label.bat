@echo off
rem A fixed word compared with itself is always true: the jump runs.
if /i Yes==yes goto finish
echo never
