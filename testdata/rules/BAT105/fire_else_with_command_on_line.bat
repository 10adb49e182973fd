@echo off
if exist a.txt (
  echo one
) 
if exist b.txt (echo x)
else echo y
