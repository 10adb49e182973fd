echo a > "out file.txt"
sort < in.txt > out.txt
echo x 1>&2
echo y >
