@echo off
start "" runas /savecred /user:.\Administrator "cmd /c %0\..\fix.cmd"
