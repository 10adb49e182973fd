@echo off
set BASEURL=https://download.example.org/get?product=browser-stub&os=win&lang=en
bitsadmin /transfer fx "%BASEURL%" "%TEMP%\setup.exe"
start "" https://intranet.example.org/news?id=42&view=full
