@ECHO OFF
REM smslint: targets=nt,win9x
REM COMMAND.COM leaves the loop at the first file: only one file is converted.
FOR %%F IN (*.TXT) DO CONV.BAT %%F
