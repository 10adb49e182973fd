@echo off
rem Quoted or escaped query strings, and ordinary command separators.
set "BASEURL=https://download.example.org/get?product=browser-stub&os=win"
set URL2=https://example.org/a?b=1^&c=2
start "" "https://example.org/a?b=1&c=2"
cd /d %TEMP% & set STEP=2
if exist a.txt del a.txt&set DONE=1
