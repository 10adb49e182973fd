@echo off
:start
echo once
:Start
echo twice
