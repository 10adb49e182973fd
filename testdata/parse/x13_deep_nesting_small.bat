(((
echo deep
)))
