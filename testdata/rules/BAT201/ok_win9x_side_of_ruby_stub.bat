@ECHO OFF
rem A RubyGems-style stub: cmd.exe always takes the WinNT branch (%~f0 is a path there);
rem only COMMAND.COM runs the next two lines, and it finds :endofrubystub by its first 8 characters.
IF NOT "%~f0" == "~f0" GOTO WinNT
@"ruby.exe" "C:/Ruby/bin/rake" %1 %2 %3 %4 %5 %6 %7 %8 %9
GOTO endofruby
:WinNT
@"ruby.exe" "%~dpn0" %*
:endofrubystub
