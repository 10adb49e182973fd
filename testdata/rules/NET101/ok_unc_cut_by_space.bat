@echo off
rem map the team folder (the server name has a space, which breaks this line)
net use t: \\team server\projects
