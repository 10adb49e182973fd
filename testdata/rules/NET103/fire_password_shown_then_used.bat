@echo off
set "backup_pass=Tr0ub4dor-3"
echo Saving the credentials of the backup account (%backup_pass%) ...
cmdkey /add:nas01 /user:backup /pass:%backup_pass%
