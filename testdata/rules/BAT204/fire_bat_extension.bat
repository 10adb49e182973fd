@echo off
\\dc1\netlogon\drives.bat
echo drives mapped
