@echo off
(
  echo outer
  (
    echo inner
  )
