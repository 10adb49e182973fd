@echo off
rem a script without any suppression comment
echo hello
