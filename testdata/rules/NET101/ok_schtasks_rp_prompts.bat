@echo off
rem schtasks asks for the run-as password when /rp has no value
schtasks /create /tn "Nightly" /tr "C:\Tools\nightly.bat" /sc daily /st 02:00 /ru CORP\svc_jobs /rp /f
schtasks /create /tn "Weekly" /tr "C:\Tools\weekly.bat" /sc weekly /ru CORP\svc_jobs /rp
