@echo off
echo smslint: disable=NOSUCH1 is not a comment
