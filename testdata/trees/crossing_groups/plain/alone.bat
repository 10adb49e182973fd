@echo off
echo nothing to call
