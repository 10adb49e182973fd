:retry
net use h: /home || goto retry
