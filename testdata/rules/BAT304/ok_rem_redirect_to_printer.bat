echo off
rem type laser.dat >prn
rem copy setup.txt > LPT1:
game.exe
