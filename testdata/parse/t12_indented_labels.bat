goto a
    :a
;:b
=,:c
