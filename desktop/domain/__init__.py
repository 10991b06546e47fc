"""Pure-Python core: models, rules and services. Nothing below this package imports Qt."""
