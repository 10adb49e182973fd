@echo off
rem Raise the script through its own WSF job, then ask before closing.
cscript //nologo "%~f0?.wsf" //job:raise
echo Work finished.
echo Press Y to close this window.
choice /c Y /n
if errorlevel 1 (exit /b) else (rem.)

===== embedded job, read by cscript =====>
<package>
   <job id="raise">
      <script language="VBScript">
         If WScript.Arguments.Count = 0 Then
            WScript.Echo "no arguments & nothing (to do)"
         End If
      </script>
   </job>
</package>
