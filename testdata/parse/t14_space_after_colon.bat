goto comment
echo A
: comment text here
echo B
