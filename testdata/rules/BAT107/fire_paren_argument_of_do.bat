@echo off
if not exist %SHARE% do (
  md %SHARE%
)
