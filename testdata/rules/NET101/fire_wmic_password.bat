@echo off
wmic /node:%COMPUTERNAME% /user:CORP\audit /password:"Aud it1" computersystem get model
