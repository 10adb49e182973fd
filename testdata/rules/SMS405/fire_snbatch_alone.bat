%0\..\snbatch.exe %0
