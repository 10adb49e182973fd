@echo off
rem Typographic quotes (pasted from a web page) are plain text to cmd.exe: the space still
rem splits the path.
del /q “%ProgramData%\Microsoft\Windows Defender\Scans\History\*.*”
