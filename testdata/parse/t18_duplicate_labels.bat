:a
echo one
goto next
:next
goto a
:a
echo two
