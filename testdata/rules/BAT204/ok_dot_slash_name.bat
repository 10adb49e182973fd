@echo off
rem the script builds its helper with a Unix-style path: cmd.exe stops the name at "/"
cd installer
./make-setup.bat
cd ..
echo packaging finished
