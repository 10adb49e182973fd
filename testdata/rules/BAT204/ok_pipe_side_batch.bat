@echo off
rem Each side of a pipe runs in its own cmd.exe: the logger returns, and the script goes on.
(
  echo copying the profile
  xcopy /e /y "%USERPROFILE%\Documents" H:\Backup\
) | tools\tee.bat -a backup.log
logfmt.bat backup.log | more
echo backup done
