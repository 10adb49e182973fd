@echo off
echo nothing to report here
