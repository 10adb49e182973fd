clitravl.exe /PROMPT=OFF
