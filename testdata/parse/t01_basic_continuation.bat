echo one ^
two
