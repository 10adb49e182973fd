@echo off
rem -pass is an option of this script; NULL is its "no password" default, tested below
IF NOT DEFINED -pass SET -pass=NULL
SET "-security=%-pass% /USER:%-user%"
FOR %%a in (%-user% %-pass%) DO IF %%a==NULL SET "-security= "
NET USE \\srv\ADMIN$ %-security% >NUL
