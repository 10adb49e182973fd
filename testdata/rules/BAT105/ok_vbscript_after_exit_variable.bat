@echo off
rem The VBScript half is reached only after %QUIT%, which holds `exit /b`: cmd.exe never
rem reads its `Else` lines as commands.
set "QUIT=exit /b"
findstr /e "'VB" <"%~f0" >"%TEMP%\half.vbs"
cscript //nologo "%TEMP%\half.vbs" %*
%QUIT% %ERRORLEVEL%

If WScript.Arguments.Count > 0 Then   'VB
  WScript.Echo WScript.Arguments(0)   'VB
Else                                  'VB
  WScript.Echo "no argument"          'VB
End If                                'VB
