:: nightly clean-up of the print spool
@echo off
net stop spooler
