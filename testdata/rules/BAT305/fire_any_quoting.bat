@echo off
IF /I %os% == WINDOWS_NT (
  net use h: /home
) else (
  net use h: \\srv\home
)
