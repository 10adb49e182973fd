goto end now please
:end
