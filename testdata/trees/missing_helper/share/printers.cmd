@echo off
net use lpt2: \\ps1\laser
