@echo off
if %1==/? goto help
if /i "%2" equ %3 echo same
:help
