call %0\..\smsls.bat
if exist %windir%\checkras.exe goto yes
copy \\server\netlogon\checkras.exe %windir%
:yes
%windir%\checkras
if errorlevel 1 goto RAS
goto end
:RAS
c:\ms\sms\bin\smsrun16
:END
