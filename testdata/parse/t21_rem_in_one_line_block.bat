if 1==1 (echo a & rem note)
echo b
)
