rem.&echo visible
rem & echo hidden
