@echo off
rem New service account: a start password, then the operator types the real one.
net user svc_backup Start123 /add /expires:never
net user svc_backup *
net localgroup "Backup Operators" svc_backup /add
