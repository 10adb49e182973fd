@echo off
echo first echo second
