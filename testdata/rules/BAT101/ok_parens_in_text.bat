@echo off
echo(
echo a (b) c
if 1==1 (echo ")")
