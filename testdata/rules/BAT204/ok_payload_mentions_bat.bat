@if (@X)==(@Y) @end /*
@echo off
cscript //E:JScript //nologo "%~f0" %*
exit /b %errorlevel%
@if (@X)==(@Y) @end JScript comment */
//see tools/helper.bat for the batch side
var sh = new ActiveXObject("WScript.Shell");
	sh.Run('player.bat "C:\\Windows\\Media\\ding.wav"');
