@echo off
for /r %root% %f in (*) do echo %f
