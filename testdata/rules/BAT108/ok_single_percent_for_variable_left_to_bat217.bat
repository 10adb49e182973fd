@echo off
rem a FOR variable written as at the command prompt
for %s in (srv1 srv2) do copy /y app.ini "\\%s\c$\Program Files\App\" >nul
