@echo off
runas /user:x cmd
runas /user:CORP\adm "mmc compmgmt.msc"
echo %PW%| runas /user:x cmd
