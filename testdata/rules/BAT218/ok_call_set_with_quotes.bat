@echo off
set path_list=none
for %%f in (*.txt) do call set path_list="%%f"
if %path_list%=="readme.txt" echo only the readme
