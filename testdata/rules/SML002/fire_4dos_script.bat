@echo off
iff not isdir logs then
	mkdir logs
	if not isdir logs (echo Cannot create LOGS %+ quit 10)
else
	del /y logs\*.*
endiff
