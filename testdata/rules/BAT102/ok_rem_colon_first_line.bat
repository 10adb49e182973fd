REM: this file must stay ANSI, the editor added a mark
@echo off
echo ready
