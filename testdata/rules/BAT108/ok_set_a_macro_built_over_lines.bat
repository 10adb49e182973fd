@echo off
rem A `set /a` expression built over several lines: the middle line's open quote
rem keeps its `&` and `^` in the value, where the expression wants them.
set "expr=( m=(a-b)>>31&1,"
set "expr=%expr%v^=-m&(v^(x+1)),
set "expr=%expr%p^=-m&(p^(y)) )"
set /a "a=3, b=5, x=1, y=2, v=0, p=0, %expr%"
echo %v% %p%
