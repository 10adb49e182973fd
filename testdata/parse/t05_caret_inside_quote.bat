echo "a ^
echo b
