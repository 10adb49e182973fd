@echo off
net user %u% /domain
net user %USERNAME% /domain | find "Full Name"
net user helpdesk * /add
net user helpdesk /active:no
