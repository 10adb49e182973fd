@echo off
cmdkey /add:PRINTSRV /user:CORP\printer /pass:Ink,Jet;99
