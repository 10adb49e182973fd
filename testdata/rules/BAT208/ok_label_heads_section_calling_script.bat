@echo off
rem Nightly job: each step is a script of its own in the job folder.
cd /d "%JOBDIR%"

:EXPORT_USERS
call export_users

:PACK
for %%f in (*.csv) do call pack %%f

:END
echo Done.
