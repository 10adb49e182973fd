set LF=^


echo x
