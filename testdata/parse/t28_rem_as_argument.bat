echo Hello REM not a comment
echo Hi &:: comment
