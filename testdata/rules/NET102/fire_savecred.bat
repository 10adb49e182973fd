@echo off
runas /user:CORP\deskadmin /savecred "%0\..\setup.exe /silent"
