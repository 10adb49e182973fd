@cscript //nologo "%~f0?.wsf" //job:inventory %*
@exit /b 0
<job id="inventory"><script language="VBScript">
   Set objNet = CreateObject("WScript.Network")
   WScript.Echo objNet.ComputerName
</script></job>
