@echo off
>nul
if not goto help
:help
