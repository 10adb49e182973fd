@echo off
rem the mail password, for the mailbox script
set mailpassword = Spring2024
set "adminpassword =Winter2024"
mail.exe -passwd %mailpassword% -admin %adminpassword%
