:foo+bar
:baz:qux
:amp^&x
goto amp^&x
