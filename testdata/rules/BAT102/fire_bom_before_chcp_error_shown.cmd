chcp 65001 >nul
@echo off
echo hola
