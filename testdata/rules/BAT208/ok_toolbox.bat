@echo off
echo toolbox %*
