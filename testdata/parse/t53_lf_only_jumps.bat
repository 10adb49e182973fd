@echo off
goto end
echo filler line 000 to push the label past 512 bytes
echo filler line 001 to push the label past 512 bytes
echo filler line 002 to push the label past 512 bytes
echo filler line 003 to push the label past 512 bytes
echo filler line 004 to push the label past 512 bytes
echo filler line 005 to push the label past 512 bytes
echo filler line 006 to push the label past 512 bytes
echo filler line 007 to push the label past 512 bytes
echo filler line 008 to push the label past 512 bytes
echo filler line 009 to push the label past 512 bytes
echo filler line 010 to push the label past 512 bytes
echo filler line 011 to push the label past 512 bytes
:end
echo ok
