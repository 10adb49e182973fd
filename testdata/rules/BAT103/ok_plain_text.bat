@echo off
echo no NUL here
