@echo off
iff not isdir old then
	mkdir old
else
	del /y old\*.*
endiff
