@echo off
set user2=svc_scan
set pass2=Scan2Folder!
net use S: \\fs02\scans %pass2% /user:CORP\%user2% /persistent:no
