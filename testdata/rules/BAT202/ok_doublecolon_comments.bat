@echo off
:: first comment
:: second comment
::
echo hi
