@echo off
set "a=(x)" & echo "b & echo c
