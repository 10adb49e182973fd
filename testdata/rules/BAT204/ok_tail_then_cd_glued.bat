echo off
cd \games\star
star.bat
cd\
cls
