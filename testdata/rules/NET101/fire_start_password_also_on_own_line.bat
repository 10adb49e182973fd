@echo off
rem The author meant the lines below as answers to the prompt; cmd.exe runs them as commands,
rem and the password stays readable in the script.
net user helpdesk Desk#2019 /add
net user helpdesk *
Desk#2019
Desk#2019
