@echo off
rem show the syntax of the two commands before the lesson
for /?
if /?
echo now try your own loop
