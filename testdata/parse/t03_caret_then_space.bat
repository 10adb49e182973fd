echo a ^ 
echo b
