@echo off
rem practice: save a note, usage: rem "text" > "folder\name.txt"
rem note > "D:\batch_files\practice\notes.txt"
echo hello > "D:\batch_files\practice\new.txt"
:copyfiles
if exist d:\app\app.exe goto copyfilesdone
goto copyfiles
:copyfilesdone
