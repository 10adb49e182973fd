<!-- :
@echo off
rem cmd.exe runs the first line as a label line; mshta reads the HTML below.
mshta.exe "%~f0"
exit /b
-->
<html>
<head><title>Choose a printer</title></head>
<body><button onclick="window.close()">OK</button></body>
</html>
