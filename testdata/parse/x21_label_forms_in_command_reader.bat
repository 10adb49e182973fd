:=== label ===
:
:+plus
  :indented rest
@:at_label
