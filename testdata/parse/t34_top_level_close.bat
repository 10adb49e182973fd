echo done )
) this whole line is ignored
