rem foo^
echo hidden
