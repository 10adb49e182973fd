clitravl.exe /TRAVEL=ON
