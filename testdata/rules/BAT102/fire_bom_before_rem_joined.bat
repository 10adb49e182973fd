rem set up & echo off
echo hello
