clitravl.exe /TRAVEL=ON /PROMPT=OFF
