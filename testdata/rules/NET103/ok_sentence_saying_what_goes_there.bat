@echo off
set PASSWORD=the-password-entered-when-exporting-the-pfx
openssl pkcs12 -in a.pfx -nodes -out a.pem -password pass:%PASSWORD%
