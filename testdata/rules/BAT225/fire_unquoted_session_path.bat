@echo off
rem The unquoted form: the first space of the session PATH splits the value.
setx PATH %PATH%;C:\opt\bin /M
