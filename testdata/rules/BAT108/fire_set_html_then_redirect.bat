@echo off
rem The quote also swallows the redirection meant to write the page to a file.
set page="<b>Report</b> >> report.htm
