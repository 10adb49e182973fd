goto next & echo never
:next
