%0\..\slwnt32.exe %0 64000
