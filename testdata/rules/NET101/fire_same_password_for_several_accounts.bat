@echo off
rem lab accounts
net user trainee1 Kl4ssr00m! /add
net user trainee2 Kl4ssr00m! /add
net user trainee3 Kl4ssr00m! /add
net user teacher T3acher#2024 /add
net user trainee4 Kl4ssr00m! /add
