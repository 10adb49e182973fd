dir | find "x" && echo found || echo none
type a.txt | more & echo done
