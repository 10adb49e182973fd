@echo off
rem The "& pause" is no query parameter: it was meant to run.
start "" "https://www.example.org/search?q=%1 & pause
