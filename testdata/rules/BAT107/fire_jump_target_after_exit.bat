@echo off
goto work
exit /b
:work
for %%d do echo %%d
