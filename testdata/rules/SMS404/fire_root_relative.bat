copy %0\..\smsls.ini \MS\SMS\BIN
