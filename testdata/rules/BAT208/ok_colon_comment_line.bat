@echo off
: Build the client application
cd client
call build
cd ..
