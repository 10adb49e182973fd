:: note ^
echo hidden
