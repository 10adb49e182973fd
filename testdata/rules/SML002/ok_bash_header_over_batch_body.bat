#!/usr/bin/env bash
cd /D C:\Tools
start worker.bat
timeout 2 >nul
exit
