@echo off
rem The open quote keeps the query's "&" in the URL, as meant.
set q=%*
start "" "https://www.example.org/search?q=%q%&version=NIV&page=1
