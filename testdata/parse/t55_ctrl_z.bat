echo aecho b
