CHCP 1258 >nul 2>&1
CHCP 65001 >nul 2>&1
@echo off
echo hola
