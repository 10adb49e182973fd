$newPass = Read-Host "Password for the helpdesk account"
net user Helpdesk $newPass /add
net localgroup administrators Helpdesk /add
