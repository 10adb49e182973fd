echo	ab
goto		end
	:end
if	1	==	1	echo ok
