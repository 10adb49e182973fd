@echo off
REM The helper sits next to the script (it is the other fixture of this folder).
call %0\..\ok_program_not_in_repository.bat
