@echo off
if not exist \\fs01\home md \\fs01\home
sc create agent binPath= C:\agent\agent.exe
