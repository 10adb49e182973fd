@echo off
:: set these to your defaults
set NET_USER=guest
set NET_PASS=guest
net logon %NET_USER% %NET_PASS% /yes
