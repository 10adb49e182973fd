@echo off
cscript //nologo "%~f0?.wsf" //job:inv %*
exit /b
<job id="inv">
<script language="VBScript">
WScript.Echo "inventory"
</script></job>
