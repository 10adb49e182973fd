clitravl.exe /travel=on
