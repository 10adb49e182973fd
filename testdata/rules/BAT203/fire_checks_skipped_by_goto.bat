@echo off
:again
if exist h:\. goto droph
goto mapall
if exist s:\. goto drops
goto mapall
:droph
net use h: /delete
goto again
:drops
net use s: /delete
goto again
:mapall
net use s: \\srv\shared
