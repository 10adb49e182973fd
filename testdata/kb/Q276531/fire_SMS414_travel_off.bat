clitravl.exe /TRAVEL=OFF
