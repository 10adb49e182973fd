@echo off
sc config SMSAgent obj= CORP\smssvc password= Sm5Agent
sc config Backup obj= .\backup password=Tape2001
