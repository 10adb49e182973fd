@echo off
runas /user:x cmd
rem runas /savecred would store the password
echo do not use runas /savecred here
