@echo off
make all
if [ $? -ne 0 ]; then
    echo build broke
else
    echo build fine
fi
