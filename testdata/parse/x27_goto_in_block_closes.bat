if 1==1 (goto :foo)
:foo
