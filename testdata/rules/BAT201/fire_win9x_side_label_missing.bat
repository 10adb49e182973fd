@ECHO OFF
rem Only COMMAND.COM runs the GOTO on line 5, and no label starts with its first 8 characters.
IF NOT "%~f0" == "~f0" GOTO WinNT
@"ruby.exe" "C:/Ruby/bin/rake" %1 %2 %3
GOTO finished
:WinNT
@"ruby.exe" "%~dpn0" %*
:endofruby
