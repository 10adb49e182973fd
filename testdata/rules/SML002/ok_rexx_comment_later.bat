@echo off
rem /* line 1 is @echo off, so this is batch, not REXX */
echo inventory
