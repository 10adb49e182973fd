goto endÿjunk
:endÿx
