goto:end
:end
