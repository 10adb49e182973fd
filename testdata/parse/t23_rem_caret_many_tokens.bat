rem this is a comment ^
echo shown
