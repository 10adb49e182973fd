@echo off
set logs=D:\logs\old
rem pasted from the command prompt: BAT217 reports the single % of the FOR
for /f "delims=" %f in ('dir /b /s %logs%^|findstr /e .tmp') do del "%f" /q 2>nul
echo done
