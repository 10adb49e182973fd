@echo off
goto next & echo never
:next
echo ok
