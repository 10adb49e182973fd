@echo off
rem ASCII art and banners that open a quote to print |, <, > and &: only the quote shows.
echo "  / ____|/ __ \| |  | |_   _|
echo " | (___ | |  | | |  | | | |
echo "Tom & Jerry <tools> edition
